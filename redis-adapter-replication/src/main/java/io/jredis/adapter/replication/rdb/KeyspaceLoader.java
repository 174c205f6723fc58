package io.jredis.adapter.replication.rdb;

import io.jredis.domain.keyspace.Keyspace;
import io.jredis.domain.value.SortedSet;

/**
 * Puts what an RDB file holds into a keyspace. Strings become jredis values; a type jredis has
 * no domain class for yet stops the load (never a silently partial dataset). Adding a type is
 * one more case in {@link #toDomain}.
 */
final class KeyspaceLoader implements RdbSink {

    private final Keyspace keyspace;
    private final long now;
    /** A replica keeps keys already expired: its master sends their DEL (Redis's iAmMaster check). */
    private boolean keepExpired;
    private long loaded;
    private long expired;
    /** The repl-* aux fields (repl-id, repl-offset, repl-stream-db) as found. */
    final java.util.Map<String, String> replicationInfo = new java.util.LinkedHashMap<>();
    String producedBy;
    long createdAt = -1;
    long usedMem = -1;

    KeyspaceLoader(Keyspace keyspace, long now) {
        this.keyspace = keyspace;
        this.now = now;
    }

    KeyspaceLoader keepingExpired() {
        this.keepExpired = true;
        return this;
    }

    long loaded() {
        return loaded;
    }

    long expired() {
        return expired;
    }

    @Override
    public void aux(byte[] name, byte[] value) {
        String n = new String(name, java.nio.charset.StandardCharsets.ISO_8859_1);
        String v = new String(value, java.nio.charset.StandardCharsets.ISO_8859_1);
        try {
            switch (n) {
                case "redis-ver" -> producedBy = v;
                case "ctime" -> createdAt = Long.parseLong(v);
                case "used-mem" -> usedMem = Long.parseLong(v);
                case "repl-id", "repl-offset", "repl-stream-db" -> replicationInfo.put(n, v);
                default -> {
                }
            }
        } catch (NumberFormatException e) {
            // informational fields only: Redis ignores what it cannot parse too
        }
    }

    @Override
    public void functionLibrary(byte[] code) throws RdbFormatException {
        throw RdbFormatException.unsupported("jredis does not support functions yet (the file holds a function library)");
    }

    @Override
    public void moduleAux(long moduleId) throws RdbFormatException {
        throw RdbFormatException.unsupported("jredis does not support modules (the file holds module data)");
    }

    @Override
    public void entry(int db, byte[] key, long expireAt, LoadedValue value) throws RdbFormatException {
        if (db >= keyspace.count()) {
            // Redis's words for the same refusal
            throw RdbFormatException.unsupported("Data file was created with a Redis server configured to handle more than "
                    + keyspace.count() + " databases (it has keys in database " + db + ")");
        }
        Object domainValue = toDomain(value);
        if (expireAt != -1 && expireAt < now && !keepExpired) {
            expired++; // as Redis on a master: keys that expired while the file sat on disk are dropped
            return;
        }
        keyspace.db(db).put(key, domainValue, expireAt, now);
        loaded++;
    }

    static Object toDomain(LoadedValue value) throws RdbFormatException {
        return switch (value) {
            case LoadedValue.StringValue s -> s.bytes();
            case LoadedValue.ListValue l -> {
                io.jredis.domain.value.ListValue list = new io.jredis.domain.value.ListValue();
                for (byte[] e : l.elements()) {
                    list.pushBack(e);
                }
                yield list;
            }
            case LoadedValue.SetValue s -> {
                // As Redis's loader: an intset while every member is an integer and it is small enough.
                io.jredis.domain.value.SetValue set = new io.jredis.domain.value.SetValue();
                for (byte[] m : s.members()) {
                    set.add(m);
                }
                yield set;
            }
            case LoadedValue.HashValue h -> {
                io.jredis.domain.value.HashValue hash = new io.jredis.domain.value.HashValue();
                for (LoadedValue.HashField f : h.fields()) {
                    if (f.expireAt() != -1) {
                        throw RdbFormatException.unsupported("jredis does not support hash field expiry (Redis 7.4) yet");
                    }
                    hash.put(f.field(), f.value());
                }
                yield hash;
            }
            case LoadedValue.ZSetValue z -> {
                SortedSet set = new SortedSet();
                for (LoadedValue.ScoredMember m : z.members()) {
                    set.put(m.member(), m.score());
                }
                // As Redis's loader: the small encoding whenever the loaded set fits it.
                set.compactIfSmall();
                yield set;
            }
            case LoadedValue.StreamValue st -> stream(st);
            default -> throw RdbFormatException.unsupported("jredis does not support the " + value.typeName() + " type yet");
        };
    }

    /** A loaded stream: its entries appended in order, then its metadata and groups as stored. */
    private static io.jredis.domain.value.StreamValue stream(LoadedValue.StreamValue st) throws RdbFormatException {
        io.jredis.domain.value.StreamValue s = new io.jredis.domain.value.StreamValue();
        for (LoadedValue.StreamEntry e : st.entries()) {
            s.load(e.ms(), e.seq(), e.fieldsAndValues().toArray(new byte[0][]));
        }
        s.setLastId(st.lastMs(), st.lastSeq());
        s.setEntriesAdded(st.entriesAdded());
        s.setMaxDeletedId(st.maxDeletedMs(), st.maxDeletedSeq());
        for (LoadedValue.ConsumerGroup g : st.groups()) {
            io.jredis.domain.value.StreamGroup group = s.createGroup(g.name(), g.lastMs(), g.lastSeq(), g.entriesRead());
            if (group == null) {
                throw RdbFormatException.unsupported("duplicated consumer group name in stream");
            }
            for (LoadedValue.StreamConsumer c : g.consumers()) {
                group.createConsumer(c.name(), 0).setSeenTime(c.seenTime());
            }
            for (LoadedValue.PendingEntry p : g.pending()) {
                if (p.consumer() == null) {
                    throw RdbFormatException.unsupported("stream pending entry without a consumer");
                }
                io.jredis.domain.value.StreamConsumer owner = group.consumer(p.consumer());
                group.assign(new io.jredis.domain.value.StreamId(p.ms(), p.seq()),
                        new io.jredis.domain.value.StreamPending(owner, p.deliveryTime(), p.deliveryCount()), owner);
            }
        }
        return s;
    }
}
