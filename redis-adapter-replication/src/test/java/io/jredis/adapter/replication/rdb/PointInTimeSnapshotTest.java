package io.jredis.adapter.replication.rdb;

import io.jredis.application.port.CommandThread;
import io.jredis.application.server.ServerConfig;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.keyspace.Keyspace;
import io.jredis.domain.keyspace.KeyspaceListener;
import io.jredis.domain.keyspace.SnapshotWalk;
import io.jredis.domain.value.HashValue;
import io.jredis.domain.value.ListValue;
import io.jredis.domain.value.MutableString;
import io.jredis.domain.value.SetValue;
import io.jredis.domain.value.SortedSet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The background snapshot is point-in-time: a walk started at T, interleaved in small slices
 * with random writes of every kind (overwrites, deletes, expiry changes, in-place mutations of
 * every type, renames and moves across databases, lazy and active expiry, FLUSHDB, FLUSHALL,
 * SWAPDB, table growth and shrinking), produces an RDB that, decoded by {@link RdbReader}, holds
 * exactly the keyspace as it was at T: every key live at T once, with its value and expiry then.
 */
class PointInTimeSnapshotTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final int DBS = 4;

    /** An in-memory target; completion is awaited through the output's callback. */
    static final class MemoryTarget implements RdbTarget {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        volatile boolean completed;
        volatile boolean discarded;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public void complete() {
            completed = true;
        }

        @Override
        public void discard() {
            discarded = true;
        }

        synchronized byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }

    @Test
    void randomWritesDuringTheWalkNeverReachTheSnapshot() throws Exception {
        long seeds = Long.getLong("snapshot.seeds", 150);
        for (long seed = 1; seed <= seeds; seed++) {
            runOnce(seed);
        }
    }

    @Test
    void anUntouchedKeyspaceIsWrittenWhole() throws Exception {
        Keyspace ks = new Keyspace(DBS, KeyspaceListener.NONE);
        for (int i = 0; i < 5000; i++) {
            ks.db(i % DBS).put(b("k" + i), b("v" + i), T0);
        }
        Map<String, String> expected = describe(ks, T0);
        assertEquals(5000, expected.size());
        assertEquals("", difference(expected, snapshot(ks, T0, new SplittableRandom(7), false)));
    }

    private void runOnce(long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        Keyspace ks = new Keyspace(DBS, KeyspaceListener.NONE);
        long now = T0;
        int keys = 50 + r.nextInt(600);
        for (int i = 0; i < keys; i++) {
            Database db = ks.db(r.nextInt(DBS));
            byte[] key = key(r);
            long exp = r.nextInt(5) == 0 ? now + r.nextInt(-20, 400) : Database.NO_EXPIRY;
            if (exp != Database.NO_EXPIRY && exp <= now) {
                db.put(key, randomValue(r), exp, now - 1_000); // stored, already expired at T
            } else {
                db.put(key, randomValue(r), exp, now);
            }
        }
        now += r.nextInt(3);
        Map<String, String> expected = describe(ks, now);
        Map<String, String> actual = snapshot(ks, now, r, true);
        assertEquals("", difference(expected, actual), "seed " + seed);
    }

    /** The keys whose snapshot differs from the keyspace at the start, one a line (short failure messages). */
    private static String difference(Map<String, String> expected, Map<String, String> actual) {
        StringBuilder out = new StringBuilder();
        java.util.Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String k : keys) {
            String e = expected.get(k);
            String a = actual.get(k);
            if (!java.util.Objects.equals(e, a)) {
                out.append(k).append(": at start ").append(e).append(", in snapshot ").append(a).append('\n');
            }
        }
        return out.toString();
    }

    /** Runs a walk at {@code at} to completion, with random writes between its slices when asked. */
    private Map<String, String> snapshot(Keyspace ks, long at, SplittableRandom r, boolean writes) throws Exception {
        ServerConfig config = new ServerConfig();
        config.databases = DBS;
        config.rdbcompression = r.nextBoolean();
        MemoryTarget target = new MemoryTarget();
        RdbOutput out = new RdbOutput(target, config, "7.0.15", CommandThread.DIRECT, null);
        out.begin(at);
        SnapshotWalk walk = ks.startWalk(at, out);
        long now = at;
        while (!walk.done()) {
            walk.step(1 + r.nextInt(12));
            if (writes) {
                int n = r.nextInt(8);
                for (int i = 0; i < n; i++) {
                    randomWrite(r, ks, walk, now);
                }
                now += r.nextInt(6);
            }
        }
        walk.close();
        CountDownLatch finished = new CountDownLatch(1);
        String[] failure = new String[1];
        out.finish(f -> {
            failure[0] = f;
            finished.countDown();
        });
        assertTrue(finished.await(10, TimeUnit.SECONDS));
        assertNull(failure[0]);
        assertTrue(target.completed);
        return decode(target.toByteArray());
    }

    // ---------------------------------------------------------------- random writes, as commands make them

    private static void randomWrite(SplittableRandom r, Keyspace ks, SnapshotWalk walk, long now) {
        Database db = ks.db(r.nextInt(DBS));
        byte[] key = key(r);
        int op = r.nextInt(100);
        if (op < 15) {
            // SET (new key or overwrite), with or without a TTL
            long exp = r.nextBoolean() ? Database.NO_EXPIRY : now + r.nextInt(1, 300);
            db.put(key, 0, key.length, randomValue(r), exp, now);
        } else if (op < 25) {
            db.remove(key, now); // DEL
        } else if (op < 32) {
            db.setExpire(key, now + r.nextInt(-5, 200), now); // PEXPIREAT, possibly in the past
        } else if (op < 36) {
            db.persist(key, now);
        } else if (op < 60) {
            mutateInPlace(r, db, key, walk, now);
        } else if (op < 66) {
            // RENAME within the database, or MOVE/COPY-like into another one
            Database target = r.nextBoolean() ? db : ks.db(r.nextInt(DBS));
            boolean was = walk.writing(true);
            target.get(key(r), now); // the command looks the destination up first
            db.move(key, target, key(r), now);
            walk.writing(was);
        } else if (op < 70) {
            ks.activeExpireCycle(now, 200);
            db.shrinkIfSparse();
        } else if (op < 78) {
            db.get(key, now); // a read: may expire lazily
        } else if (op < 80) {
            db.randomKey(r, now);
        } else if (op < 83) {
            for (int i = 0; i < 80; i++) { // growth: the table resizes under the walk
                db.put(key(r), b("bulk" + i), now);
            }
        } else if (op < 86) {
            long cursor = 0;
            List<byte[]> victims = new ArrayList<>();
            do {
                cursor = db.scan(cursor, 50, now, victims::add);
            } while (cursor != 0 && victims.size() < 400);
            for (byte[] v : victims) {
                if (r.nextInt(4) != 0) {
                    db.remove(v, now);
                }
            }
            db.shrinkIfSparse(); // and shrinking
        } else if (op < 88) {
            db.clear(); // FLUSHDB
        } else if (op < 89) {
            ks.clear(); // FLUSHALL
        } else if (op < 92) {
            ks.swap(r.nextInt(DBS), r.nextInt(DBS)); // SWAPDB
        } else {
            db.replace(key, b("replaced"), now); // INCR-like replacement keeping the TTL
        }
    }

    /** A command changing a value in place: it looks the key up (writing) and mutates what it got. */
    private static void mutateInPlace(SplittableRandom r, Database db, byte[] key, SnapshotWalk walk, long now) {
        boolean was = walk.writing(true);
        try {
            Object v = db.get(key, now);
            switch (v) {
                case null -> { }
                case MutableString m -> m.append(b("+x"), 0, 2);
                case byte[] bytes -> {
                    MutableString m = MutableString.copyOf(bytes);
                    m.append(b("!"), 0, 1);
                    db.replace(key, m, now);
                }
                case ListValue l -> {
                    if (r.nextBoolean()) {
                        l.pushBack(b("pushed"));
                    } else if (l.size() > 1) {
                        l.popFront();
                    }
                }
                case SetValue s -> s.add(b("m" + r.nextInt(1000)));
                case HashValue h -> h.put(b("f" + r.nextInt(10)), b("changed"));
                case SortedSet z -> z.put(b("z" + r.nextInt(10)), r.nextInt(100) / 4.0);
                default -> throw new AssertionError(v.getClass());
            }
        } finally {
            walk.writing(was);
        }
    }

    private static byte[] key(SplittableRandom r) {
        return b("key:" + r.nextInt(900));
    }

    private static Object randomValue(SplittableRandom r) {
        int type = r.nextInt(7);
        switch (type) {
            case 0:
                return b("v" + r.nextInt(100000));
            case 1:
                return MutableString.copyOf(b("mutable-" + "y".repeat(r.nextInt(40))));
            case 2: {
                ListValue l = new ListValue();
                for (int i = r.nextInt(1, 6); i > 0; i--) {
                    l.pushBack(b("e" + r.nextInt(50)));
                }
                return l;
            }
            case 3: {
                SetValue s = new SetValue();
                for (int i = r.nextInt(1, 6); i > 0; i--) {
                    s.add(r.nextBoolean() ? b(Integer.toString(r.nextInt(100))) : b("s" + r.nextInt(50)));
                }
                return s;
            }
            case 4: {
                HashValue h = new HashValue();
                for (int i = r.nextInt(1, 6); i > 0; i--) {
                    h.put(b("f" + r.nextInt(10)), b("v" + r.nextInt(50)));
                }
                return h;
            }
            case 5: {
                SortedSet z = new SortedSet();
                for (int i = r.nextInt(1, 6); i > 0; i--) {
                    z.put(b("z" + r.nextInt(10)), r.nextInt(100) / 4.0);
                }
                return z;
            }
            default:
                return b(Long.toString(r.nextLong(-1_000_000, 1_000_000))); // integer-encoded strings
        }
    }

    // ---------------------------------------------------------------- comparing

    /** Every key live at {@code at}: "db:key" to "type:contents@expiry". */
    private static Map<String, String> describe(Keyspace ks, long at) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < ks.count(); i++) {
            int db = i;
            List<IOException> failures = new ArrayList<>();
            ks.db(i).forEach(at, (key, value, expireAt) -> {
                try {
                    out.put(db + ":" + s(key), repr(domainValue(value)) + "@" + expireAt);
                } catch (IOException e) {
                    failures.add(e);
                }
            });
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
        }
        return out;
    }

    private static LoadedValue domainValue(Object value) throws IOException {
        if (value instanceof byte[] bytes) {
            return new LoadedValue.StringValue(bytes);
        }
        if (value instanceof MutableString m) {
            return new LoadedValue.StringValue(m.toBytes());
        }
        return collection(value);
    }

    /** A collection value in the codec's neutral form: what the keyspace held, independently of the writer. */
    static LoadedValue collection(Object value) throws IOException {
        if (value instanceof ListValue list) {
            java.util.List<byte[]> elements = new java.util.ArrayList<>(list.size());
            list.forEach(0, true, (buf, off, len) -> elements.add(java.util.Arrays.copyOfRange(buf, off, off + len)));
            return new LoadedValue.ListValue(elements);
        }
        if (value instanceof SetValue set) {
            java.util.List<byte[]> members = new java.util.ArrayList<>(set.size());
            for (int i = 0; i < set.size(); i++) {
                members.add(set.memberAt(i));
            }
            return new LoadedValue.SetValue(members);
        }
        if (value instanceof HashValue hash) {
            java.util.List<LoadedValue.HashField> fields = new java.util.ArrayList<>(hash.size());
            for (int p = hash.first(); p >= 0; p = hash.next(p)) {
                fields.add(new LoadedValue.HashField(hash.fieldAt(p), hash.valueAt(p), -1));
            }
            return new LoadedValue.HashValue(fields);
        }
        if (value instanceof SortedSet z) {
            java.util.List<LoadedValue.ScoredMember> members = new java.util.ArrayList<>(z.size());
            z.visit(0, false, (member, score) -> members.add(new LoadedValue.ScoredMember(member, score)));
            return new LoadedValue.ZSetValue(members);
        }
        throw new IOException("jredis cannot write a value of type "
                + io.jredis.domain.value.ValueType.of(value).redisName() + " to an RDB file yet");
    }

    private static String repr(LoadedValue v) {
        return switch (v) {
            case LoadedValue.StringValue s -> "string:" + s(s.bytes());
            case LoadedValue.ListValue l -> "list:" + l.elements().stream().map(PointInTimeSnapshotTest::s).toList();
            case LoadedValue.SetValue set -> "set:" + set.members().stream().map(PointInTimeSnapshotTest::s).sorted().toList();
            case LoadedValue.HashValue h -> "hash:" + h.fields().stream()
                    .map(f -> s(f.field()) + "=" + s(f.value())).sorted().toList();
            case LoadedValue.ZSetValue z -> "zset:" + z.members().stream()
                    .map(m -> s(m.member()) + "=" + m.score()).toList();
            case LoadedValue.StreamValue st -> throw new AssertionError("no streams here");
        };
    }

    /** The file's keys; a key present twice fails the test (Redis refuses such a file). */
    private static Map<String, String> decode(byte[] rdb) throws Exception {
        Map<String, String> out = new TreeMap<>();
        RdbReader.read(new ByteArrayInputStream(rdb), new RdbSink() {
            @Override
            public void functionLibrary(byte[] code) {
            }

            @Override
            public void moduleAux(long moduleId) {
            }

            @Override
            public void entry(int db, byte[] key, long expireAt, LoadedValue value) {
                String previous = out.put(db + ":" + s(key), repr(value) + "@" + expireAt);
                if (previous != null) {
                    throw new AssertionError("key written twice: " + db + ":" + s(key));
                }
            }
        });
        return out;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
