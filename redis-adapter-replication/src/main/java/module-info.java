/** Replication, snapshots and the append-only file: the write stream leaving the process. */
module io.jredis.adapter.replication {
    requires transitive io.jredis.application;
    requires io.jredis.domain;
    requires transitive org.agrona;
    requires org.slf4j;

    exports io.jredis.adapter.replication.master;
    exports io.jredis.adapter.replication.migrate;
    exports io.jredis.adapter.replication.rdb;
    exports io.jredis.adapter.replication.replica;
    exports io.jredis.adapter.replication.aof;
}
