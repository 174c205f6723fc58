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
 * <h2>BGSAVE without fork</h2>
 * Redis forks and lets the kernel's copy-on-write pages freeze the dataset. The JVM cannot fork,
 * and copying the whole keyspace up front is the stop-the-world pause we must avoid. What runs:
 * <ol>
 *   <li><b>A point-in-time walk in the domain</b> ({@code io.jredis.domain.keyspace.SnapshotWalk},
 *       started by {@code Keyspace.startWalk(at, sink)}): the start time {@code T} fixes the
 *       snapshot (expiry judged at {@code T}); the walk hands keys to its sink in bounded steps.</li>
 *   <li><b>Slices on the command thread</b> ({@code application.snapshot.BackgroundSnapshot}):
 *       each event-loop turn runs one slice of about 250 &micro;s (the loop polls instead of
 *       sleeping while a slice is due), so a command waits at most about that long.</li>
 *   <li><b>Copy-on-write per key, before the write</b>. A key not yet handed over is handed over
 *       with its value at {@code T} before anything changes it. The database hooks every change
 *       of a stored entry: overwrite, replacement, removal (DEL, RENAME, MOVE, lazy and active
 *       expiry), TTL change. Values changed in place (APPEND, list pushes, every collection) are
 *       covered without any key analysis: while a command that is not read-only runs (the
 *       executor sets {@code walk.writing(true)}), every look-up of a pending key hands it over
 *       first, so movable keys, COPY ... DB, blocked clients being served and EXEC are all
 *       covered. FLUSHDB/FLUSHALL detach the old bucket array, which the walk finishes on its own;
 *       SWAPDB carries each database's walk along with its contents. Keys created after
 *       {@code T} are remembered as "not part of it".</li>
 *   <li><b>"Pending" without a flag per key.</b> The walk covers the reversed-hash space in
 *       increasing order (SCAN's order; a bucket is one interval of it at any table size); a key
 *       is pending iff its position is at or after the cursor, it was live at {@code T}, and it is
 *       not in the small set of keys handed over early or created after {@code T}. Visiting a
 *       bucket skips keys before the cursor, so growth and shrinking never duplicate or lose a
 *       key. The set grows only with keys written during the snapshot.</li>
 *   <li><b>Encoding and I/O here.</b> {@link io.jredis.adapter.replication.rdb.RdbOutput}
 *       encodes on the command thread (a value must be read before it changes) into 64 KiB
 *       chunks; its own writer thread writes them to an {@link io.jredis.adapter.replication.rdb.RdbTarget}.
 *       Past 8 MiB queued the walk pauses (back-pressure) until the writer drained half of it;
 *       early copies are always accepted, so a command never waits for the disk. Keys of
 *       different databases may interleave (early copies): a SELECTDB precedes each switch.</li>
 * </ol>
 * Targets: {@link io.jredis.adapter.replication.rdb.RdbFileTarget} (temp file, fsync, rename,
 * directory fsync: BGSAVE, an AOF base with {@code RdbOutput.aofBase()}) and
 * {@link io.jredis.adapter.replication.rdb.RdbChannelTarget} (a blocking channel, optionally in
 * the diskless {@code $EOF:<40 bytes>} framing). Limits: one value is encoded in one go, so a
 * single huge collection costs its encoding time in one slice (Redis's fork has no such cost);
 * early copies are counted as rdb_last_cow_size.
  */
package io.jredis.adapter.replication.rdb;
