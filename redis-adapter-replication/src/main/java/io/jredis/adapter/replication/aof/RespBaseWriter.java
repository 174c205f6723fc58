package io.jredis.adapter.replication.aof;

import io.jredis.domain.keyspace.Database;
import io.jredis.domain.keyspace.Keyspace;
import io.jredis.domain.value.HashValue;
import io.jredis.domain.value.ListValue;
import io.jredis.domain.value.MutableString;
import io.jredis.domain.value.SetValue;
import io.jredis.domain.value.SortedSet;
import io.jredis.domain.value.ValueType;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The keyspace as commands (aof-use-rdb-preamble no): per database a SELECT, per key the
 * commands that rebuild it, collections in batches of 64 items (Redis's
 * AOF_REWRITE_ITEMS_PER_CMD) and a PEXPIREAT for keys with a TTL, as Redis's rewrite writes them.
 */
final class RespBaseWriter {

    private static final int ITEMS_PER_COMMAND = 64;
    private static final byte[] SELECT = bytes("SELECT");
    private static final byte[] SET = bytes("SET");
    private static final byte[] RPUSH = bytes("RPUSH");
    private static final byte[] SADD = bytes("SADD");
    private static final byte[] ZADD = bytes("ZADD");
    private static final byte[] HMSET = bytes("HMSET");
    private static final byte[] PEXPIREAT = bytes("PEXPIREAT");
    private static final byte[] XADD = bytes("XADD");
    private static final byte[] XSETID = bytes("XSETID");
    private static final byte[] XGROUP = bytes("XGROUP");
    private static final byte[] XCLAIM = bytes("XCLAIM");

    private RespBaseWriter() {
    }

