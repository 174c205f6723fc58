package io.jredis.application.command.memory;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.port.ReplySink;
import io.jredis.application.server.Eviction;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.keyspace.Keyspace;

/**
 * MEMORY STATS: Redis's map of memory figures, from jredis's estimate ({@link Eviction#usedMemory()});
 * the allocator and RSS entries are the JVM heap's.
 */
public final class MemoryStatsCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("stats", 2)
            .acl("slow")
            .group("server").since("4.0.0").summary("Show memory usage details")
            .complexity("O(1)")
            .tips("nondeterministic_output", "request_policy:all_shards", "response_policy:special")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Eviction memory = ctx.server().eviction();
        Keyspace ks = ctx.server().keyspace();
        long used = memory.usedMemory();
        long peak = memory.peak();
        long startup = Eviction.STARTUP;
        long overhead = memory.overhead();
        long keys = 0;
        int dbsWithKeys = 0;
        for (int i = 0; i < ks.count(); i++) {
            keys += ks.db(i).size();
            if (ks.db(i).size() > 0) {
                dbsWithKeys++;
            }
        }
        long net = used - startup;
        long dataset = used - overhead;
        Runtime rt = Runtime.getRuntime();
        long heapUsed = rt.totalMemory() - rt.freeMemory();
        long heap = rt.totalMemory();
        ReplySink r = ctx.reply();
        r.map(27 + dbsWithKeys);
        field(r, "peak.allocated", peak);
        field(r, "total.allocated", used);
        field(r, "startup.allocated", startup);
        field(r, "replication.backlog", 0);
        field(r, "clients.slaves", 0);
        field(r, "clients.normal", 0);
        field(r, "cluster.links", 0);
        field(r, "aof.buffer", 0);
        field(r, "lua.caches", 0);
        field(r, "functions.caches", 0);
        for (int i = 0; i < ks.count(); i++) {
            Database db = ks.db(i);
            if (db.size() == 0) {
                continue;
            }
            r.bulk("db." + i);
            r.map(3);
            field(r, "overhead.hashtable.main", Eviction.hashtableOverhead(db));
            field(r, "overhead.hashtable.expires", Eviction.expiresOverhead(db));
            field(r, "overhead.hashtable.slot-to-keys", 0);
        }
        field(r, "overhead.total", overhead);
        field(r, "keys.count", keys);
        field(r, "keys.bytes-per-key", keys == 0 ? 0 : net / keys);
        field(r, "dataset.bytes", dataset);
        r.bulk("dataset.percentage");
        r.doubleValue(net <= 0 ? 0 : dataset * 100.0 / net);
        r.bulk("peak.percentage");
        r.doubleValue(peak == 0 ? 0 : used * 100.0 / peak);
        field(r, "allocator.allocated", heapUsed);
        field(r, "allocator.active", heap);
        field(r, "allocator.resident", heap);
        r.bulk("allocator-fragmentation.ratio");
        r.doubleValue(heapUsed == 0 ? 0 : (double) heap / heapUsed);
        field(r, "allocator-fragmentation.bytes", heap - heapUsed);
        r.bulk("allocator-rss.ratio");
        r.doubleValue(1.0);
        field(r, "allocator-rss.bytes", 0);
        r.bulk("rss-overhead.ratio");
        r.doubleValue(1.0);
        field(r, "rss-overhead.bytes", 0);
        r.bulk("fragmentation");
        r.doubleValue(used == 0 ? 0 : (double) heap / used);
        field(r, "fragmentation.bytes", heap - used);
    }

    private static void field(ReplySink r, String name, long value) {
        r.bulk(name);
        r.integer(value);
    }
}
