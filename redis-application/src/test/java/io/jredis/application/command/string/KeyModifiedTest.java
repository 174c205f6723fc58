package io.jredis.application.command.string;

import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every write counts each key it changed (save points) and ends WATCHes on it; no-ops count nothing. */
class KeyModifiedTest {

    private final CommandTester t = new CommandTester();

    private long dirtyAfter(String... command) {
        long before = t.server.stats().dirty;
        t.run(command);
        return t.server.stats().dirty - before;
    }

    @Test
    void writesCountOncePerChangedKey() {
        assertEquals(1, dirtyAfter("set", "k", "v"));
        assertEquals(2, dirtyAfter("mset", "a", "1", "b", "2"));
        assertEquals(2, dirtyAfter("msetnx", "c", "1", "d", "2"));
        assertEquals(1, dirtyAfter("setnx", "e", "1"));
        assertEquals(1, dirtyAfter("setex", "f", "10", "v"));
        assertEquals(1, dirtyAfter("psetex", "f", "10", "v"));
        assertEquals(1, dirtyAfter("getset", "f", "w"));
        assertEquals(1, dirtyAfter("getdel", "f"));
        assertEquals(1, dirtyAfter("append", "k", "x"));
        assertEquals(1, dirtyAfter("append", "k", ""));
        assertEquals(1, dirtyAfter("setrange", "k", "0", "V"));
        assertEquals(1, dirtyAfter("incr", "n"));
        assertEquals(1, dirtyAfter("decrby", "n", "5"));
        assertEquals(1, dirtyAfter("incrbyfloat", "n", "0.5"));
        assertEquals(1, dirtyAfter("getex", "k", "ex", "10"));
        assertEquals(1, dirtyAfter("getex", "k", "persist"));
    }

    @Test
    void noOpsAndErrorsCountNothing() {
        t.run("set", "k", "v");
        assertEquals(0, dirtyAfter("set", "k", "w", "nx"));
        assertEquals(0, dirtyAfter("setnx", "k", "w"));
        assertEquals(0, dirtyAfter("msetnx", "k", "w", "z", "1"));
        assertEquals(0, dirtyAfter("getdel", "missing"));
        assertEquals(0, dirtyAfter("getex", "k"));
        assertEquals(0, dirtyAfter("getex", "k", "persist"));
        assertEquals(0, dirtyAfter("setrange", "k", "3", ""));
        assertEquals(0, dirtyAfter("setrange", "missing", "3", ""));
        assertEquals(0, dirtyAfter("incr", "k"));
        assertEquals(0, dirtyAfter("incrbyfloat", "k", "1"));
        assertEquals(0, dirtyAfter("set", "k", "v", "ex", "0"));
        assertEquals(0, dirtyAfter("get", "k"));
        assertEquals(0, dirtyAfter("mget", "k", "z"));
        assertEquals(0, dirtyAfter("lcs", "k", "k"));
    }

    @Test
    void writesEndWatchesOnTheirKeys() {
        ClientSession watcher = t.newClient();
        String[][] writes = {
            {"set", "w", "1"}, {"setnx", "w2", "1"}, {"setex", "w", "5", "1"}, {"mset", "x", "1", "w", "2"},
            {"append", "w", "0"}, {"setrange", "w", "0", "1"}, {"incr", "w"}, {"incrbyfloat", "w", "1"},
            {"getset", "w", "1"}, {"getex", "w", "ex", "9"}, {"getdel", "w"},
        };
        for (String[] write : writes) {
            t.server.watchedKeys().unwatchAll(watcher);
            t.server.watchedKeys().watch(watcher, 0, write[1].equals("x") ? bytes("w") : bytes(write[1]));
            assertFalse(watcher.watchedKeyTouched());
            t.run(write);
            assertTrue(watcher.watchedKeyTouched(), String.join(" ", write));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
