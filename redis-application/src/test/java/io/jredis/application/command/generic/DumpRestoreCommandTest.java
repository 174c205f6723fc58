package io.jredis.application.command.generic;

import io.jredis.application.port.ValueCodec;
import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import io.jredis.application.testing.RecordingWriteLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * DUMP and RESTORE's command logic, with a stand-in codec ("D:" + a string value; "V:" passes
 * the checksum but holds no value). Replies and propagation as redis-server 7.0.15 gave them.
 */
class DumpRestoreCommandTest {

    private static final class TextCodec implements ValueCodec {
        @Override
        public byte[] dump(Object value) {
            return ("D:" + new String((byte[]) value, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        }

        @Override
        public boolean intact(byte[] buf, int off, int len) {
            return len >= 2 && (buf[off] == 'D' || buf[off] == 'V') && buf[off + 1] == ':';
        }

        @Override
        public Object restore(byte[] buf, int off, int len) {
            return buf[off] == 'D' ? Arrays.copyOfRange(buf, off + 2, off + len) : null;
        }
    }

    private final CommandTester t = new CommandTester();
    private final RecordingWriteLog log = new RecordingWriteLog();

    @BeforeEach
    void codec() {
        t.server.setValueCodec(new TextCodec());
        t.server.addWriteLog(log);
    }

    @Test
    void dumpsAndRestores() {
        t.run("SET", "s", "hello");
        assertEquals("\"D:hello\"", t.run("DUMP", "s"));
        assertEquals("(nil)", t.run("DUMP", "missing"));
        assertEquals("OK", t.run("RESTORE", "n", "0", "D:hello"));
        assertEquals("\"hello\"", t.run("GET", "n"));
        assertEquals("(integer) -1", t.run("TTL", "n"));
    }

    @Test
    void restoreAndAnExpiredReplacingRestoreAnnounceAsRedisDoes() {
        // redis-server 7.0.15, notify-keyspace-events KEA: "restore", then "del" for REPLACE with a past ABSTTL
        t.run("CONFIG", "SET", "notify-keyspace-events", "EA");
        ClientSession sub = t.newClient();
        t.send(sub, "PSUBSCRIBE", "__keyevent*");
        t.replies(sub);
        t.run("RESTORE", "r", "0", "D:1");
        t.run("RESTORE", "r", "1", "D:1", "REPLACE", "ABSTTL");
        assertEquals(List.of(">\"pmessage\", \"__keyevent*\", \"__keyevent@0__:restore\", \"r\"<",
                ">\"pmessage\", \"__keyevent*\", \"__keyevent@0__:del\", \"r\"<"), t.replies(sub));
    }

    @Test
    void errorsInRedisOrder() {
        t.run("SET", "s", "v");
        assertEquals("(error) BUSYKEY Target key name already exists.", t.run("RESTORE", "s", "abc", "junk"));
        assertEquals("(error) ERR syntax error", t.run("RESTORE", "s", "0", "D:x", "FOO"));
        assertEquals("(error) ERR value is not an integer or out of range", t.run("RESTORE", "n", "abc", "D:x"));
        assertEquals("(error) ERR Invalid TTL value, must be >= 0", t.run("RESTORE", "n", "-1", "D:x"));
        assertEquals("(error) ERR DUMP payload version or checksum are wrong", t.run("RESTORE", "n", "0", "junk"));
        assertEquals("(error) ERR Bad data format", t.run("RESTORE", "n", "0", "V:x"));
        assertEquals("(error) ERR Invalid IDLETIME value, must be >= 0", t.run("RESTORE", "n", "0", "D:x", "IDLETIME", "-1"));
        assertEquals("(error) ERR Invalid FREQ value, must be >= 0 and <= 255", t.run("RESTORE", "n", "0", "D:x", "FREQ", "256"));
        assertEquals("(error) ERR value is not an integer or out of range", t.run("RESTORE", "n", "0", "D:x", "FREQ", "x"));
        // IDLETIME and FREQ exclude each other: the second is a syntax error
        assertEquals("(error) ERR syntax error", t.run("RESTORE", "n", "0", "D:x", "FREQ", "1", "IDLETIME", "1"));
        assertEquals("(error) ERR syntax error", t.run("RESTORE", "n", "0", "D:x", "IDLETIME"));
        assertEquals("(integer) 0", t.run("EXISTS", "n"));
        assertEquals(List.of("0: SET s v"), log.entries);
    }

    @Test
    void relativeTtlPropagatesAsAbsolute() {
        long now = t.clock.millis();
        assertEquals("OK", t.run("RESTORE", "k", "5000", "D:v", "IDLETIME", "5"));
        assertEquals("(integer) 5000", t.run("PTTL", "k"));
        assertEquals("OK", t.run("RESTORE", "a", String.valueOf(now + 9000), "D:v", "ABSTTL"));
        assertEquals("(integer) 9000", t.run("PTTL", "a"));
        assertEquals(List.of("0: RESTORE k " + (now + 5000) + " D:v IDLETIME 5 ABSTTL",
                "0: RESTORE a " + (now + 9000) + " D:v ABSTTL"), log.entries);
    }

    @Test
    void anExpiredTimeStoresNothingAndDeletesWhatItReplaces() {
        t.run("SET", "s", "old");
        assertEquals("OK", t.run("RESTORE", "n", "1", "D:v", "ABSTTL"));
        assertEquals("(integer) 0", t.run("EXISTS", "n"));
        assertEquals("OK", t.run("RESTORE", "s", "1", "D:v", "ABSTTL", "REPLACE"));
        assertEquals("(integer) 0", t.run("EXISTS", "s"));
        // a relative TTL past Long.MAX_VALUE wraps into the past, as Redis's long long
        assertEquals("OK", t.run("RESTORE", "w", "9223372036854775807", "D:v"));
        assertEquals("(integer) 0", t.run("EXISTS", "w"));
        assertEquals(List.of("0: SET s old", "0: DEL s"), log.entries);
    }

    @Test
    void idleTimeUnlessLfuAndFrequencyUnderLfu() {
        assertEquals("OK", t.run("RESTORE", "i", "0", "D:v", "IDLETIME", "1000"));
        assertEquals("(integer) 1000", t.run("OBJECT", "IDLETIME", "i"));
        t.run("CONFIG", "SET", "maxmemory-policy", "allkeys-lfu");
        assertEquals("OK", t.run("RESTORE", "f", "0", "D:v", "FREQ", "7"));
        assertEquals("(integer) 7", t.run("OBJECT", "FREQ", "f"));
    }

    @Test
    void restoreBreaksWatch() {
        var watcher = t.newClient();
        t.runAs(watcher, "WATCH", "k");
        t.runAs(watcher, "MULTI");
        t.runAs(watcher, "SET", "x", "1");
        t.run("RESTORE", "k", "0", "D:v");
        assertEquals("(nil-array)", t.runAs(watcher, "EXEC"));
    }

    @Test
    void restoreAskingIsRestore() {
        assertEquals("OK", t.run("RESTORE-ASKING", "k", "0", "D:v", "REPLACE"));
        assertEquals("\"v\"", t.run("GET", "k"));
    }
}
