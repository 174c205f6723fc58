package io.jredis.benchmarks;

import io.jredis.adapter.net.RespWriter;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandExecutor;
import io.jredis.application.command.Commands;
import io.jredis.application.server.ServerConfig;
import io.jredis.application.server.ServerState;
import io.jredis.application.session.ClientSession;
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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The whole in-process hot path without sockets: command look-up in the registry, the
 * executor's checks, the command on the keyspace, and the reply encoded by the real RESP
 * writer. Arguments are views over one byte array per command, as the parser leaves them.
 *
 * <p>Run with {@code -prof gc}: GET must allocate nothing, SET only its stored value
 * (a {@code byte[valueSize]}, 16 + valueSize bytes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class DispatchBenchmark {

    /** Keys in the database; GET and SET walk over them. */
    static final int KEYS = 1 << 16;
    private static final int MASK = KEYS - 1;

    @Param({"64"})
    public int valueSize;

    private CommandExecutor executor;
    private ClientSession session;
    private final RespWriter writer = new RespWriter(64 * 1024);
    private Arguments[] gets;
    private Arguments[] getMisses;
    private Arguments[] sets;
    private Arguments ping;
    private Arguments incr;
    private Arguments lrange100;
    private Arguments lpop;
    private Arguments rpush;
    private Arguments zadd;
    private Arguments zpopmin;
    private int next;

    @Setup
    public void setup() {
        ServerState server = new ServerState(new ServerConfig(), new FixedClock(1_700_000_000_000L));
        executor = new CommandExecutor(server, Commands.registry());
        session = executor.connect(new NoSocketConnection());
        String value = "v".repeat(valueSize);
        gets = new Arguments[KEYS];
        getMisses = new Arguments[KEYS];
        sets = new Arguments[KEYS];
        for (int i = 0; i < KEYS; i++) {
            String key = String.format("key:%012d", i);
            sets[i] = Arguments.of("SET", key, value);
            gets[i] = Arguments.of("GET", key);
            getMisses[i] = Arguments.of("GET", String.format("nokey:%010d", i));
            run(sets[i]);
        }
        ping = Arguments.of("PING");
        // the shapes of redis-benchmark's INCR, LRANGE_100, LPOP and ZPOPMIN tests
        incr = Arguments.of("INCR", "counter:000000000000");
        Arguments lpush = Arguments.of("LPUSH", "mylist", "xxx");
        for (int i = 0; i < 600; i++) {
            run(lpush);
        }
        lrange100 = Arguments.of("LRANGE", "mylist", "0", "99");
        lpop = Arguments.of("LPOP", "mylist");
        rpush = Arguments.of("RPUSH", "mylist", "xxx");
        zadd = Arguments.of("ZADD", "myzset", "0", "element:000000000000");
        zpopmin = Arguments.of("ZPOPMIN", "myzset");
        expect(gets[1], "$" + valueSize + "\r\n" + value + "\r\n");
        expect(getMisses[1], "$-1\r\n");
        expect(sets[1], "+OK\r\n");
        expect(ping, "+PONG\r\n");
        expect(incr, ":1\r\n");
        expect(lpop, "$3\r\nxxx\r\n");
        expect(rpush, ":600\r\n");
        expect(zadd, ":1\r\n");
        expect(zpopmin, "*2\r\n$20\r\nelement:000000000000\r\n$1\r\n0\r\n");
        expect(zpopmin, "*0\r\n");
        if (run(lrange100) != 4 + 100 * 9 + 2) {
            throw new IllegalStateException("LRANGE mylist 0 99: unexpected reply length " + writer.pending());
        }
    }

    private void expect(Arguments args, String reply) {
        writer.reset();
        executor.execute(session, args, writer);
        String got = new String(writer.toBytes(), StandardCharsets.US_ASCII);
        if (!got.equals(reply)) {
            throw new IllegalStateException("expected " + reply + " for " + args + ", got " + got);
        }
    }

    private int run(Arguments args) {
        writer.reset();
        executor.execute(session, args, writer);
        return writer.pending();
    }

    @Benchmark
    public int get() {
        next = (next + 1) & MASK;
        return run(gets[next]);
    }

    @Benchmark
    public int getMiss() {
        next = (next + 1) & MASK;
        return run(getMisses[next]);
    }

    /** Overwrites an existing key: the only allocation should be the stored value. */
    @Benchmark
    public int set() {
        next = (next + 1) & MASK;
        return run(sets[next]);
    }

    @Benchmark
    public int ping() {
        return run(ping);
    }

    /** INCR of one counter, as redis-benchmark's INCR without -r: parse, add, format, store. */
    @Benchmark
    public int incr() {
        return run(incr);
    }

    /** LRANGE mylist 0 99 over 600 three-byte elements: one array of 100 small bulks. */
    @Benchmark
    public int lrange100() {
        return run(lrange100);
    }

    /** LPOP then RPUSH of one element, so the list keeps its length. */
    @Benchmark
    public int lpopRpush() {
        return run(lpop) + run(rpush);
    }

    /** ZADD of one element then ZPOPMIN of it (a listpack zset of one element). */
    @Benchmark
    public int zaddZpopmin() {
        return run(zadd) + run(zpopmin);
    }

    /** ZPOPMIN of a missing key, as most of redis-benchmark's ZPOPMIN requests are. */
    @Benchmark
    public int zpopminEmpty() {
        return run(zpopmin);
    }
}
