/** The composition root: configuration, wiring of every adapter, and main. */
module io.jredis.bootstrap {
    requires io.jredis.domain;
    requires io.jredis.application;
    requires io.jredis.adapter.net;
    requires io.jredis.adapter.replication;
    requires org.slf4j;
    requires jdk.unsupported; // sun.misc.Signal: SIGTERM exits 0, as Redis does
}
