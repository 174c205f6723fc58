package io.jredis.adapter.net;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every ReplySink method in RESP2 and RESP3, as redis-server 7.0 encodes them. */
class RespWriterTest {

    private static String encode(int protocol, Consumer<RespWriter> replies) {
        RespWriter w = new RespWriter(16);
        w.protocol(protocol);
        replies.accept(w);
        return new String(w.toBytes(), StandardCharsets.ISO_8859_1);
    }

    private static void both(String resp2, String resp3, Consumer<RespWriter> replies) {
        assertEquals(resp2, encode(2, replies), "RESP2");
        assertEquals(resp3, encode(3, replies), "RESP3");
    }

    @Test
    void bulksOfEveryLengthAroundTheSmallBulkPathAndFromAnOffset() {
        for (int len = 0; len <= 200; len++) {
            byte[] source = new byte[len + 6];
            for (int i = 0; i < source.length; i++) {
                source[i] = (byte) ('a' + i % 26);
            }
            int n = len;
            String value = new String(source, 3, len, StandardCharsets.ISO_8859_1);
            String one = "$" + len + "\r\n" + value + "\r\n";
            assertEquals(one + one, encode(2, w -> {
                w.bulk(source, 3, n);
                w.bulk(source, 3, n);
            }), "length " + len);
        }
    }

    @Test
    void aPooledWriterHoldsABufferOnlyWhileRepliesArePending() {
        BufferPool<byte[]> pool = new BufferPool<>(() -> new byte[16], b -> b.length, 1024, 4096);
        RespWriter w = new RespWriter(pool, null);
        assertEquals(0, w.capacity());
        w.bulk("x".repeat(100));
        assertEquals("$100\r\n" + "x".repeat(100) + "\r\n", new String(w.toBytes(), StandardCharsets.ISO_8859_1));
        w.release();
        assertEquals(0, w.capacity());
        assertEquals(0, w.pending());
        long pooled = pool.pooledBytes();
        assertEquals(true, pooled >= 106, "the drained buffer went back to the pool: " + pooled);
        w.integer(7);
        assertEquals(0, pool.pooledBytes(), "the next reply borrowed it again");
        assertEquals(":7\r\n", new String(w.toBytes(), StandardCharsets.ISO_8859_1));
        w.bulk("y".repeat(5000)); // grown past what the pool keeps: left to the GC
        w.release();
        assertEquals(0, pool.pooledBytes());
    }

    @Test
    void integersAndHeadersAroundEveryPowerOfTen() {
        java.util.List<Long> values = new java.util.ArrayList<>(java.util.List.of(
                0L, 1L, 2L, 9L, 10L, 11L, 99L, 100L, 101L, 12345L, Long.MAX_VALUE, Long.MAX_VALUE - 1,
                Long.MIN_VALUE, Long.MIN_VALUE + 1));
        for (long p = 10; p > 0 && p <= 1_000_000_000_000_000_000L; p *= 10) {
            values.addAll(java.util.List.of(p - 1, p, p + 1, -(p - 1), -p, -(p + 1)));
            if (p == 1_000_000_000_000_000_000L) {
                break;
            }
        }
        for (long v : values) {
            both(":" + v + "\r\n", ":" + v + "\r\n", w -> w.integer(v));
        }
        for (int n : new int[] {0, 9, 10, 99, 100, 999, 1000, 65535, Integer.MAX_VALUE}) {
            both("*" + n + "\r\n", "*" + n + "\r\n", w -> w.array(n));
        }
    }

    @Test
    void statusAndOk() {
        both("+OK\r\n", "+OK\r\n", w -> w.status("OK"));
        both("+OK\r\n", "+OK\r\n", RespWriter::ok);
        both("+PONG\r\n", "+PONG\r\n", w -> w.status("PONG"));
        both("+a b\r\n", "+a b\r\n", w -> w.status("a\nb"));
    }

    @Test
    void errorsAreOneLineAndCounted() {
        io.jredis.application.server.Stats stats = new io.jredis.application.server.Stats();
        RespWriter w = new RespWriter(16, stats);
        w.error("ERR bad\r\nthing");
        w.error("WRONGTYPE Operation against a key holding the wrong kind of value");
        assertEquals("-ERR bad  thing\r\n-WRONGTYPE Operation against a key holding the wrong kind of value\r\n",
                new String(w.toBytes(), StandardCharsets.ISO_8859_1));
        assertEquals(2, stats.errorReplies);
    }

