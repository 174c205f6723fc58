package io.jredis.application.command.ops;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyCommandTest {

    private final CommandTester t = new CommandTester();

    @Test
    void commandsAtOrAboveTheThresholdAreSampledPerSecond() {
        assertEquals("[]", t.run("LATENCY", "LATEST"));
        assertTrue(t.run("LATENCY", "DOCTOR").contains("Latency monitoring is disabled"));
        t.run("CONFIG", "SET", "latency-monitor-threshold", "5");
        t.clock.advanceNanosOnEveryRead(4_000_000);
        t.run("GET", "a"); // 4 ms: below
        assertEquals("[]", t.run("LATENCY", "LATEST"));
        t.clock.advanceNanosOnEveryRead(20_000_000);
        t.run("GET", "a");
        t.run("SET", "a", "1");
        assertEquals("[[\"fast-command\", (integer) 1700000000, (integer) 20, (integer) 20], "
                + "[\"command\", (integer) 1700000000, (integer) 20, (integer) 20]]", t.run("LATENCY", "LATEST"));
        assertEquals("[[(integer) 1700000000, (integer) 20]]", t.run("LATENCY", "HISTORY", "fast-command"));
        assertEquals("[]", t.run("LATENCY", "HISTORY", "nope"));
        assertEquals("(integer) 1", t.run("LATENCY", "RESET", "command", "nope"));
        // the LATENCY commands (20 ms each) were sampled as "command" again
        t.clock.advanceNanosOnEveryRead(0);
        assertEquals("(integer) 2", t.run("LATENCY", "RESET"));
        assertEquals("(error) ERR No samples available for event 'x'", t.run("LATENCY", "GRAPH", "x"));
        assertTrue(t.run("LATENCY", "DOCTOR").contains("no latency spike was observed"));
    }

    @Test
    void histogramCountsCallsInPowerOfTwoMicrosecondBuckets() {
        t.clock.advanceNanosOnEveryRead(3_000);
        t.run("SET", "a", "1");
        t.run("SET", "a", "1");
        t.clock.advanceNanosOnEveryRead(10_000);
        t.run("SET", "a", "1");
        assertEquals("{\"set\"={\"calls\"=(integer) 3, \"histogram_usec\"={(integer) 4=(integer) 2, "
                + "(integer) 16=(integer) 3}}}", t.run("LATENCY", "HISTOGRAM", "set", "nosuch"));
        assertEquals("{}", t.run("LATENCY", "HISTOGRAM", "get"));
    }
}
