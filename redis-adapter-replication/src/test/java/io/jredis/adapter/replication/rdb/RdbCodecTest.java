package io.jredis.adapter.replication.rdb;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RdbCodecTest {

    private static byte[] encodeString(String s, boolean compression) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RdbWriter w = new RdbWriter(out, compression, false);
        w.writeString(s.getBytes(StandardCharsets.ISO_8859_1));
        w.end();
        byte[] all = out.toByteArray();
        return Arrays.copyOf(all, all.length - 9); // without EOF and checksum
    }

    private static String decodeString(byte[] encoded) throws Exception {
        return new String(new RdbInput(new ByteArrayInputStream(encoded)).readString(), StandardCharsets.ISO_8859_1);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void integersAsRedisEncodesThem() throws Exception {
        assertEquals("c000", hex(encodeString("0", true)));
        assertEquals("c07f", hex(encodeString("127", true)));
        assertEquals("c080", hex(encodeString("-128", true)));
        assertEquals("c18000", hex(encodeString("128", true)));
        assertEquals("c10080", hex(encodeString("-32768", true)));
        assertEquals("c2ffff0000", hex(encodeString("65535", true)));
        assertEquals("c2ffffff7f", hex(encodeString("2147483647", true)));
        assertEquals("c200000080", hex(encodeString("-2147483648", true)));
        // outside 32 bits, or not canonical: plain strings
        assertEquals("0a" + hex("2147483648".getBytes()), hex(encodeString("2147483648", true)));
        assertEquals("03" + hex("007".getBytes()), hex(encodeString("007", true)));
        assertEquals("02" + hex("+1".getBytes()), hex(encodeString("+1", true)));
        assertEquals("02" + hex("-0".getBytes()), hex(encodeString("-0", true)));
        assertEquals("00", hex(encodeString("", true)));
        for (String s : List.of("0", "127", "-128", "128", "-32768", "65535", "2147483647", "-2147483648",
                "2147483648", "007", "")) {
            assertEquals(s, decodeString(encodeString(s, true)));
        }
    }

    @Test
    void redisIntegerEncodingsDecode() throws Exception {
        // from strings.rdb written by redis-server 7.0.15
        assertEquals("100", decodeString(HexFormat.of().parseHex("c064")));
        assertEquals("-5", decodeString(HexFormat.of().parseHex("c0fb")));
        assertEquals("30000", decodeString(HexFormat.of().parseHex("c13075")));
        assertEquals("-2000000000", decodeString(HexFormat.of().parseHex("c2006cca88")));
    }

    @Test
    void longCompressibleStringsAreLzfWhenCompressionIsOn() throws Exception {
        String s = "a".repeat(21);
        byte[] on = encodeString(s, true);
        assertEquals(0xc3, on[0] & 0xff);
        assertEquals(s, decodeString(on));
        byte[] off = encodeString(s, false);
        assertEquals(21, off[0]);
        assertEquals(s, decodeString(off));
        // 20 bytes is not "longer than 20": stored plain as Redis does
        assertEquals(20, encodeString("a".repeat(20), true)[0]);
        // incompressible: plain
        byte[] plain = encodeString("abcdefghijklmnopqrstuvwxyz0123456789", true);
        assertEquals(36, plain[0]);
    }

    @Test
    void everyLengthEncodingRoundTrips() throws Exception {
        long[] lengths = {0, 1, 63, 64, 16383, 16384, 0xffffffffL, 0x100000000L, Long.MAX_VALUE};
        String[] prefixes = {"00", "01", "3f", "4040", "7fff", "8000004000", "80ffffffff", "810000000100000000",
                "817fffffffffffffff"};
        for (int i = 0; i < lengths.length; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RdbWriter w = new RdbWriter(out, false, false);
            w.writeLength(lengths[i]);
            w.end();
            byte[] b = out.toByteArray();
            assertEquals(prefixes[i], hex(Arrays.copyOf(b, b.length - 9)));
            assertEquals(lengths[i], new RdbInput(new ByteArrayInputStream(b)).readLength());
        }
    }

    @Test
    void stringsOfEveryLengthClassRoundTrip() throws Exception {
        for (int len : new int[] {1, 63, 64, 16383, 16384, 70000}) {
            byte[] v = new byte[len];
            for (int i = 0; i < len; i++) {
                v[i] = (byte) (i * 31 + i / 7);
            }
            String s = new String(v, StandardCharsets.ISO_8859_1);
            assertEquals(s, decodeString(encodeString(s, true)), "length " + len);
            assertEquals(s, decodeString(encodeString(s, false)), "length " + len);
        }
    }

    private static byte[] file(boolean checksum) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RdbWriter w = new RdbWriter(out, true, checksum);
        w.header();
        w.aux("redis-ver", "7.0.15");
        w.aux("redis-bits", "64");
        w.selectDb(0, 2, 1);
        w.entry("k".getBytes(), new LoadedValue.StringValue("v".getBytes()), -1);
        w.stringEntry("t".getBytes(), "x".repeat(100).getBytes(), 100, 4102444800123L);
        w.selectDb(5, 1, 0);
        w.stringEntry("n".getBytes(), "12345".getBytes(), 5, -1);
        w.end();
        return out.toByteArray();
    }

    @Test
    void writerOutputReadsBackWithChecksum() throws Exception {
        byte[] f = file(true);
        assertEquals("REDIS0010", new String(f, 0, 9, StandardCharsets.US_ASCII));
        long crc = Crc64.update(0, f, 0, f.length - 8);
        long stored = 0;
        for (int i = 0; i < 8; i++) {
            stored |= (f[f.length - 8 + i] & 0xffL) << (8 * i);
        }
        assertEquals(crc, stored);
        CollectingSink s = new CollectingSink();
        RdbReader.read(new ByteArrayInputStream(f), s);
        assertEquals("7.0.15", s.aux.get("redis-ver"));
        assertEquals("64", s.aux.get("redis-bits"));
        assertEquals("v", s.string("0:k"));
        assertEquals(-1, s.get("0:k").expireAt());
        assertEquals("x".repeat(100), s.string("0:t"));
        assertEquals(4102444800123L, s.get("0:t").expireAt());
        assertEquals("12345", s.string("5:n"));
        assertEquals(List.of("0 2 1", "5 1 0"), s.resizes.stream().map(r -> r[0] + " " + r[1] + " " + r[2]).toList());
    }

    @Test
    void checksumZeroMeansDisabled() throws Exception {
        byte[] f = file(false);
        assertArrayEquals(new byte[8], Arrays.copyOfRange(f, f.length - 8, f.length));
        CollectingSink s = new CollectingSink();
        RdbReader.read(new ByteArrayInputStream(f), s);
        assertEquals("12345", s.string("5:n"));
    }

    private static RdbFormatException failure(byte[] f) {
        return assertThrows(RdbFormatException.class, () -> RdbReader.read(new ByteArrayInputStream(f), new CollectingSink()));
    }

    @Test
    void badChecksumIsReportedAtTheTrailer() throws Exception {
        byte[] f = file(true);
        f[f.length - 3] ^= 1;
        RdbFormatException e = failure(f);
        assertEquals(f.length - 8, e.offset());
        assertTrue(e.getMessage().startsWith("wrong RDB checksum"), e.getMessage());
        // a flipped data byte is caught by the checksum too
        byte[] g = file(true);
        int at = new String(g, StandardCharsets.ISO_8859_1).indexOf("7.0.15");
        g[at] = '8';
        assertTrue(failure(g).getMessage().startsWith("wrong RDB checksum"));
    }

    @Test
    void truncationAnywhereIsReportedWithItsOffset() throws Exception {
        byte[] f = file(true);
        for (int cut = 0; cut < f.length; cut++) {
            RdbFormatException e = failure(Arrays.copyOf(f, cut));
            assertTrue(e.getMessage().equals("unexpected end of file")
                    || e.getMessage().startsWith("wrong signature"), cut + ": " + e.getMessage());
            if (cut >= 9) {
                assertEquals(cut, e.offset(), "cut at " + cut);
            }
        }
    }

    @Test
    void unknownTypeAndBadHeaderAreReported() throws Exception {
        byte[] f = file(false);
        int at = 9;
        // the first AUX opcode becomes an unknown value type
        f[at] = (byte) 99;
        RdbFormatException e = failure(f);
        assertEquals(9, e.offset());
        assertEquals("unknown RDB value type 99", e.getMessage());
        byte[] g = file(false);
        g[0] = 'X';
        assertEquals("wrong signature trying to load DB from file", failure(g).getMessage());
        byte[] h = file(false);
        h[7] = '9'; // REDIS0090
        assertEquals("can't handle RDB format version 90", failure(h).getMessage());
    }

    @Test
    void oldAndRareOpcodesAreUnderstood() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("REDIS0009".getBytes());
        out.write(new byte[] {(byte) 0xfe, 0x01}); // SELECTDB 1
        out.write(new byte[] {(byte) 0xfd, 0x00, (byte) 0xd8, (byte) 0x85, 0x7a}); // EXPIRETIME (seconds, LE) 0x7a85d800
        out.write(new byte[] {(byte) 0xf8, 0x05}); // IDLE 5
        out.write(new byte[] {0x00, 0x01, 'a', 0x01, 'b'});
        out.write(new byte[] {(byte) 0xf9, 0x07}); // FREQ 7
        out.write(new byte[] {0x00, 0x01, 'c', 0x01, 'd'});
        // MODULE_AUX: module id, when_opcode, when, then typed values up to EOF (skipped)
        out.write(new byte[] {(byte) 0xf7, 0x01, 0x02, 0x02, 0x02, 0x05, 0x05, 0x01, 0x05, 0x02, 0x03, 0x04,
                0, 0, 0, 0, 0, 0, 0, 0, 0x00});
        out.write(0xff);
        out.write(new byte[8]);
        CollectingSink s = new CollectingSink();
        RdbReader.read(new ByteArrayInputStream(out.toByteArray()), s);
        assertEquals("b", s.string("1:a"));
        assertEquals(0x7a85d800L * 1000, s.get("1:a").expireAt());
        assertEquals("d", s.string("1:c"));
        assertEquals(-1, s.get("1:c").expireAt());
    }

    @Test
    void ziplistZipmapAndIntsetEncodingsOfOlderFiles() {
        // ziplist [ "ab", 7, -2, 300, 70000, 5000000000 ] built by hand per ziplist.c's layout
        byte[] zl = HexFormat.of().parseHex("2e000000" + "00000000" + "0600"
                + "00" + "02" + "6162"          // "ab"
                + "04" + "f8"                   // immediate 7 (0xf1 + 7)
                + "02" + "fe" + "fe"            // int8 -2
                + "02" + "c0" + "2c01"          // int16 300
                + "04" + "f0" + "701101"        // int24 70000
                + "04" + "e0" + "00f2052a01000000" // int64 5000000000
                + "ff");
        zl[0] = (byte) zl.length;
        assertEquals(List.of("ab", "7", "-2", "300", "70000", "5000000000"),
                CollectingSink.strings(PackedEncodings.ziplist(zl)));
        // zipmap { "f" -> "vv" } with one free byte after the value
        byte[] zm = HexFormat.of().parseHex("01" + "01" + "66" + "02" + "01" + "7676" + "00" + "ff");
        assertEquals(List.of("f", "vv"), CollectingSink.strings(PackedEncodings.zipmap(zm)));
        byte[] is = HexFormat.of().parseHex("02000000" + "03000000" + "feff" + "0100" + "ff7f");
        assertEquals(List.of("-2", "1", "32767"), CollectingSink.strings(PackedEncodings.intset(is)));
    }

    @Test
    void listpackEncodingsOfEveryWidth() {
        String s70 = "y".repeat(70);
        byte[] lp = HexFormat.of().parseHex("00000000" + "0900"
                + "05" + "01"                         // 7-bit uint 5
                + "81" + "78" + "02"                  // 6-bit string "x"
                + "dfff" + "02"                       // 13-bit int -1
                + "e046" + hex(s70.getBytes()) + "48" // 12-bit string of 70 (backlen 72)
                + "f1" + "0080" + "03"                // int16 -32768
                + "f2" + "701101" + "04"              // int24 70000
                + "f3" + "00000080" + "05"            // int32 min
                + "f4" + "00f2052a01000000" + "09"    // int64 5000000000
                + "f0" + "01000000" + "7a" + "06"     // 32-bit string "z"
                + "ff");
        int len = lp.length;
        lp[0] = (byte) len;
        assertEquals(List.of("5", "x", "-1", s70, "-32768", "70000", "-2147483648", "5000000000", "z"),
                CollectingSink.strings(PackedEncodings.listpack(lp)));
        lp[4] = 8; // wrong element count
        assertThrows(IllegalArgumentException.class, () -> PackedEncodings.listpack(lp));
    }

    @Test
    void collectionsRoundTripInTheirPlainEncodings() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RdbWriter w = new RdbWriter(out, true, true);
        w.header();
        w.selectDb(0, 4, 0);
        w.entry("l".getBytes(), new LoadedValue.ListValue(List.of("a".getBytes(), "12".getBytes(), "x".repeat(40).getBytes())), -1);
        w.entry("s".getBytes(), new LoadedValue.SetValue(List.of("1".getBytes(), "m".getBytes())), 4102444800000L);
        w.entry("z".getBytes(), new LoadedValue.ZSetValue(List.of(
                new LoadedValue.ScoredMember("a".getBytes(), 1.5),
                new LoadedValue.ScoredMember("b".getBytes(), Double.NEGATIVE_INFINITY),
                new LoadedValue.ScoredMember("c".getBytes(), -0.0))), -1);
        w.entry("h".getBytes(), new LoadedValue.HashValue(List.of(
                new LoadedValue.HashField("f".getBytes(), "v".getBytes(), -1))), -1);
        w.end();
        CollectingSink s = new CollectingSink();
        RdbReader.read(new ByteArrayInputStream(out.toByteArray()), s);
        assertEquals(List.of("a", "12", "x".repeat(40)),
                CollectingSink.strings(((LoadedValue.ListValue) s.get("0:l").value()).elements()));
        assertEquals(List.of("1", "m"), CollectingSink.strings(((LoadedValue.SetValue) s.get("0:s").value()).members()));
        assertEquals(4102444800000L, s.get("0:s").expireAt());
        List<LoadedValue.ScoredMember> z = ((LoadedValue.ZSetValue) s.get("0:z").value()).members();
        assertEquals(List.of("a 1.5", "b -Infinity", "c -0.0"),
                z.stream().map(m -> CollectingSink.s(m.member()) + " " + m.score()).toList());
        LoadedValue.HashField f = ((LoadedValue.HashValue) s.get("0:h").value()).fields().get(0);
        assertEquals("f=v", CollectingSink.s(f.field()) + "=" + CollectingSink.s(f.value()));
        assertThrows(IllegalArgumentException.class, () -> w.entry("h".getBytes(), new LoadedValue.HashValue(List.of(
                new LoadedValue.HashField("f".getBytes(), "v".getBytes(), 5))), -1));
    }

    /** A listpack blob of the given elements, small strings and 7-bit integers only. */
    private static String listpackHex(Object... items) {
        StringBuilder body = new StringBuilder();
        for (Object o : items) {
            if (o instanceof Integer i) {
                body.append(String.format("%02x", i)).append("01");
            } else {
                byte[] b = ((String) o).getBytes(StandardCharsets.US_ASCII);
                body.append(String.format("%02x", 0x80 | b.length)).append(hex(b)).append(String.format("%02x", 1 + b.length));
            }
        }
        int total = 6 + body.length() / 2 + 1;
        return String.format("%02x000000%02x00", total, items.length) + body + "ff";
    }

    private static CollectingSink readRecord(String typeAndValueHex) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("REDIS0012".getBytes());
        out.write(HexFormat.of().parseHex(typeAndValueHex));
        out.write(0xff);
        out.write(new byte[8]);
        CollectingSink s = new CollectingSink();
        RdbReader.read(new ByteArrayInputStream(out.toByteArray()), s);
        return s;
    }

    @Test
    void redis72ListpackSetAndRedis74HashFieldExpiry() throws Exception {
        // type 20 (set as listpack, Redis 7.2), key "s"
        String lp = listpackHex("a", 5);
        CollectingSink s = readRecord("14" + "0173" + String.format("%02x", lp.length() / 2) + lp);
        assertEquals(List.of("a", "5"), CollectingSink.strings(((LoadedValue.SetValue) s.get("0:s").value()).members()));

        // type 25 (hash listpack with field expiry, 7.4): min expiry (8 bytes LE), then field/value/expiry triplets
        String lpex = listpackHex("f", "v", 0, "g", "w", 9);
        s = readRecord("19" + "0168" + "0900000000000000" + String.format("%02x", lpex.length() / 2) + lpex);
        List<LoadedValue.HashField> fields = ((LoadedValue.HashValue) s.get("0:h").value()).fields();
        assertEquals(List.of("f=v@-1", "g=w@9"), fields.stream()
                .map(f -> CollectingSink.s(f.field()) + "=" + CollectingSink.s(f.value()) + "@" + f.expireAt()).toList());

        // type 24 (hash table with field expiry, 7.4): min expiry, count, then per field: ttl relative
        // to the min expiry plus 1 (0 = none), field, value
        s = readRecord("18" + "0168" + "e803000000000000" + "02" + "00" + "0166" + "0176" + "03" + "0167" + "0177");
        fields = ((LoadedValue.HashValue) s.get("0:h").value()).fields();
        assertEquals(List.of("f=v@-1", "g=w@1002"), fields.stream()
                .map(f -> CollectingSink.s(f.field()) + "=" + CollectingSink.s(f.value()) + "@" + f.expireAt()).toList());
    }
}
