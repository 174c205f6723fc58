package io.jredis.benchmarks;

import io.jredis.adapter.net.RespWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** Encoding replies into the output buffer: one bulk, one integer, a ten-element array of bulks. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class RespWriterBenchmark {

    private final RespWriter writer = new RespWriter(64 * 1024);

    /** The bulk payload; a state of its own so that only the bulk benchmarks vary with its size. */
    @State(Scope.Thread)
    public static class Value {
        @Param({"64", "1024"})
        public int valueSize;
        byte[] bytes;

        @Setup
        public void setup() {
            bytes = new byte[valueSize];
            Arrays.fill(bytes, (byte) 'v');
        }
    }

    @Benchmark
    public int bulk(Value value) {
        writer.reset();
        writer.bulk(value.bytes);
        return writer.pending();
    }

    @Benchmark
    public int integer() {
        writer.reset();
        writer.integer(1_234_567_890_123L);
        return writer.pending();
    }

    @Benchmark
    public int arrayOfTenBulks(Value value) {
        writer.reset();
        writer.array(10);
        for (int i = 0; i < 10; i++) {
            writer.bulk(value.bytes);
        }
        return writer.pending();
    }

    private static final byte[] SMALL = {'x', 'x', 'x'};

    /** The reply of LRANGE_600 in redis-benchmark: 600 three-byte elements. */
    @Benchmark
    public int arrayOf600SmallBulks() {
        writer.reset();
        writer.array(600);
        for (int i = 0; i < 600; i++) {
            writer.bulk(SMALL, 0, SMALL.length);
        }
        return writer.pending();
    }
}
