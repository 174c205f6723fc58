package io.jredis.application.command.string;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

/** LCS: every reply below was recorded from a real Redis 7.0.15 (see {@link RedisTranscript}). */
class LcsTranscriptTest {

    private final CommandTester t = new CommandTester();

    @Test
    void repliesAsRedis7() {
        RedisTranscript.replay(t, """
            "flushall" => OK
            "mset", "key1", "ohmytext", "key2", "mynewtext" => OK
            "lcs", "key1", "key2" => "mytext"
            "lcs", "key1", "key2", "len" => (integer) 6
            "lcs", "key1", "key2", "idx" => {"matches"=[[[(integer) 4, (integer) 7], [(integer) 5, (integer) 8]], [[(integer) 2, (integer) 3], [(integer) 0, (integer) 1]]], "len"=(integer) 6}
            "lcs", "key1", "key2", "idx", "minmatchlen", "4" => {"matches"=[[[(integer) 4, (integer) 7], [(integer) 5, (integer) 8]]], "len"=(integer) 6}
            "lcs", "key1", "key2", "idx", "minmatchlen", "4", "withmatchlen" => {"matches"=[[[(integer) 4, (integer) 7], [(integer) 5, (integer) 8], (integer) 4]], "len"=(integer) 6}
            "lcs", "key1", "key2", "idx", "withmatchlen" => {"matches"=[[[(integer) 4, (integer) 7], [(integer) 5, (integer) 8], (integer) 4], [[(integer) 2, (integer) 3], [(integer) 0, (integer) 1], (integer) 2]], "len"=(integer) 6}
            "lcs", "key1", "key2", "IDX", "MINMATCHLEN", "-5" => {"matches"=[[[(integer) 4, (integer) 7], [(integer) 5, (integer) 8]], [[(integer) 2, (integer) 3], [(integer) 0, (integer) 1]]], "len"=(integer) 6}
            "lcs", "key1", "key2", "len", "idx" => (error) ERR If you want both the length and indexes, please just use IDX.
            "lcs", "key1", "key2", "idx", "len" => (error) ERR If you want both the length and indexes, please just use IDX.
            "lcs", "key1", "key2", "minmatchlen" => (error) ERR syntax error
            "lcs", "key1", "key2", "minmatchlen", "x" => (error) ERR value is not an integer or out of range
            "lcs", "key1", "key2", "minmatchlen", "1.5", "foo" => (error) ERR value is not an integer or out of range
            "lcs", "key1", "key2", "foo" => (error) ERR syntax error
            "lcs", "key1", "key2", "len", "len" => (integer) 6
            "lcs", "key1", "key2", "withmatchlen" => "mytext"
            "lcs", "key1", "key2", "minmatchlen", "3" => "mytext"
            "lcs", "key1", "nope" => ""
            "lcs", "nope", "nope2" => ""
            "lcs", "nope", "nope2", "idx" => {"matches"=[], "len"=(integer) 0}
            "lcs", "nope", "nope2", "len" => (integer) 0
            "lpush", "l", "a" => (integer) 1
            "lcs", "l", "key1" => (error) ERR The specified keys must contain string values
            "lcs", "key1", "l" => (error) ERR The specified keys must contain string values
            "lcs", "l", "key1", "foo" => (error) ERR The specified keys must contain string values
            "lcs", "nope", "l", "len" => (error) ERR The specified keys must contain string values
            "lcs", "key1", "key1" => "ohmytext"
            "lcs", "key1", "key1", "idx", "withmatchlen" => {"matches"=[[[(integer) 0, (integer) 7], [(integer) 0, (integer) 7], (integer) 8]], "len"=(integer) 8}
            "mset", "a", "GTCGTTCGGAATGCCGTTGCTCTGTAAA", "b", "ACCGGTCGAGTGCGCGGAAGCCGGCCGAA" => OK
            "lcs", "a", "b" => "GTCGTCGGAAGCCGGCCGAA"
            "lcs", "a", "b", "idx", "withmatchlen" => {"matches"=[[[(integer) 26, (integer) 27], [(integer) 27, (integer) 28], (integer) 2], [[(integer) 23, (integer) 23], [(integer) 26, (integer) 26], (integer) 1], [[(integer) 21, (integer) 21], [(integer) 25, (integer) 25], (integer) 1], [[(integer) 18, (integer) 19], [(integer) 23, (integer) 24], (integer) 2], [[(integer) 12, (integer) 15], [(integer) 19, (integer) 22], (integer) 4], [[(integer) 6, (integer) 10], [(integer) 14, (integer) 18], (integer) 5], [[(integer) 5, (integer) 5], [(integer) 10, (integer) 10], (integer) 1], [[(integer) 0, (integer) 3], [(integer) 4, (integer) 7], (integer) 4]], "len"=(integer) 20}
            "lcs", "a", "b", "idx", "minmatchlen", "2", "withmatchlen" => {"matches"=[[[(integer) 26, (integer) 27], [(integer) 27, (integer) 28], (integer) 2], [[(integer) 18, (integer) 19], [(integer) 23, (integer) 24], (integer) 2], [[(integer) 12, (integer) 15], [(integer) 19, (integer) 22], (integer) 4], [[(integer) 6, (integer) 10], [(integer) 14, (integer) 18], (integer) 5], [[(integer) 0, (integer) 3], [(integer) 4, (integer) 7], (integer) 4]], "len"=(integer) 20}
            "lcs", "b", "a", "idx" => {"matches"=[[[(integer) 27, (integer) 28], [(integer) 26, (integer) 27]], [[(integer) 26, (integer) 26], [(integer) 23, (integer) 23]], [[(integer) 25, (integer) 25], [(integer) 21, (integer) 21]], [[(integer) 23, (integer) 24], [(integer) 18, (integer) 19]], [[(integer) 19, (integer) 22], [(integer) 12, (integer) 15]], [[(integer) 14, (integer) 18], [(integer) 6, (integer) 10]], [[(integer) 9, (integer) 10], [(integer) 3, (integer) 4]], [[(integer) 4, (integer) 6], [(integer) 0, (integer) 2]]], "len"=(integer) 20}
            "mset", "x", "abc", "y", "xyz" => OK
            "lcs", "x", "y" => ""
            "lcs", "x", "y", "idx" => {"matches"=[], "len"=(integer) 0}
            "mset", "p", "aaaa", "q", "aa" => OK
            "lcs", "p", "q", "idx", "withmatchlen" => {"matches"=[[[(integer) 2, (integer) 3], [(integer) 0, (integer) 1], (integer) 2]], "len"=(integer) 2}
            "lcs", "q", "p", "idx", "withmatchlen" => {"matches"=[[[(integer) 0, (integer) 1], [(integer) 2, (integer) 3], (integer) 2]], "len"=(integer) 2}
            "lcs", "key1" => (error) ERR wrong number of arguments for 'lcs' command
            """);
    }
}
