/**
 * The replica side of replication: following a Redis 7 (or jredis) master over PSYNC, loading
 * its RDB, applying its command stream as the master client, and acknowledging offsets.
 */
package io.jredis.adapter.replication.replica;
