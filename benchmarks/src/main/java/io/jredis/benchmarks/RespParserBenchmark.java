package io.jredis.benchmarks;

import io.jredis.adapter.net.RespParser;
import io.jredis.application.command.Arguments;
import org.agrona.ExpandableArrayBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Parsing one read's worth of pipelined commands: {@value #COMMANDS} alternating SET (64-byte
 * value) and GET, as multibulk (what clients send) and as inline text (what telnet sends).
 * Scores are per command.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class RespParserBenchmark {

    static final int COMMANDS = 100;

    private final RespParser parser = new RespParser();
    private final Arguments args = new Arguments();
    private ExpandableArrayBuffer multibulk;
    private int multibulkLength;
    private ExpandableArrayBuffer inline;
    private int inlineLength;

    @Setup
    public void setup() {
        String value = "v".repeat(64);
        StringBuilder mb = new StringBuilder();
        StringBuilder il = new StringBuilder();
        for (int i = 0; i < COMMANDS; i++) {
            String key = String.format("key:%012d", i);
            if (i % 2 == 0) {
                mb.append("*3\r\n$3\r\nSET\r\n$").append(key.length()).append("\r\n").append(key)
                        .append("\r\n$").append(value.length()).append("\r\n").append(value).append("\r\n");
                il.append("SET ").append(key).append(' ').append(value).append("\r\n");
            } else {
                mb.append("*2\r\n$3\r\nGET\r\n$").append(key.length()).append("\r\n").append(key).append("\r\n");
                il.append("GET ").append(key).append("\r\n");
            }
        }
        byte[] m = mb.toString().getBytes(StandardCharsets.US_ASCII);
        multibulk = new ExpandableArrayBuffer(m.length);
        multibulk.putBytes(0, m);
        multibulkLength = m.length;
        byte[] n = il.toString().getBytes(StandardCharsets.US_ASCII);
        inline = new ExpandableArrayBuffer(n.length);
        inline.putBytes(0, n);
        inlineLength = n.length;
        if (parseAll(multibulk, multibulkLength, null) != COMMANDS
                || parseAll(inline, inlineLength, null) != COMMANDS) {
            throw new IllegalStateException("the parser did not find " + COMMANDS + " commands");
        }
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public int multibulk(Blackhole bh) {
        return parseAll(multibulk, multibulkLength, bh);
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public int inline(Blackhole bh) {
        return parseAll(inline, inlineLength, bh);
    }

    private int parseAll(ExpandableArrayBuffer buf, int limit, Blackhole bh) {
        int commands = 0;
        RespParser.Result r;
        while ((r = parser.parse(buf, limit, args, Long.MAX_VALUE, true)) == RespParser.Result.COMMAND) {
            commands++;
            if (bh != null) {
                bh.consume(args.offset(args.count() - 1));
            }
        }
        if (r != RespParser.Result.INCOMPLETE) {
            throw new IllegalStateException(parser.error());
        }
        // Everything was consumed: rewind the parser to the start of the same bytes, as a
        // connection does when it compacts its read buffer.
        parser.shift(limit, args);
        return commands;
    }
}
