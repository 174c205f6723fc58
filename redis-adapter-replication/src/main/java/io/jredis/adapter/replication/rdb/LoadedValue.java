package io.jredis.adapter.replication.rdb;

import java.util.List;

/**
 * A value read from an RDB file, in a neutral form that does not depend on jredis's domain
 * classes: whichever of Redis's encodings the file used (listpack, ziplist, intset, quicklist,
 * hashtable...), a type always arrives in the same shape. Mapping a type onto its domain class
 * is then one case of a switch over this sealed interface.
 */
public sealed interface LoadedValue {

    /** The type name as TYPE reports it. */
    String typeName();

    record StringValue(byte[] bytes) implements LoadedValue {
        @Override
        public String typeName() {
            return "string";
        }
    }

    /** List elements, head to tail. */
    record ListValue(List<byte[]> elements) implements LoadedValue {
        @Override
        public String typeName() {
            return "list";
        }
    }

    record SetValue(List<byte[]> members) implements LoadedValue {
        @Override
        public String typeName() {
            return "set";
        }
    }

    record ScoredMember(byte[] member, double score) {
    }

    /** Sorted set members with their scores, in the file's order. */
    record ZSetValue(List<ScoredMember> members) implements LoadedValue {
        @Override
        public String typeName() {
            return "zset";
        }
    }

    /**
     * A hash field: {@code expireAt} is the field's unix-ms expiry (Redis 7.4 hash field
     * expiration) or -1 when it has none.
     */
    record HashField(byte[] field, byte[] value, long expireAt) {
    }

    record HashValue(List<HashField> fields) implements LoadedValue {
        @Override
        public String typeName() {
            return "hash";
        }
    }

    /** A stream entry: its id and its field/value pairs (field, value, field, value...). */
    record StreamEntry(long ms, long seq, List<byte[]> fieldsAndValues) {
    }

    record PendingEntry(long ms, long seq, long deliveryTime, long deliveryCount, byte[] consumer) {
    }

    record StreamConsumer(byte[] name, long seenTime, long activeTime) {
    }

    /** {@code entriesRead} is -1 when unknown (XINFO GROUPS shows nil), as Redis stores it. */
    record ConsumerGroup(byte[] name, long lastMs, long lastSeq, long entriesRead,
            List<PendingEntry> pending, List<StreamConsumer> consumers) {
    }

    /**
     * A stream with its entries (deleted ones left out), its metadata and its consumer groups.
     * Fields that an older RDB version does not store are 0.
     */
    record StreamValue(List<StreamEntry> entries, long length, long lastMs, long lastSeq,
            long firstMs, long firstSeq, long maxDeletedMs, long maxDeletedSeq, long entriesAdded,
            List<ConsumerGroup> groups) implements LoadedValue {
        @Override
        public String typeName() {
            return "stream";
        }
    }
}
