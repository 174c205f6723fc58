package io.jredis.application.command.server;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.CallStats;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.connection.HelloCommand;
import io.jredis.application.server.ServerConfig;
import io.jredis.application.server.ServerState;
import io.jredis.application.server.Stats;
import io.jredis.application.session.ClientSession;
import io.jredis.domain.keyspace.Database;

import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * INFO [section ...]: Redis 7.0's sections, field names and order, "# Name" headers, CRLF line
 * endings, a blank line between sections; verbatim text in RESP3. Values are jredis's own: what
 * has no meaning here (forks, allocator, defragmentation) reads as an idle Redis reads it.
 */
public final class InfoCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("info", -1)
            .flags(CommandFlag.LOADING, CommandFlag.STALE)
            .acl("slow", "dangerous")
            .group("server").since("1.0.0").summary("Get information and statistics about the server")
            .tips("nondeterministic_output", "request_policy:all_shards", "response_policy:special")
            .build();

    /** Every section in output order; the flag says whether "default" includes it. */
    private static final String[] SECTIONS = {
        "server", "clients", "memory", "persistence", "stats", "replication", "cpu", "modules",
        "commandstats", "errorstats", "latencystats", "cluster", "keyspace"};
    private static final Set<String> NOT_DEFAULT = Set.of("commandstats", "latencystats");

    /** redis_build_id: fixed for this implementation, like a build's hash. */
    private static final String BUILD_ID = "6a7265646973";


    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Set<String> wanted = sections(ctx.args());
        StringBuilder out = new StringBuilder(4096);
        for (String section : SECTIONS) {
            if (!wanted.contains(section)) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append("\r\n");
            }
            write(section, ctx, new Lines(out));
        }
        ctx.reply().verbatim("txt", out.toString());
    }

    private static Set<String> sections(Arguments args) {
        Set<String> wanted = new HashSet<>();
        if (args.count() == 1) {
            addDefault(wanted);
            return wanted;
        }
        for (int i = 1; i < args.count(); i++) {
            String s = args.string(i).toLowerCase(Locale.ROOT);
            switch (s) {
                case "default" -> addDefault(wanted);
                case "all", "everything" -> wanted.addAll(Set.of(SECTIONS));
                default -> wanted.add(s);
            }
        }
        return wanted;
    }

    private static void addDefault(Set<String> wanted) {
        for (String s : SECTIONS) {
            if (!NOT_DEFAULT.contains(s)) {
                wanted.add(s);
            }
        }
    }

    private void write(String section, CommandContext ctx, Lines l) {
        switch (section) {
            case "server" -> server(ctx, l);
            case "clients" -> clients(ctx, l);
            case "memory" -> memory(ctx, l);
            case "persistence" -> persistence(ctx, l);
            case "stats" -> stats(ctx, l);
            case "replication" -> {
                l.header("Replication");
                ctx.server().replication().describe(l::line);
            }
            case "cpu" -> cpu(l);
            case "modules" -> l.header("Modules");
            case "commandstats" -> commandStats(ctx, l);
            case "errorstats" -> {
                l.header("Errorstats");
                ctx.server().stats().forEachErrorCode((code, count) -> l.line("errorstat_" + code + ":count=" + count));
            }
            case "latencystats" -> l.header("Latencystats");
            case "cluster" -> {
                l.header("Cluster");
                l.field("cluster_enabled", 0);
            }
            case "keyspace" -> keyspace(ctx, l);
            default -> throw new IllegalArgumentException(section);
        }
    }

    private static void commandStats(CommandContext ctx, Lines l) {
        l.header("Commandstats");
        for (Command c : ctx.server().registry().allWithSubcommands()) {
            CallStats s = ctx.server().registry().stats(c);
            if (s.calls == 0 && s.rejected == 0 && s.failed == 0) {
                continue;
            }
            double perCall = s.calls == 0 ? 0 : (double) s.micros / s.calls;
            l.line("cmdstat_" + c.spec().fullName() + ":calls=" + s.calls + ",usec=" + s.micros
                    + ",usec_per_call=" + String.format(java.util.Locale.ROOT, "%.2f", perCall)
                    + ",rejected_calls=" + s.rejected + ",failed_calls=" + s.failed);
        }
    }

    private static void server(CommandContext ctx, Lines l) {
        ServerState s = ctx.server();
        long uptime = s.uptimeSeconds();
        l.header("Server");
        l.field("redis_version", HelloCommand.REDIS_VERSION);
        l.field("redis_git_sha1", "00000000");
        l.field("redis_git_dirty", 0);
        l.field("redis_build_id", BUILD_ID);
        l.field("redis_mode", "standalone");
        l.field("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + arch());
        l.field("arch_bits", 64);
        l.field("monotonic_clock", "POSIX clock_gettime");
        l.field("multiplexing_api", "epoll");
        l.field("atomicvar_api", "c11-builtin");
        l.field("gcc_version", "0.0.0");
        l.field("process_id", ProcessHandle.current().pid());
        l.field("process_supervised", "no");
        l.field("run_id", s.runId());
        l.field("tcp_port", s.config().port);
        l.field("server_time_usec", ctx.now() * 1000);
        l.field("uptime_in_seconds", uptime);
        l.field("uptime_in_days", uptime / 86400);
        l.field("hz", s.config().hz);
        l.field("configured_hz", s.config().hz);
        l.field("lru_clock", (ctx.now() / 1000) & ((1 << 24) - 1));
        l.field("executable", ProcessHandle.current().info().command().orElse(""));
        l.field("config_file", "");
        l.field("io_threads_active", 0);
    }

    private static String arch() {
        String a = System.getProperty("os.arch");
        return a.equals("amd64") ? "x86_64" : a;
    }

    private static void clients(CommandContext ctx, Lines l) {
        ServerState s = ctx.server();
        long maxIn = 0;
        long maxOut = 0;
        for (ClientSession c : s.clients().all()) {
            maxIn = Math.max(maxIn, c.connection().queryBufferLength() + c.connection().queryBufferFree());
            maxOut = Math.max(maxOut, c.connection().outputBufferLength());
        }
        l.header("Clients");
        l.field("connected_clients", s.clients().count());
        l.field("cluster_connections", 0);
        l.field("maxclients", s.config().maxclients);
        l.field("client_recent_max_input_buffer", maxIn);
        l.field("client_recent_max_output_buffer", maxOut);
        l.field("blocked_clients", ctx.executor().blockedClients().clients() + ctx.executor().pausedClients());
        l.field("tracking_clients", 0);
        l.field("clients_in_timeout_table", ctx.executor().blockedClients().clientsWithTimeout());
    }

    private void memory(CommandContext ctx, Lines l) {
        // used_memory and the figures around it are jredis's estimate in Redis's terms (see
        // Eviction.usedMemory); the JVM heap stands for the allocator and RSS figures.
        Runtime rt = Runtime.getRuntime();
        long heapUsed = rt.totalMemory() - rt.freeMemory();
        long heap = rt.totalMemory();
        io.jredis.application.server.Eviction memory = ctx.server().eviction();
        long used = memory.usedMemory();
        long peakMemory = memory.peak();
        long overhead = memory.overhead();
        long startup = io.jredis.application.server.Eviction.STARTUP;
        long dataset = used - overhead;
        ServerConfig config = ctx.server().config();
        l.header("Memory");
        l.field("used_memory", used);
        l.field("used_memory_human", human(used));
        l.field("used_memory_rss", heap);
        l.field("used_memory_rss_human", human(heap));
        l.field("used_memory_peak", peakMemory);
        l.field("used_memory_peak_human", human(peakMemory));
        l.field("used_memory_peak_perc", String.format(Locale.ROOT, "%.2f%%", peakMemory == 0 ? 100.0 : used * 100.0 / peakMemory));
        l.field("used_memory_overhead", overhead);
        l.field("used_memory_startup", startup);
        l.field("used_memory_dataset", dataset);
        l.field("used_memory_dataset_perc", String.format(Locale.ROOT, "%.2f%%",
                used - startup <= 0 ? 0.0 : dataset * 100.0 / (used - startup)));
        l.field("allocator_allocated", heapUsed);
        l.field("allocator_active", heap);
        l.field("allocator_resident", heap);
        l.field("total_system_memory", 0);
        l.field("total_system_memory_human", "0B");
        l.field("used_memory_lua", 0);
        l.field("used_memory_vm_eval", 0);
        l.field("used_memory_lua_human", "0B");
        // The script cache: bodies plus a per-script entry, as Redis counts sds bodies and dict entries.
        long scriptsEval = 0;
        long cachedScripts = 0;
        if (ctx.server().scriptsStarted()) {
            cachedScripts = ctx.server().scripts().cachedScripts();
            scriptsEval = ctx.server().scripts().cacheBytes() + cachedScripts * 104;
        }
        l.field("used_memory_scripts_eval", scriptsEval);
        l.field("number_of_cached_scripts", cachedScripts);
        l.field("number_of_functions", 0);
        l.field("number_of_libraries", 0);
        l.field("used_memory_vm_functions", 0);
        l.field("used_memory_vm_total", 0);
        l.field("used_memory_vm_total_human", "0B");
        l.field("used_memory_functions", 0);
        l.field("used_memory_scripts", scriptsEval);
        l.field("used_memory_scripts_human", human(scriptsEval));
        l.field("maxmemory", config.maxmemory);
        l.field("maxmemory_human", human(config.maxmemory));
        l.field("maxmemory_policy", config.maxmemoryPolicy);
        l.field("allocator_frag_ratio", ratio(heap, heapUsed));
        l.field("allocator_frag_bytes", heap - heapUsed);
        l.field("allocator_rss_ratio", "1.00");
        l.field("allocator_rss_bytes", 0);
        l.field("rss_overhead_ratio", "1.00");
        l.field("rss_overhead_bytes", 0);
        l.field("mem_fragmentation_ratio", ratio(heap, used));
        l.field("mem_fragmentation_bytes", heap - used);
        l.field("mem_not_counted_for_evict", 0);
        l.field("mem_replication_backlog", 0);
        l.field("mem_total_replication_buffers", 0);
        l.field("mem_clients_slaves", 0);
        l.field("mem_clients_normal", 0);
        l.field("mem_cluster_links", 0);
        l.field("mem_aof_buffer", 0);
        l.field("mem_allocator", "jvm");
        l.field("active_defrag_running", 0);
        l.field("lazyfree_pending_objects", 0);
        l.field("lazyfreed_objects", 0);
    }

    private static void persistence(CommandContext ctx, Lines l) {
        ServerState s = ctx.server();
        l.header("Persistence");
        l.field("loading", 0);
        l.field("async_loading", 0);
        l.field("current_cow_peak", 0);
        l.field("current_cow_size", 0);
        l.field("current_cow_size_age", 0);
        var snapshot = s.backgroundSnapshot();
        long total = snapshot.keysTotal();
        long processed = snapshot.keysProcessed();
        l.field("current_fork_perc", String.format(Locale.ROOT, "%.2f", total == 0 ? 0.0 : processed * 100.0 / total));
        l.field("current_save_keys_processed", processed);
        l.field("current_save_keys_total", total);
        boolean bgsave = s.rdbBackgroundSave().rdbInProgress();
        l.field("rdb_changes_since_last_save", s.stats().dirty);
        l.field("rdb_bgsave_in_progress", bgsave ? 1 : 0);
        l.field("rdb_last_save_time", s.persistence().lastSaveMillis / 1000);
        l.field("rdb_last_bgsave_status", s.persistence().lastSaveOk ? "ok" : "err");
        l.field("rdb_last_bgsave_time_sec", s.persistence().lastBgsaveSeconds);
        l.field("rdb_current_bgsave_time_sec", bgsave ? ctx.now() / 1000 - snapshot.startedMillis() / 1000 : -1);
        l.field("rdb_saves", s.persistence().saves);
        // the bytes written early for keys a write was about to change: jredis's copy-on-write
        l.field("rdb_last_cow_size", s.persistence().lastCowBytes);
        l.field("rdb_last_load_keys_expired", s.persistence().lastLoadKeysExpired);
        l.field("rdb_last_load_keys_loaded", s.persistence().lastLoadKeysLoaded);
        s.appendOnlyFile().describe(l::field);
        l.field("module_fork_in_progress", 0);
        l.field("module_fork_last_cow_size", 0);
        s.appendOnlyFile().describeSizes(l::field);
    }

    private static void stats(CommandContext ctx, Lines l) {
        ServerState s = ctx.server();
        Stats st = s.stats();
        l.header("Stats");
        l.field("total_connections_received", s.clients().totalConnections());
        l.field("total_commands_processed", st.commandsProcessed);
        l.field("instantaneous_ops_per_sec", st.instantaneousOpsPerSec());
        l.field("total_net_input_bytes", st.netInputBytes);
        l.field("total_net_output_bytes", st.netOutputBytes);
        l.field("total_net_repl_input_bytes", 0);
        l.field("total_net_repl_output_bytes", 0);
        l.field("instantaneous_input_kbps", "0.00");
        l.field("instantaneous_output_kbps", "0.00");
        l.field("instantaneous_input_repl_kbps", "0.00");
        l.field("instantaneous_output_repl_kbps", "0.00");
        l.field("rejected_connections", s.clients().rejectedConnections());
        l.field("sync_full", s.replicaLinks().fullSyncs());
        l.field("sync_partial_ok", s.replicaLinks().partialSyncsAccepted());
        l.field("sync_partial_err", s.replicaLinks().partialSyncsRefused());
        l.field("expired_keys", s.keyspace().totalExpired());
        l.field("expired_stale_perc", "0.00");
        l.field("expired_time_cap_reached_count", 0);
        l.field("expire_cycle_cpu_milliseconds", 0);
        l.field("evicted_keys", st.evictedKeys);
        l.field("evicted_clients", 0);
        l.field("total_eviction_exceeded_time", 0);
        l.field("current_eviction_exceeded_time", 0);
        l.field("keyspace_hits", st.keyspaceHits);
        l.field("keyspace_misses", st.keyspaceMisses);
        l.field("pubsub_channels", ctx.server().pubsub().channelCount());
        l.field("pubsub_patterns", ctx.server().pubsub().patternCount());
        l.field("pubsubshard_channels", ctx.server().pubsub().shardChannelCount());
        l.field("latest_fork_usec", 0);
        l.field("total_forks", 0);
        l.field("migrate_cached_sockets", 0);
        l.field("slave_expires_tracked_keys", 0);
        l.field("active_defrag_hits", 0);
        l.field("active_defrag_misses", 0);
        l.field("active_defrag_key_hits", 0);
        l.field("active_defrag_key_misses", 0);
        l.field("total_active_defrag_time", 0);
        l.field("current_active_defrag_time", 0);
        l.field("tracking_total_keys", 0);
        l.field("tracking_total_items", 0);
        l.field("tracking_total_prefixes", 0);
        l.field("unexpected_error_replies", 0);
        l.field("total_error_replies", st.errorReplies);
        l.field("dump_payload_sanitizations", 0);
        l.field("total_reads_processed", 0);
        l.field("total_writes_processed", 0);
        l.field("io_threaded_reads_processed", 0);
        l.field("io_threaded_writes_processed", 0);
        l.field("reply_buffer_shrinks", 0);
        l.field("reply_buffer_expands", 0);
    }

    /** CPU time of the whole process; the JVM does not split it into user and system time. */
    private static void cpu(Lines l) {
        double total = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9;
        String cpu = String.format(Locale.ROOT, "%.6f", total);
        l.header("CPU");
        l.field("used_cpu_sys", "0.000000");
        l.field("used_cpu_user", cpu);
        l.field("used_cpu_sys_children", "0.000000");
        l.field("used_cpu_user_children", "0.000000");
        l.field("used_cpu_sys_main_thread", "0.000000");
        l.field("used_cpu_user_main_thread", cpu);
    }

    private static void keyspace(CommandContext ctx, Lines l) {
        l.header("Keyspace");
        var keyspace = ctx.server().keyspace();
        for (int i = 0; i < keyspace.count(); i++) {
            Database db = keyspace.db(i);
            if (db.size() > 0) {
                l.line("db" + i + ":keys=" + db.size() + ",expires=" + db.volatileCount() + ",avg_ttl=0");
            }
        }
    }

    /** Redis's bytesToHuman: B, then K, M, G, T, P with two decimals. */
    static String human(long n) {
        if (n < 1024) {
            return n + "B";
        }
        String[] units = {"K", "M", "G", "T", "P"};
        double d = n / 1024.0;
        int u = 0;
        while (d >= 1024 && u < units.length - 1) {
            d /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f%s", d, units[u]);
    }

    private static String ratio(long a, long b) {
        return String.format(Locale.ROOT, "%.2f", b == 0 ? 0.0 : (double) a / b);
    }

    /** Appends "# Header" and "name:value" lines, each ending in CRLF. */
    private static final class Lines {
        private final StringBuilder out;

        Lines(StringBuilder out) {
            this.out = out;
        }

        void header(String name) {
            out.append("# ").append(name).append("\r\n");
        }

        void line(String text) {
            out.append(text).append("\r\n");
        }

        void field(String name, Object value) {
            out.append(name).append(':').append(value).append("\r\n");
        }
    }
}
