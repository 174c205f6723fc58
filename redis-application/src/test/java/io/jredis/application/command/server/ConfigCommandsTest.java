package io.jredis.application.command.server;

import io.jredis.application.command.Arguments;
import io.jredis.application.port.ServerLifecycle;
import io.jredis.application.testing.CommandTester;
import io.jredis.application.testing.RecordingReply;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigCommandsTest {

    private final CommandTester t = new CommandTester();

    @Test
    void getRepliesAMapUnderTheNameAsGiven() {
        assertEquals("{\"maxmemory\"=\"0\"}", t.run("CONFIG", "GET", "maxmemory"));
        assertEquals("{\"PORT\"=\"6379\"}", t.run("CONFIG", "GET", "PORT"));
        assertEquals("{\"port\"=\"6379\", \"hz\"=\"10\"}", t.run("CONFIG", "GET", "port", "hz"));
        assertEquals("{\"port\"=\"6379\"}", t.run("CONFIG", "GET", "port", "port"));
        assertEquals("{}", t.run("CONFIG", "GET", "nosuch"));
        assertEquals("{\"replicaof\"=\"\", \"slaveof\"=\"\"}", t.run("CONFIG", "GET", "replicaof", "slaveof"));
    }

    @Test
    void patternsMatchNamesThenAliasesOfUnmatchedOptions() {
        // as redis-server 7.0.15, less slave-ignore-maxmemory and slave-lazy-flush (not implemented)
        assertEquals("{\"slaveof\"=\"\", \"slave-read-only\"=\"yes\", \"slave-announce-ip\"=\"\", "
                + "\"slave-announce-port\"=\"0\", \"slave-priority\"=\"100\", \"slave-serve-stale-data\"=\"yes\"}",
                t.run("CONFIG", "GET", "slave*"));
        String repl = t.run("CONFIG", "GET", "repl*");
        assertTrue(repl.contains("\"repl-ping-replica-period\"=\"10\""), repl);
        assertTrue(repl.contains("\"replicaof\"=\"\""), repl);
        assertTrue(!repl.contains("repl-ping-slave-period"), repl);
        assertEquals("{\"maxmemory\"=\"0\", \"maxmemory-policy\"=\"noeviction\", \"maxmemory-samples\"=\"5\", "
                + "\"maxmemory-eviction-tenacity\"=\"10\"}", t.run("CONFIG", "GET", "MAXMEM*"));
        assertEquals("{\"hz\"=\"10\"}", t.run("CONFIG", "GET", "h?"));
        assertEquals("{\"dir\"=\".\", \"dbfilename\"=\"dump.rdb\"}", t.run("CONFIG", "GET", "d[i-b]*"));
    }

    @Test
    void setChangesTypedFields() {
        assertEquals("OK", t.run("CONFIG", "SET", "maxmemory", "1gb", "hz", "20"));
        assertEquals(1024L * 1024 * 1024, t.config.maxmemory);
        assertEquals(20, t.config.hz);
        assertEquals("{\"maxmemory\"=\"1073741824\"}", t.run("CONFIG", "GET", "maxmemory"));
    }

    @Test
    void setErrorsAreRedisTexts() {
        assertEquals("(error) ERR CONFIG SET failed (possibly related to argument 'maxclients') - argument couldn't be "
                + "parsed into an integer", t.run("CONFIG", "SET", "maxclients", "abc"));
        assertEquals("(error) ERR Unknown option or number of arguments for CONFIG SET - 'nosuch'",
                t.run("CONFIG", "SET", "nosuch", "1"));
        assertEquals("(error) ERR CONFIG SET failed (possibly related to argument 'daemonize') - can't set immutable "
                + "config", t.run("CONFIG", "SET", "daemonize", "maybe"));
        assertEquals("(error) ERR CONFIG SET failed (possibly related to argument 'SLAVEOF') - can't set immutable "
                + "config", t.run("CONFIG", "SET", "SLAVEOF", "no one"));
        assertEquals("(error) ERR CONFIG SET failed (possibly related to argument 'dir') - can't set protected config",
                t.run("CONFIG", "SET", "dir", "/tmp"));
        assertEquals("(error) ERR CONFIG SET failed (possibly related to argument 'HZ') - duplicate parameter",
                t.run("CONFIG", "SET", "hz", "1", "HZ", "2"));
        assertEquals("(error) ERR CONFIG SET failed (possibly related to argument 'slave-read-only') - argument must "
                + "be 'yes' or 'no'", t.run("CONFIG", "SET", "Slave-Read-Only", "x"));
        assertEquals("(error) ERR syntax error", t.run("CONFIG", "SET", "hz", "10", "maxclients"));
        assertEquals("(error) ERR wrong number of arguments for 'config|set' command", t.run("CONFIG", "SET", "hz"));
    }

    @Test
    void firstProblemWins() {
        assertEquals("(error) ERR CONFIG SET failed (possibly related to argument 'daemonize') - can't set immutable "
                + "config", t.run("CONFIG", "SET", "daemonize", "yes", "nosuch", "1"));
        assertEquals("(error) ERR Unknown option or number of arguments for CONFIG SET - 'nosuch'",
                t.run("CONFIG", "SET", "nosuch", "1", "daemonize", "yes"));
    }

    @Test
    void setIsAtomic() {
        assertEquals("(error) ERR CONFIG SET failed (possibly related to argument 'maxclients') - argument couldn't be "
                + "parsed into an integer", t.run("CONFIG", "SET", "hz", "42", "save", "", "maxclients", "abc"));
        assertEquals(10, t.config.hz);
        assertEquals("3600 1 300 100 60 10000", t.config.save);
    }

    @Test
    void aFailedRebindRestoresThePort() {
        boolean[] rebinds = new boolean[] {false};
        t.server.setLifecycle(new Lifecycle() {
            @Override
            public boolean rebindListeners() {
                rebinds[0] = true;
                return t.config.port != 7777;
            }
        });
        assertEquals("(error) ERR CONFIG SET failed (possibly related to argument 'port') - Unable to listen on this "
                + "port. Check server logs.", t.run("CONFIG", "SET", "port", "7777"));
        assertTrue(rebinds[0]);
        assertEquals(6379, t.config.port);
        assertEquals("OK", t.run("CONFIG", "SET", "port", "7778"));
        assertEquals(7778, t.config.port);
    }

    @Test
    void helpResetstatAndRewrite() {
        String help = t.run("CONFIG", "HELP");
        assertTrue(help.startsWith("[CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:, GET <pattern>"),
                help);
        t.run("SET", "k", "v");
        assertTrue(t.server.stats().commandsProcessed > 0);
        assertEquals("OK", t.run("CONFIG", "RESETSTAT"));
        assertEquals(1, t.server.stats().commandsProcessed); // RESETSTAT itself, counted after it ran
        assertEquals("(error) ERR The server is running without a config file", t.run("CONFIG", "REWRITE"));
        assertEquals("(error) ERR unknown subcommand 'foo'. Try CONFIG HELP.", t.run("CONFIG", "foo"));
        assertEquals("(error) ERR wrong number of arguments for 'config' command", t.run("CONFIG"));
        assertEquals("(error) ERR wrong number of arguments for 'config|get' command", t.run("CONFIG", "GET"));
    }

    @Test
    void rewriteWithAFileAsksTheProcess() {
        t.config.configFile = "/etc/jredis.conf";
        t.server.setLifecycle(new Lifecycle() {
            @Override
            public String rewriteConfig() {
                return "Permission denied";
            }
        });
        assertEquals("(error) ERR Rewriting config file: Permission denied", t.run("CONFIG", "REWRITE"));
    }

    @Test
    void shutdown() {
        int[] shutdowns = {0};
        t.server.setLifecycle(new Lifecycle() {
            @Override
            public void shutdown() {
                shutdowns[0]++;
            }
        });
        assertEquals("(error) ERR syntax error", t.run("SHUTDOWN", "foo"));
        assertEquals("(error) ERR syntax error", t.run("SHUTDOWN", "NOSAVE", "SAVE"));
        assertEquals("(error) ERR syntax error", t.run("SHUTDOWN", "ABORT", "NOW"));
        assertEquals("(error) ERR No shutdown in progress.", t.run("SHUTDOWN", "ABORT"));
        assertEquals("(error) ERR Errors trying to SHUTDOWN. Check logs.", t.run("SHUTDOWN", "SAVE"));
        assertEquals(0, shutdowns[0]);

        RecordingReply reply = new RecordingReply();
        t.executor.execute(t.session(), Arguments.of("SHUTDOWN", "NOSAVE", "NOW"), reply);
        assertEquals(List.of(), reply.replies());
        assertEquals(1, shutdowns[0]);
        t.executor.execute(t.session(), Arguments.of("shutdown", "save", "force"), reply);
        assertEquals(2, shutdowns[0]);
        // save points are set by default: a plain SHUTDOWN saves first, and fails with the save
        t.executor.execute(t.session(), Arguments.of("SHUTDOWN"), reply);
        assertEquals(2, shutdowns[0]);
        assertEquals(List.of("(error) ERR Errors trying to SHUTDOWN. Check logs."), reply.replies());
        t.config.save = "";
        RecordingReply none = new RecordingReply();
        t.executor.execute(t.session(), Arguments.of("SHUTDOWN"), none);
        assertEquals(3, shutdowns[0]);
        assertEquals(List.of(), none.replies());
    }

    /** A lifecycle whose methods tests override one at a time. */
    private static class Lifecycle implements ServerLifecycle {
        @Override
        public void shutdown() {
        }

        @Override
        public boolean rebindListeners() {
            return true;
        }

        @Override
        public String rewriteConfig() {
            return null;
        }

        @Override
        public String directory(String current, String path) {
            return ServerLifecycle.NONE.directory(current, path);
        }
    }
}
