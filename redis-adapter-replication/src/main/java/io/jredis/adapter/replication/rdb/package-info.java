/**
 * The RDB format: {@link io.jredis.adapter.replication.rdb.RdbReader} reads what Redis 7.0 to
 * 7.4 write (RDB 1 to 12) into neutral {@link io.jredis.adapter.replication.rdb.LoadedValue}s,
 * {@link io.jredis.adapter.replication.rdb.RdbWriter} writes version 10 (what Redis 7.0 reads),
 * and {@link io.jredis.adapter.replication.rdb.RdbSnapshotStore} is the
 * {@code SnapshotStore} port on a file in {@code dir}.
 *
 * <h2>Adding a type</h2>
 * The reader already decodes every encoding of lists, sets, sorted sets, hashes (with 7.4 field
 * expiries) and streams (with consumer groups) into the neutral records. Once a domain class
 * exists, loading it is one case in {@code KeyspaceLoader.toDomain}; saving it is one case in
 * {@code RdbSnapshotStore.write} plus an {@code RdbWriter} method emitting the encoding Redis
 * 7.0 would choose (listpack/intset when small, else the plain form).
 *
 * <h2>BGSAVE without fork: the design (not implemented yet)</h2>
 * Redis forks and lets the kernel's copy-on-write pages freeze the dataset. The JVM cannot fork,
 * and copying the whole keyspace up front is the stop-the-world pause we must avoid. The plan:
 * <ol>
 *   <li><b>Incremental serialization on the command thread.</b> BGSAVE records the start time
 *       {@code T} (expiry is judged at {@code T}) and starts a cursor over each database's bucket
 *       array. Each event-loop turn (and the cron) serializes keys for a bounded slice (about 1 ms,
 *       or N keys) into a buffer; full buffers go through a bounded queue to a writer thread that
 *       writes the temp file, fsyncs and renames, exactly as SAVE does. The queue bound gives
 *       back-pressure, so memory stays bounded and the slices only run while the disk keeps up.</li>
 *   <li><b>Copy-on-write per key, before the write.</b> A key not yet serialized must be written
 *       with its value at {@code T}. The executor already knows each write command's key positions
 *       from its spec; before running a write it asks the snapshot "is this key still pending?" and,
 *       if so, serializes the key's current (pre-write) value at once and marks it done. The same
 *       hook is needed in the domain for removals the keyspace makes on its own (expiry at a time
 *       after {@code T}, eviction) and for whole-keyspace writes (FLUSHALL/FLUSHDB, SWAPDB), which
 *       first drain the remaining keys of the databases they touch. Keys added after {@code T} are
 *       marked done as they are created, so the snapshot never includes them.</li>
 *   <li><b>"Pending" without a per-key flag.</b> The cursor walks buckets in the reverse-binary
 *       order SCAN uses, which is stable across table growth and shrinking; a key is pending iff its
 *       bucket (at the current table size) comes after the cursor and it is not in the small set of
 *       keys already serialized out of order (those written early by the copy-on-write hook, which
 *       the cursor then skips). Rehashing during the snapshot is thus harmless, as it is for SCAN.</li>
 *   <li><b>Values mutated in place</b> (MutableString after APPEND/SETRANGE, and every collection
 *       type) are safe because they are serialized before the command that mutates them runs.</li>
 * </ol>
 * What is next: a {@code SnapshotCursor} in the domain (pending test, cursor, early-done set),
 * the executor's pre-write hook, the writer thread, INFO's rdb_bgsave_in_progress /
 * rdb_current_bgsave_time_sec / rdb_last_bgsave_time_sec, then save points in the server cron
 * (they trigger BGSAVE in Redis) and a latency measurement of BGSAVE on a million keys.
 * Until then BGSAVE replies an error pointing to SAVE, and save points only act at shutdown.
 */
package io.jredis.adapter.replication.rdb;