    /** {@code annotate}: starts with a {@code #TS:} annotation (aof-timestamp-enabled), as Redis. */
    static void write(Keyspace keyspace, long now, boolean annotate, FileChannel out) throws IOException {
        CommandBuffer buf = new CommandBuffer();
        if (annotate) {
            buf.raw("#TS:" + now / 1000 + "\r\n");
        }
        IOException[] failure = new IOException[1];
        for (int i = 0; i < keyspace.count(); i++) {
            Database db = keyspace.db(i);
            if (db.size() == 0) {
                continue;
            }
            buf.command(SELECT, bytes(Integer.toString(i)));
            db.forEach(now, (key, value, expireAt) -> {
                if (failure[0] != null) {
                    return;
                }
                try {
                    key(buf, key, value);
                    if (expireAt != Database.NO_EXPIRY) {
                        buf.command(PEXPIREAT, key, bytes(Long.toString(expireAt)));
                    }
                    if (buf.length() > 1 << 20) {
                        buf.writeTo(out);
                    }
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        buf.writeTo(out);
    }

    /** The commands that rebuild one key, with its PEXPIREAT when {@code expireAt} is not -1. */
    static void entry(CommandBuffer buf, byte[] key, Object value, long expireAt) throws IOException {
        key(buf, key, value);
        if (expireAt != Database.NO_EXPIRY) {
            buf.command(PEXPIREAT, key, bytes(Long.toString(expireAt)));
        }
    }

    /** SELECT {@code db}. */
    static void select(CommandBuffer buf, int db) {
        buf.command(SELECT, bytes(Integer.toString(db)));
    }

    private static void key(CommandBuffer buf, byte[] key, Object value) throws IOException {
        if (value instanceof byte[] b) {
            buf.command(SET, key, b);
        } else if (value instanceof MutableString m) {
            buf.command(SET, key, Arrays.copyOf(m.array(), m.length()));
        } else if (value instanceof ListValue list) {
            List<byte[]> items = new ArrayList<>(list.size());
            list.forEach(0, true, (b, off, len) -> items.add(Arrays.copyOfRange(b, off, off + len)));
            batches(buf, RPUSH, key, items, 1);
        } else if (value instanceof SetValue set) {
            List<byte[]> items = new ArrayList<>(set.size());
            for (int i = 0; i < set.size(); i++) {
                items.add(set.memberAt(i));
            }
            batches(buf, SADD, key, items, 1);
        } else if (value instanceof SortedSet z) {
            List<byte[]> items = new ArrayList<>(z.size() * 2);
            z.visit(0, false, (member, score) -> {
                items.add(bytes(score(score)));
                return items.add(member);
            });
            batches(buf, ZADD, key, items, 2);
        } else if (value instanceof HashValue hash) {
            List<byte[]> items = new ArrayList<>(hash.size() * 2);
            for (int p = hash.first(); p >= 0; p = hash.next(p)) {
                items.add(hash.fieldAt(p));
                items.add(hash.valueAt(p));
            }
            batches(buf, HMSET, key, items, 2);
        } else if (value instanceof io.jredis.domain.value.StreamValue stream) {
            stream(buf, key, stream);
        } else {
            throw new IOException("jredis cannot write a value of type " + ValueType.of(value).redisName()
                    + " to an append-only file yet");
        }
    }

    /**
     * A stream as Redis 7.0's rewriteStreamObject writes it: its entries as XADDs (an empty stream
     * as {@code XADD key MAXLEN 0 <last-id> x y}), XSETID with the last id, entries-added and
     * max-deleted id, then each group (XGROUP CREATE ... ENTRIESREAD), its consumers with pending
     * entries as XCLAIM ... JUSTID FORCE in id order, and those without as XGROUP CREATECONSUMER.
     */
    private static void stream(CommandBuffer buf, byte[] key, io.jredis.domain.value.StreamValue s) {
        byte[] lastId = id(s.lastId());
        if (s.length() > 0) {
            io.jredis.domain.value.StreamValue.Cursor c = s.cursor(0, 0, -1L, -1L, false);
            while (c.next()) {
                byte[][] fv = c.fieldsAndValues();
                List<byte[]> argv = new ArrayList<>(3 + fv.length);
                argv.add(XADD);
                argv.add(key);
                argv.add(id(c.id()));
                argv.addAll(Arrays.asList(fv));
                buf.command(argv);
            }
        } else {
            buf.command(XADD, key, bytes("MAXLEN"), bytes("0"), lastId, bytes("x"), bytes("y"));
        }
        buf.command(XSETID, key, lastId, bytes("ENTRIESADDED"), bytes(Long.toString(s.entriesAdded())),
                bytes("MAXDELETEDID"), id(s.maxDeletedId()));
        for (io.jredis.domain.value.StreamGroup g : s.groups().values()) {
            buf.command(XGROUP, bytes("CREATE"), key, g.name(), id(new io.jredis.domain.value.StreamId(g.lastMs(),
                    g.lastSeq())), bytes("ENTRIESREAD"), bytes(Long.toString(g.entriesRead())));
            for (io.jredis.domain.value.StreamConsumer consumer : g.consumers().values()) {
                if (consumer.pending().isEmpty()) {
                    buf.command(XGROUP, bytes("CREATECONSUMER"), key, g.name(), consumer.name());
                    continue;
                }
                for (var e : consumer.pending().entrySet()) {
                    io.jredis.domain.value.StreamPending p = e.getValue();
                    buf.command(XCLAIM, key, g.name(), consumer.name(), bytes("0"), id(e.getKey()), bytes("TIME"),
                            bytes(Long.toString(p.deliveryTime())), bytes("RETRYCOUNT"),
                            bytes(Long.toString(p.deliveryCount())), bytes("JUSTID"), bytes("FORCE"));
                }
            }
        }
    }

    private static byte[] id(io.jredis.domain.value.StreamId id) {
        return bytes(Long.toUnsignedString(id.ms()) + "-" + Long.toUnsignedString(id.seq()));
    }

    /** {@code items} in groups of {@code width} (a score and member, a field and value). */
    private static void batches(CommandBuffer buf, byte[] command, byte[] key, List<byte[]> items, int width) {
        int perCommand = ITEMS_PER_COMMAND * width;
        for (int from = 0; from < items.size(); from += perCommand) {
            int to = Math.min(items.size(), from + perCommand);
            List<byte[]> argv = new ArrayList<>(to - from + 2);
            argv.add(command);
            argv.add(key);
            argv.addAll(items.subList(from, to));
            buf.command(argv);
        }
    }

    /** A score that reads back to the same double (Redis writes %.17g; any exact form will do). */
    static String score(double d) {
        if (d == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (d == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e17 && !(d == 0 && 1 / d < 0)) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
