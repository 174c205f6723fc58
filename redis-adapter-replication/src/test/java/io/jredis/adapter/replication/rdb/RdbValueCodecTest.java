package io.jredis.adapter.replication.rdb;

import io.jredis.application.server.ServerConfig;
import io.jredis.domain.value.HashValue;
import io.jredis.domain.value.ListValue;
import io.jredis.domain.value.SetValue;
import io.jredis.domain.value.SortedSet;
import io.jredis.domain.value.StreamValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DUMP payloads as redis-server 7.0.15 produced them (DUMP k after the commands named), byte for byte. */
class RdbValueCodecTest {

    private final RdbValueCodec codec = new RdbValueCodec(new ServerConfig());

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void stringsAsRedisEncodesThem() {
        // SET k 12345 / SET k hello / SET k <100 x 'x'> (LZF)
        assertArrayEquals(hex("00c139300a009d94ea2793fc08b9"), codec.dump(b("12345")));
        assertArrayEquals(hex("000568656c6c6f0a006372df766534200a"), codec.dump(b("hello")));
        assertArrayEquals(hex("00c3094064017878e057000178780a005db7f663bb08625f"), codec.dump(b("x".repeat(100))));
    }

    @Test
    void compressesLongStringsExactlyAsLiblzf() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            s.append(i * i % 97);
        }
        String redis = "00c340bb4227183031343931363235333634393634383133323434373732323320140639353333373031201c201a2026"
                + "1b34333934353038363532373838353432323839363133353131383636203b013332200809393338353739373537332001"
                + "200905383539333631201b0034202402383631202f200e0f393232353438383237363538353039342059003120610b3635"
                + "3331323730333339353620810332373234200202333831407e003320a505313639343130e0ffb2215fe15d650136340a00"
                + "b5f7f645a6bcad4f";
        assertArrayEquals(hex(redis), codec.dump(b(s.toString())));
    }

    @Test
    void listAsAQuicklistOfListpacks() {
        ListValue list = new ListValue();
        for (String e : new String[] {"a", "b", "1", "-2", "300", "70000", "x".repeat(70)}) {
            list.pushBack(b(e));
        }
        assertArrayEquals(hex("120102c32340631b6300000007008161028162020101dffe02c12c02f270110104e04678e03c000148ff0a0018e6799a33312331"),
                codec.dump(list));
    }

    @Test
    void smallHashSetAndSortedSetInTheirCompactEncodings() {
        HashValue hash = new HashValue();
        hash.put(b("f1"), b("v1"));
        hash.put(b("f2"), b("2"));
        assertArrayEquals(hex("10151500000004008266310382763103826632030201ff0a005c5ea813feec1ff5"), codec.dump(hash));

        SetValue set = new SetValue();
        for (String m : new String[] {"1", "70000", "-3"}) {
            set.add(b(m));
        }
        assertArrayEquals(hex("0b140400000003000000fdffffff01000000701101000a007b8d4dddaf2286d7"), codec.dump(set));

        SortedSet z = new SortedSet();
        z.put(b("a"), 1);
        z.put(b("b"), 2.5);
        z.put(b("c"), -3);
        z.put(b("d"), 1e20);
        z.put(b("e"), Double.POSITIVE_INFINITY);
        z.compactIfSmall();
        assertArrayEquals(hex("112c2c0000000a00816302dffd02816102010181620283322e35048164028531652b32300681650283696e6604ff0a00"
                + "9824950d0b8525d4"), codec.dump(z));
    }

    @Test
    void streamReadAndWrittenBackIdentically() {
        // XADD k 1-1 a 1 b 2; XADD k 1-2 a 3 b 4; XADD k 2-0 c x
        byte[] redis = hex("130110000000000000000100000000000000013e3e000000190003010001020181610281620200010201000100010101"
                + "0201050102010001010103010401050100010101dfff0201018163028178020601ff0302000101000003000a008adf7230"
                + "22e6daa9");
        Object value = codec.restore(redis, 0, redis.length);
        StreamValue st = assertInstanceOf(StreamValue.class, value);
        assertEquals(3, st.length());
        assertArrayEquals(redis, codec.dump(st));
    }

    @Test
    void everyPayloadReadBackDumpsTheSameBytes() {
        String[] payloads = {
            "00c139300a009d94ea2793fc08b9",
            "120102c32340631b6300000007008161028162020101dffe02c12c02f270110104e04678e03c000148ff0a0018e6799a33312331",
            "10151500000004008266310382763103826632030201ff0a005c5ea813feec1ff5",
            "0b140400000003000000fdffffff01000000701101000a007b8d4dddaf2286d7",
        };
        for (String p : payloads) {
            byte[] bytes = hex(p);
            assertTrue(codec.intact(bytes, 0, bytes.length), p);
            assertArrayEquals(bytes, codec.dump(codec.restore(bytes, 0, bytes.length)), p);
        }
    }

    @Test
    void refusesWrongChecksumsAndNewerVersions() {
        byte[] good = hex("000568656c6c6f0a006372df766534200a");
        assertTrue(codec.intact(good, 0, good.length));
        byte[] corrupt = good.clone();
        corrupt[corrupt.length - 1] ^= 1;
        assertFalse(codec.intact(corrupt, 0, corrupt.length));
        assertFalse(codec.intact(good, 0, 9), "shorter than a trailer");
        byte[] v11 = withTrailer(b("\u0000\u0005hello"), 11);
        assertFalse(codec.intact(v11, 0, v11.length), "RDB 11 is Redis 7.2's");
        byte[] v9 = withTrailer(b("\u0000\u0005hello"), 9);
        assertTrue(codec.intact(v9, 0, v9.length), "older versions are read");
        // a zero checksum is no "checksum off" here, unlike in RDB files
        byte[] zero = good.clone();
        java.util.Arrays.fill(zero, zero.length - 8, zero.length, (byte) 0);
        assertFalse(codec.intact(zero, 0, zero.length));
    }

    @Test
    void badDataIsNull() {
        assertNull(restore(withTrailer(b("c\u0005hello"), 10)), "unknown type");
        assertNull(restore(withTrailer(b("\u0007\u0005hello"), 10)), "module type");
        assertNull(restore(withTrailer(b("\u0014\u0005hello"), 10)), "set listpack is Redis 7.2's");
        assertNull(restore(withTrailer(b("\u0002\u0000"), 10)), "empty set");
        assertNull(restore(withTrailer(b("\u000b\u0005hello"), 10)), "not an intset");
        assertNull(restore(withTrailer(b("\u0000\u00c3\u0002\u0005ab"), 10)), "bad LZF");
        // as Redis, a value may run into the trailer: "hel" and the version's two bytes
        assertArrayEquals(b("hel\n\u0000"), (byte[]) restore(withTrailer(b("\u0000\u0005hel"), 10)));
    }

    private Object restore(byte[] p) {
        return codec.restore(p, 0, p.length);
    }

    private static byte[] withTrailer(byte[] body, int version) {
        byte[] out = java.util.Arrays.copyOf(body, body.length + 10);
        out[body.length] = (byte) version;
        long crc = Crc64.update(0, out, 0, body.length + 2);
        for (int i = 0; i < 8; i++) {
            out[body.length + 2 + i] = (byte) (crc >>> (8 * i));
        }
        return out;
    }
}
