/** Command use cases, client sessions, the executor and the ports adapters plug into. */
module io.jredis.application {
    requires transitive io.jredis.domain;

    exports io.jredis.application.acl;
    exports io.jredis.application.blocking;
    exports io.jredis.application.command.acl;
    exports io.jredis.application.command;
    exports io.jredis.application.command.list;
    exports io.jredis.application.command.connection;
    exports io.jredis.application.command.generic;
    exports io.jredis.application.command.bitmap;
    exports io.jredis.application.command.geo;
    exports io.jredis.application.command.hash;
    exports io.jredis.application.command.hyperloglog;
    exports io.jredis.application.command.replica;
    exports io.jredis.application.command.server;
    exports io.jredis.application.command.set;
    exports io.jredis.application.command.scripting;
    exports io.jredis.application.command.sort;
    exports io.jredis.application.command.string;
    exports io.jredis.application.command.transaction;
    exports io.jredis.application.command.zset;
    exports io.jredis.application.port;
    exports io.jredis.application.pubsub;
    exports io.jredis.application.server;
    exports io.jredis.application.session;
    exports io.jredis.application.snapshot;
    exports io.jredis.application.script;
    exports io.jredis.application.script.lua;
}
