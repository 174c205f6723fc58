package io.jredis.application.command.string;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

/**
 * Redis compares options with strcasecmp on C strings, so bytes after a NUL in an option are
 * ignored ("NX\\0junk" is NX). Replies recorded from a real Redis 7.0.15.
 */
class CStringOptionsTranscriptTest {

    private final CommandTester t = new CommandTester();

    @Test
    void optionsEndAtTheFirstNul() {
        RedisTranscript.replay(t, """
            "flushall" => OK
            "set", "cz", "v", "NX\\u0000junk" => OK
            "set", "cz", "v", "xx\\u0000" => OK
            "getex", "cz", "persist\\u0000zz" => "v"
            "lcs", "cz", "cz", "len\\u0000a" => (integer) 1
            "set", "cz", "v", "\\u0000" => (error) ERR syntax error
            "set", "cz", "v", "EX\\u0000", "10" => OK
            "ttl", "cz" => (integer) 10
            "lcs", "cz", "cz", "idx\\u0000", "minmatchlen\\u0000", "1" => {"matches"=[[[(integer) 0, (integer) 0], [(integer) 0, (integer) 0]]], "len"=(integer) 1}
            "set", "cz", "w", "get\\u0000x" => "v"
            """);
    }
}
