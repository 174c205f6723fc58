package io.jredis.adapter.replication.rdb;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LzfTest {

    @Test
    void decodesWhatRedisCompressed() {
        // SET lzf <50 x 'a'> on redis-server 7.0.15, bytes of the value in its dump.rdb
        byte[] redis = {0x01, 0x61, 0x61, (byte) 0xe0, 0x25, 0x00, 0x01, 0x61, 0x61};
        byte[] want = new byte[50];
        Arrays.fill(want, (byte) 'a');
        assertArrayEquals(want, Lzf.decompress(redis, redis.length, 50));
    }

    @Test
    void roundTripsRepetitiveText() {
        byte[] in = "the quick brown fox jumps over the lazy dog, the quick brown fox jumps again"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[in.length - 4];
        int n = Lzf.compress(in, in.length, out);
        assertTrue(n > 0 && n < in.length - 4, "compressed to " + n);
        assertArrayEquals(in, Lzf.decompress(out, n, in.length));
    }

    @Test
    void roundTripsLongRunsAndFarReferences() {
        SplittableRandom r = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            int len = 1 + r.nextInt(20_000);
            byte[] in = new byte[len];
            int alphabet = 1 + r.nextInt(round % 3 == 0 ? 2 : 60);
            for (int i = 0; i < len; i++) {
                in[i] = (byte) ('a' + r.nextInt(alphabet));
            }
            byte[] out = new byte[len + len / 16 + 64];
            int n = Lzf.compress(in, len, out);
            assertTrue(n > 0, "fits in a generous buffer");
            assertArrayEquals(in, Lzf.decompress(out, n, len), "round " + round);
        }
    }

    @Test
    void reportsWhenTheOutputDoesNotFit() {
        byte[] in = "abcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0, Lzf.compress(in, in.length, new byte[in.length - 4]));
    }

    @Test
    void rejectsCorruptInput() {
        byte[] bad = {(byte) 0xe0, 0x25, 0x10}; // back reference before the start
        assertThrows(IllegalArgumentException.class, () -> Lzf.decompress(bad, bad.length, 40));
        byte[] shortRun = {0x05, 0x61};
        assertThrows(IllegalArgumentException.class, () -> Lzf.decompress(shortRun, shortRun.length, 6));
    }
}
