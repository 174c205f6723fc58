package io.jredis.benchmarks;

import io.jredis.domain.keyspace.Database;
import io.jredis.domain.keyspace.KeyspaceListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The keyspace alone: look-ups that hit and miss, and overwrites, on a database of 2^20 keys,
 * visited in a scattered order so the caches see what a server with many keys sees.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class KeyspaceBenchmark {

    static final int KEYS = 1 << 20;
    private static final int MASK = KEYS - 1;
    /** An odd stride visits every index of a power-of-two range once, far apart. */
    private static final int STRIDE = 0x9E3779B1;
    private static final long NOW = 1_700_000_000_000L;

    private final Database db = new Database(0, KeyspaceListener.NONE);
    private byte[][] present;
    private byte[][] absent;
    private final byte[] value = "v".repeat(64).getBytes(StandardCharsets.US_ASCII);
    private int next;

    @Setup
    public void setup() {
        present = new byte[KEYS][];
        absent = new byte[KEYS][];
        for (int i = 0; i < KEYS; i++) {
            present[i] = String.format("key:%012d", i).getBytes(StandardCharsets.US_ASCII);
            absent[i] = String.format("nokey:%010d", i).getBytes(StandardCharsets.US_ASCII);
            db.put(present[i], value, NOW);
        }
        if (db.size() != KEYS || db.get(present[7], NOW) != value || db.get(absent[7], NOW) != null) {
            throw new IllegalStateException("the database does not hold the keys it was given");
        }
    }

    private int nextIndex() {
        next = (next + STRIDE) & MASK;
        return next;
    }

    @Benchmark
    public Object getHit() {
        byte[] k = present[nextIndex()];
        return db.get(k, 0, k.length, NOW);
    }

    @Benchmark
    public Object getMiss() {
        byte[] k = absent[nextIndex()];
        return db.get(k, 0, k.length, NOW);
    }

    /** SET of an existing key without a TTL: the entry is updated in place. */
    @Benchmark
    public int overwrite() {
        byte[] k = present[nextIndex()];
        db.put(k, 0, k.length, value, Database.NO_EXPIRY, NOW);
        return db.size();
    }
}