    @Test
    void textsAreByteStringsSoClientBytesComeBackUnchanged() {
        // "ERR unknown command '\xe9'": one byte per char up to 0xFF, as Redis echoes raw bytes.
        String latin1 = "-ERR unknown command '\u00e9'\r\n";
        both(latin1, latin1, w -> w.error("ERR unknown command '\u00e9'"));
        // Beyond Latin-1 (never from a client) the text is UTF-8.
        String wide = new String("-ERR \u20ac\r\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        both(wide, wide, w -> w.error("ERR \u20ac"));
    }

    @Test
    void integers() {
        both(":0\r\n", ":0\r\n", w -> w.integer(0));
        both(":1\r\n", ":1\r\n", w -> w.integer(1));
        both(":-1\r\n", ":-1\r\n", w -> w.integer(-1));
        both(":-2\r\n", ":-2\r\n", w -> w.integer(-2));
        both(":9223372036854775807\r\n", ":9223372036854775807\r\n", w -> w.integer(Long.MAX_VALUE));
        both(":-9223372036854775808\r\n", ":-9223372036854775808\r\n", w -> w.integer(Long.MIN_VALUE));
    }

    @Test
    void bulks() {
        both("$3\r\nbar\r\n", "$3\r\nbar\r\n", w -> w.bulk("bar".getBytes(StandardCharsets.US_ASCII)));
        both("$2\r\nar\r\n", "$2\r\nar\r\n", w -> w.bulk("bar".getBytes(StandardCharsets.US_ASCII), 1, 2));
        both("$0\r\n\r\n", "$0\r\n\r\n", w -> w.bulk(new byte[0]));
        both("$4\r\na\r\nb\r\n", "$4\r\na\r\nb\r\n", w -> w.bulk("a\r\nb"));
        String e = new String("é".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        both("$2\r\n" + e + "\r\n", "$2\r\n" + e + "\r\n", w -> w.bulk("é"));
    }

    @Test
    void bigBulkGrowsTheBuffer() {
        byte[] v = new byte[3_000_000];
        java.util.Arrays.fill(v, (byte) 'x');
        RespWriter w = new RespWriter(16);
        w.bulk(v);
        assertEquals(3_000_000 + "$3000000\r\n\r\n".length(), w.pending());
    }

    @Test
    void nulls() {
        both("$-1\r\n", "_\r\n", RespWriter::nullBulk);
        both("*-1\r\n", "_\r\n", RespWriter::nullArray);
    }

    @Test
    void aggregates() {
        both("*2\r\n:1\r\n$1\r\na\r\n", "*2\r\n:1\r\n$1\r\na\r\n", w -> {
            w.array(2);
            w.integer(1);
            w.bulk("a");
        });
        both("*0\r\n", "*0\r\n", w -> w.array(0));
        both("*4\r\n$1\r\nk\r\n:1\r\n$1\r\nl\r\n:2\r\n", "%2\r\n$1\r\nk\r\n:1\r\n$1\r\nl\r\n:2\r\n", w -> {
            w.map(2);
            w.bulk("k");
            w.integer(1);
            w.bulk("l");
            w.integer(2);
        });
        both("*0\r\n", "%0\r\n", w -> w.map(0));
        both("*1\r\n$1\r\nm\r\n", "~1\r\n$1\r\nm\r\n", w -> {
            w.set(1);
            w.bulk("m");
        });
        both("*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n", ">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n", w -> {
            w.push(3);
            w.bulk("message");
            w.bulk("ch");
            w.bulk("hi");
        });
    }

    @Test
    void doubles() {
        both("$3\r\n1.5\r\n", ",1.5\r\n", w -> w.doubleValue(1.5));
        both("$1\r\n3\r\n", ",3\r\n", w -> w.doubleValue(3.0));
        both("$19\r\n0.10000000000000001\r\n", ",0.10000000000000001\r\n", w -> w.doubleValue(0.1));
        both("$3\r\ninf\r\n", ",inf\r\n", w -> w.doubleValue(Double.POSITIVE_INFINITY));
        both("$4\r\n-inf\r\n", ",-inf\r\n", w -> w.doubleValue(Double.NEGATIVE_INFINITY));
        both("$3\r\nnan\r\n", ",nan\r\n", w -> w.doubleValue(Double.NaN));
    }

    @Test
    void booleansBigNumbersVerbatim() {
        both(":1\r\n", "#t\r\n", w -> w.bool(true));
        both(":0\r\n", "#f\r\n", w -> w.bool(false));
        both("$20\r\n12345678901234567890\r\n", "(12345678901234567890\r\n", w -> w.bigNumber("12345678901234567890"));
        both("$11\r\nSome string\r\n", "=15\r\ntxt:Some string\r\n", w -> w.verbatim("txt", "Some string"));
        both("$0\r\n\r\n", "=4\r\ntxt:\r\n", w -> w.verbatim("txt", ""));
    }

    @Test
    void protocolCanChangeBetweenReplies() {
        RespWriter w = new RespWriter(16);
        w.nullBulk();
        w.protocol(3);
        w.nullBulk();
        w.protocol(2);
        w.nullBulk();
        assertEquals("$-1\r\n_\r\n$-1\r\n", new String(w.toBytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void resetStartsOverAndTheArrayHoldsThePendingBytes() {
        RespWriter w = new RespWriter(16);
        w.bulk("hello");
        assertEquals(11, w.pending());
        assertEquals("$5\r\nhello\r\n", new String(w.array(), 0, w.pending(), StandardCharsets.ISO_8859_1));
        w.reset();
        assertEquals(0, w.pending());
        w.integer(5);
        assertEquals(":5\r\n", new String(w.toBytes(), StandardCharsets.ISO_8859_1));
    }
}
