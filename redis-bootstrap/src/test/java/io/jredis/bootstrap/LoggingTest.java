package io.jredis.bootstrap;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoggingTest {

    @Test
    void redisLevelsMapOntoSlf4jLevels() {
        assertEquals("trace", Logging.level("debug"));
        assertEquals("debug", Logging.level("verbose"));
        assertEquals("info", Logging.level("notice"));
        assertEquals("warn", Logging.level("warning"));
    }
}
