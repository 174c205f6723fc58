/** Networking: the NIO event loop, RESP parsing and reply encoding on Agrona buffers. */
module io.jredis.adapter.net {
    requires transitive io.jredis.application;
    requires io.jredis.domain;
    requires transitive org.agrona;
    requires org.slf4j;

    exports io.jredis.adapter.net;
}
