package io.jredis.domain.value;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stored bytes and counts match a real redis-server 7.0.15 fed the same PFADDs (elements
 * "e0", "e1", ...; hll-sparse-max-bytes 3000): SHA-1 of GET before and after PFCOUNT, PFCOUNT,
 * and the encoding Redis reported.
 */
class HyperLogLogTest {

    private static final long SPARSE_MAX = 3000;

    @Test
    void threeElementsGiveRedissSparseBytes() {
        MutableString h = HyperLogLog.create();
        assertEquals("48594c4c010000000000000000000000" + "7fff", hex(h));
        for (String e : new String[] {"a", "b", "c"}) {
            assertEquals(1, add(h, e));
        }
        HyperLogLog.invalidateCache(h.array());
        assertEquals("48594c4c01000000000000000000008060f38050b1844bfb80425a", hex(h));
        assertEquals(0, add(h, "a"));
        assertFalse(HyperLogLog.cacheValid(h.array()));
        long card = HyperLogLog.count(h.array(), h.length());
        assertEquals(3, card);
        HyperLogLog.storeCardinality(h.array(), card);
        assertTrue(HyperLogLog.cacheValid(h.array()));
        assertEquals("48594c4c01000000030000000000000060f38050b1844bfb80425a", hex(h));
        assertEquals("Z:8436 v:1,1 Z:4274 v:2,1 Z:3068 v:1,1 Z:603", HyperLogLog.decode(h.array(), h.length()));
    }

    @Test
    void sparseNearTheLimitAndDenseMatchRedis() throws Exception {
        check(100, 285, "47f6cb6c3c5a16056e3bb450f9572a1524d44455", true, 100,
                "10284d924957df904fe939f436df8ee09605b6ef");
        check(700, 1403, "3cee74bbb594ea68a4d282fa8cf46ff9dc3da2ed", true, 704,
                "53c0c9ff5771890bc0f6f593a97ac8ca0a574f6c");
        check(1000, 1906, "26dc3c41142e0317d54eb6adc1e29ccff5ca6941", true, 1008,
                "5b90d5bb9790139af3f5b0b6e8ffc2ab1fcc86da");
        check(5000, 12304, "21f2bcbf124c89c42b46e149b5d2218e30c42fd1", false, 4968,
                "96a367e68466cf15738f8f4dbb54a5c87e55a814");
        check(100_000, 12304, "ec6400bb60029296060157289491545488e0cdd1", false, 100853,
                "963e6cee79a81da7857234caac0f76085c89dd79");
    }

    @Test
    void unionOfRegistersCountsAsRedisDoes() {
        byte[] max = new byte[HyperLogLog.REGISTERS];
        for (int n : new int[] {100, 700, 100_000}) {
            MutableString h = filled(n);
            assertTrue(HyperLogLog.merge(max, h.array(), h.length()));
        }
        assertEquals(100853, HyperLogLog.countRegisters(max));
    }

    @Test
    void validityFollowsRedisChecks() {
        MutableString h = HyperLogLog.create();
        assertTrue(HyperLogLog.isValid(h.array(), h.length()));
        assertFalse(HyperLogLog.isValid(h.array(), 15));
        byte[] dense = new byte[HyperLogLog.DENSE_SIZE];
        System.arraycopy("HYLL".getBytes(StandardCharsets.US_ASCII), 0, dense, 0, 4);
        assertTrue(HyperLogLog.isValid(dense, dense.length));
        assertFalse(HyperLogLog.isValid(dense, dense.length - 1));
        dense[4] = 2;
        assertFalse(HyperLogLog.isValid(dense, dense.length));
        // A sparse body covering fewer than 16384 registers is corrupt.
        byte[] shortRun = HexFormat.of().parseHex("48594c4c010000000000000000000000" + "7f00");
        assertEquals(-1, HyperLogLog.count(shortRun, shortRun.length));
        assertFalse(HyperLogLog.toDense(new MutableString(shortRun, shortRun.length)));
    }

    private static void check(int n, int length, String sha1, boolean sparse, long count, String sha1AfterCount)
            throws Exception {
        MutableString h = filled(n);
        HyperLogLog.invalidateCache(h.array());
        assertEquals(length, h.length(), "length after " + n);
        assertEquals(sparse, HyperLogLog.isSparse(h.array()), "encoding after " + n);
        assertEquals(sha1, sha1(h), "bytes after " + n);
        long card = HyperLogLog.count(h.array(), h.length());
        assertEquals(count, card, "count after " + n);
        HyperLogLog.storeCardinality(h.array(), card);
        assertEquals(sha1AfterCount, sha1(h), "bytes after PFCOUNT of " + n);
    }

    private static MutableString filled(int n) {
        MutableString h = HyperLogLog.create();
        for (int i = 0; i < n; i++) {
            add(h, "e" + i);
        }
        return h;
    }

    private static int add(MutableString h, String e) {
        byte[] b = e.getBytes(StandardCharsets.UTF_8);
        return HyperLogLog.add(h, b, 0, b.length, SPARSE_MAX);
    }

    private static String hex(MutableString h) {
        return HexFormat.of().formatHex(h.toBytes());
    }

    private static String sha1(MutableString h) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(h.toBytes()));
    }
}
