package io.jredis.domain.value;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DoubleText against C. {@code double-17g.txt} holds IEEE bits and glibc's
 * {@code printf("%.17g")} of them (gcc on Debian), for hand-picked edge values and 3000 seeded
 * random ones: random bit patterns, fractions, rounded decimals and large integers.
 */
class DoubleTextTest {

    @Test
    void matchesGlibcPercent17g() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                DoubleTextTest.class.getResourceAsStream("/double-17g.txt"), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                int sp = line.indexOf(' ');
                double d = Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, sp), 16));
                String want = line.substring(sp + 1);
                String got = DoubleText.format(d);
                n++;
                if (!want.equals(got)) {
                    mismatches.add(line.substring(0, sp) + ": C " + want + " / ours " + got);
                }
            }
        }
        assertTrue(n > 3000, "fixture read");
        assertEquals(List.of(), mismatches.subList(0, Math.min(20, mismatches.size())));
    }

    @Test
    void specialValues() {
        assertEquals("inf", DoubleText.format(Double.POSITIVE_INFINITY));
        assertEquals("-inf", DoubleText.format(Double.NEGATIVE_INFINITY));
        assertEquals("nan", DoubleText.format(Double.NaN));
        assertEquals("0", DoubleText.format(0.0));
        assertEquals("-0", DoubleText.format(-0.0));
    }
}
