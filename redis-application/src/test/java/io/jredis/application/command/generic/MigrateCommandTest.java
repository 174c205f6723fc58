package io.jredis.application.command.generic;

import io.jredis.application.port.MigrationLink;
import io.jredis.application.port.ValueCodec;
import io.jredis.application.testing.CommandTester;
import io.jredis.application.testing.RecordingWriteLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MIGRATE's parsing, request and reply handling with a scripted link; texts as redis-server 7.0.15's. */
class MigrateCommandTest {

    private final CommandTester t = new CommandTester();
    private final RecordingWriteLog log = new RecordingWriteLog();
    private final List<String> requests = new ArrayList<>();
    private MigrationLink.Exchange answer;

    @BeforeEach
    void wire() {
        t.server.setValueCodec(new ValueCodec() {
            @Override
            public byte[] dump(Object value) {
                return ("D:" + new String((byte[]) value, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
            }

            @Override
            public boolean intact(byte[] buf, int off, int len) {
                return true;
            }

            @Override
            public Object restore(byte[] buf, int off, int len) {
                return null;
            }
        });
        t.server.setMigrationLink((host, port, timeoutMs, commands) -> {
            StringBuilder sb = new StringBuilder(host + ":" + port + " " + timeoutMs + " " + commands.size());
            for (List<byte[]> argv : commands) {
                sb.append(" *").append(argv.size());
                for (byte[] a : argv) {
                    sb.append(" $").append(a.length).append(' ').append(new String(a, StandardCharsets.ISO_8859_1));
                }
            }
            requests.add(sb.toString());
            return answer;
        });
        t.server.addWriteLog(log);
    }

    private void answer(MigrationLink.Failure failure, String... lines) {
        answer = new MigrationLink.Exchange(List.of(lines), failure);
    }

    @Test
    void movesAKeyAndPropagatesItsDeletion() {
        t.run("SET", "a", "1");
        answer(MigrationLink.Failure.NONE, "+OK", "+OK");
        assertEquals("OK", t.run("MIGRATE", "127.0.0.1", "7000", "a", "3", "0"));
        assertEquals(List.of("127.0.0.1:7000 1000 2 *2 $6 SELECT $1 3 *4 $7 RESTORE $1 a $1 0 $3 D:1"), requests);
        assertEquals("(integer) 0", t.run("EXISTS", "a"));
        assertEquals(List.of("0: SET a 1", "0: DEL a"), log.entries);
    }

    @Test
    void copyReplaceAuthAndRemainingTtl() {
        t.run("SET", "a", "1", "PX", "5000");
        t.run("SET", "b", "2");
        answer(MigrationLink.Failure.NONE, "+OK", "+OK", "+OK", "+OK");
        assertEquals("OK", t.run("MIGRATE", "h", "1", "", "0", "50", "COPY", "REPLACE", "AUTH2", "u", "pw",
                "KEYS", "a", "nosuch", "b"));
        assertEquals(List.of("h:1 50 4 *3 $4 AUTH $1 u $2 pw *2 $6 SELECT $1 0 *5 $7 RESTORE $1 a $4 5000 $3 D:1 $7 REPLACE"
                + " *5 $7 RESTORE $1 b $1 0 $3 D:2 $7 REPLACE"), requests);
        assertEquals("(integer) 2", t.run("EXISTS", "a", "b"));
        assertEquals(List.of("0: SET a 1 PXAT " + (t.clock.millis() + 5000), "0: SET b 2"), log.entries);
    }

    @Test
    void refusalsBeforeConnecting() {
        assertEquals("NOKEY", t.run("MIGRATE", "h", "1", "nosuch", "0", "10"));
        assertEquals("(error) ERR value is not an integer or out of range", t.run("MIGRATE", "h", "1", "a", "0", "x"));
        assertEquals("(error) ERR value is not an integer or out of range", t.run("MIGRATE", "h", "1", "a", "x", "1"));
        assertEquals("(error) ERR When using MIGRATE KEYS option, the key argument must be set to the empty string",
                t.run("MIGRATE", "h", "1", "a", "0", "1", "KEYS", "b"));
        assertEquals("(error) ERR syntax error", t.run("MIGRATE", "h", "1", "a", "0", "1", "AUTH"));
        assertEquals("(error) ERR syntax error", t.run("MIGRATE", "h", "1", "a", "0", "1", "AUTH2", "u"));
        assertEquals("(error) ERR syntax error", t.run("MIGRATE", "h", "1", "a", "0", "1", "FOO"));
        assertTrue(requests.isEmpty());
    }

    @Test
    void targetErrorsAndLinkFailures() {
        t.run("SET", "a", "1");
        t.run("SET", "b", "2");
        answer(MigrationLink.Failure.NONE, "+OK", "-BUSYKEY Target key name already exists.", "+OK");
        assertEquals("(error) ERR Target instance replied with error: BUSYKEY Target key name already exists.",
                t.run("MIGRATE", "h", "1", "", "0", "1", "KEYS", "a", "b"));
        assertEquals("(integer) 1", t.run("EXISTS", "a"), "refused: kept");
        assertEquals("(integer) 0", t.run("EXISTS", "b"), "accepted: moved");

        answer(MigrationLink.Failure.NONE, "-ERR DB index is out of range", "-ERR DB index is out of range");
        assertEquals("(error) ERR Target instance replied with error: ERR DB index is out of range",
                t.run("MIGRATE", "h", "1", "a", "99", "1"));
        assertEquals("(integer) 1", t.run("EXISTS", "a"));

        answer(MigrationLink.Failure.WRITE);
        assertEquals("(error) IOERR error or timeout writing to target instance", t.run("MIGRATE", "h", "1", "a", "0", "1"));
        answer(MigrationLink.Failure.CONNECT);
        assertEquals("(error) IOERR error or timeout connecting to the client", t.run("MIGRATE", "h", "1", "a", "0", "1"));
        answer(MigrationLink.Failure.READ, "+OK");
        assertEquals("(error) IOERR error or timeout reading to target instance", t.run("MIGRATE", "h", "1", "a", "0", "1"));
        assertEquals("(integer) 1", t.run("EXISTS", "a"));
        assertEquals(List.of("0: SET a 1", "0: SET b 2", "0: DEL b"), log.entries);
    }

    @Test
    void keysOfTheCallForCommandGetkeys() {
        assertEquals("[\"a\"]", t.run("COMMAND", "GETKEYS", "MIGRATE", "h", "1", "a", "0", "1"));
        assertEquals("[\"b\", \"c\"]", t.run("COMMAND", "GETKEYS", "MIGRATE", "h", "1", "", "0", "1", "AUTH", "keys", "KEYS", "b", "c"));
    }
}
