package io.jredis.application.command.ops;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LolwutCommandTest {

    private final CommandTester t = new CommandTester();

    @Test
    void versionTextAndBadVersion() {
        assertTrue(t.run("LOLWUT").contains("Redis ver. 7.0.15"), t.run("LOLWUT"));
        assertTrue(t.run("LOLWUT", "foo").contains("Redis ver. 7.0.15"));
        assertEquals("(error) ERR value is not an integer or out of range", t.run("LOLWUT", "VERSION", "x"));
    }
}
