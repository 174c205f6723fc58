package io.jredis.application.command.server;

import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerCommandsTest {

    private final CommandTester t = new CommandTester();

    @Test
    void timeIsSecondsAndMicroseconds() {
        t.clock.advance(1234);
        assertEquals("[\"1700000001\", \"234000\"]", t.run("TIME"));
        assertEquals("(error) ERR wrong number of arguments for 'time' command", t.run("TIME", "x"));
    }

    @Test
    void infoDefaultHasRedisSectionsInOrder() {
        String info = t.run("INFO");
        String[] headers = {"# Server", "# Clients", "# Memory", "# Persistence", "# Stats", "# Replication",
            "# CPU", "# Modules", "# Errorstats", "# Cluster", "# Keyspace"};
        int at = -1;
        for (String h : headers) {
            int i = info.indexOf(h + "\r\n");
            assertTrue(i > at, h + " in " + info);
            at = i;
        }
        assertFalse(info.contains("# Commandstats"));
        assertTrue(info.contains("\r\n\r\n# Clients\r\n"));
        assertTrue(info.contains("\r\nredis_version:7.0.15\r\n"));
        assertTrue(info.contains("\r\nrole:master\r\nconnected_slaves:0\r\n"));
        assertTrue(info.endsWith("# Keyspace\r\n\""), info);
    }

    @Test
    void infoSelectsSectionsCaseInsensitivelyInFixedOrder() {
        String info = t.run("INFO", "CPU", "server");
        assertTrue(info.startsWith("\"# Server\r\n"));
        assertTrue(info.contains("\r\n\r\n# CPU\r\nused_cpu_sys:"));
        assertFalse(info.contains("# Clients"));
        assertEquals("\"\"", t.run("INFO", "nosuchsection"));
        assertEquals("\"# Cluster\r\ncluster_enabled:0\r\n\"", t.run("INFO", "cluster"));
        assertTrue(t.run("INFO", "everything").contains("# Commandstats\r\n"));
        assertTrue(t.run("INFO", "all").contains("# Latencystats\r\n"));
    }

    @Test
    void infoKeyspaceAndStats() {
        t.run("SET", "a", "1");
        t.run("SET", "b", "2", "EX", "100");
        t.run("GET", "a");
        t.run("GET", "nope");
        assertEquals("\"# Keyspace\r\ndb0:keys=2,expires=1,avg_ttl=0\r\n\"", t.run("INFO", "keyspace"));
        String stats = t.run("INFO", "stats");
        assertTrue(stats.contains("\r\nkeyspace_hits:1\r\nkeyspace_misses:1\r\n"), stats);
        assertTrue(stats.contains("\r\ntotal_connections_received:1\r\n"), stats);
        String clients = t.run("INFO", "clients");
        assertTrue(clients.contains("\r\nconnected_clients:1\r\n"), clients);
        assertTrue(t.run("INFO", "persistence").contains("\r\nrdb_changes_since_last_save:2\r\n"));
    }

    @Test
    void humanSizesAsRedisPrintsThem() {
        assertEquals("0B", InfoCommand.human(0));
        assertEquals("1023B", InfoCommand.human(1023));
        assertEquals("1.00K", InfoCommand.human(1024));
        assertEquals("1.21M", InfoCommand.human(1264504));
        assertEquals("23.54G", InfoCommand.human(25276502016L));
    }

    @Test
    void commandInfoEntry() {
        assertEquals("[[\"get\", (integer) 2, ~readonly, fast~, (integer) 1, (integer) 1, (integer) 1, "
                + "~@read, @string, @fast~, ~~, ~{\"flags\"=~RO, access~, \"begin_search\"={\"type\"=\"index\", "
                + "\"spec\"={\"index\"=(integer) 1}}, \"find_keys\"={\"type\"=\"range\", \"spec\"={\"lastkey\"=(integer) 0, "
                + "\"keystep\"=(integer) 1, \"limit\"=(integer) 0}}}~, ~~]]", t.run("COMMAND", "INFO", "get"));
        assertEquals("[[\"client|list\", (integer) -2, ~admin, noscript, loading, stale~, (integer) 0, (integer) 0, "
                + "(integer) 0, ~@admin, @slow, @dangerous, @connection~, ~\"nondeterministic_output\"~, ~~, ~~], (nil)]",
                t.run("COMMAND", "INFO", "CLIENT|LIST", "nosuch"));
    }

    @Test
    void commandInfoOfAContainerNestsSubcommands() {
        String info = t.run("COMMAND", "INFO", "command");
        assertTrue(info.startsWith("[[\"command\", (integer) -1, ~loading, stale~, (integer) 0, (integer) 0, (integer) 0, "
                + "~@slow, @connection~, ~\"nondeterministic_output_order\"~, ~~, [[\"command|help\", (integer) 2, "), info);
    }

    @Test
    void commandCountAndBareCommand() {
        int count = t.server.registry().size();
        assertEquals("(integer) " + count, t.run("COMMAND", "COUNT"));
        String all = t.run("COMMAND");
        assertTrue(all.contains("[\"get\", (integer) 2, "));
        assertTrue(all.contains("[\"info\", (integer) -1, "));
        assertEquals("(error) ERR wrong number of arguments for 'command|count' command", t.run("COMMAND", "COUNT", "x"));
        assertEquals("(error) ERR unknown subcommand 'FOO'. Try COMMAND HELP.", t.run("COMMAND", "FOO"));
    }

    @Test
    void commandDocs() {
        assertEquals("{\"time\"={\"summary\"=\"Return the current server time\", \"since\"=\"2.6.0\", "
                + "\"group\"=\"server\", \"complexity\"=\"O(1)\"}}", t.run("COMMAND", "DOCS", "time", "nosuch"));
        assertEquals("{}", t.run("COMMAND", "DOCS", "nosuch"));
        String client = t.run("COMMAND", "DOCS", "client");
        assertTrue(client.contains("\"complexity\"=\"Depends on subcommand.\", \"subcommands\"={\"client|id\"={"), client);
    }

    @Test
    void commandList() {
        String all = t.run("COMMAND", "LIST");
        assertTrue(all.contains("\"client\", \"client|id\""), all);
        assertEquals("[\"client|list\"]", t.run("COMMAND", "LIST", "FILTERBY", "PATTERN", "CLIENT|L*"));
        assertEquals("[]", t.run("COMMAND", "LIST", "FILTERBY", "MODULE", "x"));
        assertEquals("[]", t.run("COMMAND", "LIST", "FILTERBY", "ACLCAT", "nosuch"));
        String dangerous = t.run("COMMAND", "LIST", "FILTERBY", "aclcat", "dangerous");
        assertTrue(dangerous.contains("\"info\"") && dangerous.contains("\"client|kill\""), dangerous);
        assertFalse(dangerous.contains("\"get\""), dangerous);
        assertEquals("(error) ERR syntax error", t.run("COMMAND", "LIST", "FILTERBY", "foo", "x"));
        assertEquals("(error) ERR syntax error", t.run("COMMAND", "LIST", "x"));
    }

    @Test
    void commandGetkeys() {
        assertEquals("[\"k\"]", t.run("COMMAND", "GETKEYS", "get", "k"));
        assertEquals("[\"k\"]", t.run("COMMAND", "GETKEYS", "SET", "k", "v", "EX", "10"));
        assertEquals("(error) ERR Invalid command specified", t.run("COMMAND", "GETKEYS", "foo", "x"));
        assertEquals("(error) ERR The command has no key arguments", t.run("COMMAND", "GETKEYS", "ping", "x"));
        assertEquals("(error) ERR The command has no key arguments", t.run("COMMAND", "GETKEYS", "client", "list", "x"));
        assertEquals("(error) ERR Invalid number of arguments specified for command",
                t.run("COMMAND", "GETKEYS", "get", "a", "b"));
        assertEquals("(error) ERR wrong number of arguments for 'command|getkeys' command",
                t.run("COMMAND", "GETKEYS", "get"));
    }

    @Test
    void commandGetkeysandflags() {
        assertEquals("[[\"k\", ~RO, access~]]", t.run("COMMAND", "GETKEYSANDFLAGS", "get", "k"));
        assertEquals("(error) ERR The command has no key arguments", t.run("COMMAND", "GETKEYSANDFLAGS", "ping", "x"));
        assertEquals("(error) ERR wrong number of arguments for 'command|getkeysandflags' command",
                t.run("COMMAND", "GETKEYSANDFLAGS", "get"));
    }

    @Test
    void globPatterns() {
        assertTrue(GlobPattern.matches("cl*", "client|list", true));
        assertTrue(GlobPattern.matches("CLIENT|L*", "client|list", true));
        assertFalse(GlobPattern.matches("CLIENT|L*", "client|list", false));
        assertTrue(GlobPattern.matches("h?llo", "hallo", false));
        assertTrue(GlobPattern.matches("h[a-e]llo", "hello", false));
        assertFalse(GlobPattern.matches("h[^e]llo", "hello", false));
        assertTrue(GlobPattern.matches("a\\*b", "a*b", false));
        assertFalse(GlobPattern.matches("a\\*b", "axb", false));
    }
}
