package io.jredis.application.port;

import java.util.function.BiConsumer;

/**
 * The append-only file as the rest of the server sees it: the transport asks it to make the
 * writes of a batch durable before the batch's replies leave (appendfsync always: an
 * acknowledged write is on disk), BGREWRITEAOF and CONFIG SET appendonly drive it, the cron
 * lets it flush and rewrite automatically, INFO reads its state. All calls run on the command
 * thread.
 */
public interface AppendOnlyFile {

    /**
     * True while writes are buffered that must reach the file before any reply is sent: the
     * transport then holds replies until the end of its loop turn and calls
     * {@link #beforeReplies()} once for all of them (Redis's beforeSleep order).
     */
    boolean holdsReplies();

    /**
     * Called by the transport before it sends replies: writes what the write log buffered and,
     * with appendfsync always, fsyncs it. Costs nothing when nothing is buffered.
     */
    void beforeReplies();

    /** What became of a BGREWRITEAOF. */
    enum RewriteStart {
        /** The background rewrite runs. */
        STARTED,
        /** Another background snapshot runs (or inside EXEC): the cron starts it once the slot is free. */
        SCHEDULED,
        /** A rewrite already runs. */
        IN_PROGRESS,
        /** It could not start (the directory or the new incremental file could not be created). */
        FAILED
    }

    /**
     * BGREWRITEAOF: starts a background rewrite of the file from the keyspace, or schedules it
     * while another background snapshot runs or {@code inTransaction} (as Redis's in_exec).
     */
    RewriteStart rewrite(boolean inTransaction);

    /**
     * appendonly or appendfsync were changed by CONFIG SET: switches the file on (after a
     * rewrite, as Redis does) or off.
     *
     * @return null when done, else the reason it failed
     */
    String reconfigure();

    /** Periodic work: writes left over, the automatic rewrite (auto-aof-rewrite-*). */
    void cron();

    /** INFO persistence from aof_enabled to aof_last_cow_size, as Redis 7.0 prints them. */
    void describe(BiConsumer<String, Object> field);

    /** INFO persistence's trailing aof_current_size ... fields, printed only while the AOF is on. */
    void describeSizes(BiConsumer<String, Object> field);

    /**
     * Why writes must be refused (Redis's DISK_ERROR_TYPE_AOF): the reason the last write or the
     * last background fsync failed while the AOF is on, as strerror would say it; null when fine.
     */
    default String writeError() {
        return null;
    }

    /** No append-only file attached (unit tests). */
    AppendOnlyFile NONE = new AppendOnlyFile() {
        @Override
        public boolean holdsReplies() {
            return false;
        }

        @Override
        public void beforeReplies() {
        }

        @Override
        public RewriteStart rewrite(boolean inTransaction) {
            return RewriteStart.FAILED;
        }

        @Override
        public String reconfigure() {
            return null;
        }

        @Override
        public void cron() {
        }

        @Override
        public void describe(BiConsumer<String, Object> field) {
            field.accept("aof_enabled", 0);
            field.accept("aof_rewrite_in_progress", 0);
            field.accept("aof_rewrite_scheduled", 0);
            field.accept("aof_last_rewrite_time_sec", -1);
            field.accept("aof_current_rewrite_time_sec", -1);
            field.accept("aof_last_bgrewrite_status", "ok");
            field.accept("aof_rewrites", 0);
            field.accept("aof_rewrites_consecutive_failures", 0);
            field.accept("aof_last_write_status", "ok");
            field.accept("aof_last_cow_size", 0);
        }

        @Override
        public void describeSizes(BiConsumer<String, Object> field) {
        }
    };
}
