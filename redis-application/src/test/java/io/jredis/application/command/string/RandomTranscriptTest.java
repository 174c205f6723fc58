package io.jredis.application.command.string;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Long generated transcripts, replies recorded from a real Redis 7.0.15: random INCRBYFLOAT
 * inputs (decimal, exponent, hexadecimal, subnormal, out-of-range and malformed), random LCS
 * pairs with every option, and a random mix of every string command over four keys.
 */
class RandomTranscriptTest {

    @ParameterizedTest
    @ValueSource(strings = {"incrbyfloat-random", "lcs-random", "mixed-random"})
    void repliesAsRedis7(String name) throws IOException {
        String transcript;
        try (InputStream in = RandomTranscriptTest.class.getResourceAsStream(name + ".transcript")) {
            assertNotNull(in, name);
            transcript = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RedisTranscript.replay(new CommandTester(), transcript);
    }
}
