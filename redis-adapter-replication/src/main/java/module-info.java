/** Replication, snapshots and the append-only file: the write stream leaving the process. */
module io.jredis.adapter.replication {
    requires io.jredis.application;
    requires io.jredis.domain;
    requires org.agrona;
    requires org.slf4j;

    exports io.jredis.adapter.replication;
    exports io.jredis.adapter.replication.rdb;
}
