package io.jredis.application.command.connection;

import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import io.jredis.application.testing.FakeConnection;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientCommandTest {

    private final CommandTester t = new CommandTester();

    private ClientSession client(String addr) {
        return t.executor.connect(new FakeConnection(addr));
    }

    @Test
    void killedClientsLeaveTheListAtOnceSoASecondKillFindsNone() {
        // redis-server 7.0.15: CLIENT KILL USER u twice in one pipeline answers 2 then 0
        t.run("ACL", "SETUSER", "u", "on", "nopass", "+@all");
        ClientSession a = t.newClient();
        ClientSession b = t.newClient();
        t.send(a, "AUTH", "u", "x");
        t.send(b, "AUTH", "u", "x");
        assertEquals("(integer) 2", t.run("CLIENT", "KILL", "USER", "u"));
        assertTrue(((FakeConnection) a.connection()).closed);
        assertEquals("(integer) 0", t.run("CLIENT", "KILL", "USER", "u"));
        assertFalse(t.run("CLIENT", "LIST").contains("user=u "));
    }

    @Test
    void idAndNames() {
        assertEquals("(integer) 1", t.run("CLIENT", "ID"));
        assertEquals("(nil)", t.run("CLIENT", "GETNAME"));
        assertEquals("OK", t.run("client", "setname", "worker-1"));
        assertEquals("\"worker-1\"", t.run("CLIENT", "GETNAME"));
        assertEquals("(error) ERR Client names cannot contain spaces, newlines or special characters.",
                t.run("CLIENT", "SETNAME", "a\nb"));
        assertEquals("\"worker-1\"", t.run("CLIENT", "GETNAME"));
        assertEquals("OK", t.run("CLIENT", "SETNAME", ""));
        assertEquals("(nil)", t.run("CLIENT", "GETNAME"));
    }

    @Test
    void containerErrors() {
        assertEquals("(error) ERR wrong number of arguments for 'client' command", t.run("CLIENT"));
        assertEquals("(error) ERR wrong number of arguments for 'client|id' command", t.run("CLIENT", "ID", "x"));
        assertEquals("(error) ERR unknown subcommand 'NO-TOUCH'. Try CLIENT HELP.", t.run("CLIENT", "NO-TOUCH", "on"));
        assertTrue(t.run("CLIENT", "HELP").startsWith("[CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:, CACHING (YES|NO), "));
    }

    @Test
    void listLineHasRedis70FieldsInOrder() {
        t.clock.advance(2500);
        t.run("CLIENT", "SETNAME", "me");
        String list = t.run("CLIENT", "LIST");
        Pattern line = Pattern.compile("\"id=1 addr=127\\.0\\.0\\.1:50000 laddr=127\\.0\\.0\\.1:6379 fd=8 name=me age=2 idle=0 "
                + "flags=N db=0 sub=0 psub=0 ssub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=\\d+ multi-mem=0 rbs=\\d+ "
                + "rbp=\\d+ obl=0 oll=0 omem=0 tot-mem=\\d+ events=r cmd=client\\|list user=default redir=-1 resp=2\n\"");
        assertTrue(line.matcher(list).matches(), list);
        assertEquals(list.replace("cmd=client|list", "cmd=client|info"), t.run("CLIENT", "INFO"));
    }

    @Test
    void listFilters() {
        ClientSession other = client("10.0.0.2:4000");
        t.clock.advance(3000);
        String all = t.run("CLIENT", "LIST");
        assertTrue(all.contains("id=1 ") && all.contains("id=2 addr=10.0.0.2:4000 "), all);
        assertTrue(all.contains("id=2 addr=10.0.0.2:4000 laddr=127.0.0.1:6379 fd=8 name= age=3 idle=3 "), all);
        // argv-mem differs: it counts this command's own arguments
        assertEquals(all.replace("argv-mem=10 ", "argv-mem=20 ").replace("tot-mem=16394", "tot-mem=16404"),
                t.run("CLIENT", "LIST", "TYPE", "normal"));
        assertEquals("\"\"", t.run("CLIENT", "LIST", "TYPE", "pubsub"));
        assertEquals("\"\"", t.run("CLIENT", "LIST", "TYPE", "replica"));
        assertEquals("(error) ERR Unknown client type 'foo'", t.run("CLIENT", "LIST", "TYPE", "foo"));
        String byIds = t.run("CLIENT", "LIST", "ID", "" + other.id(), "1", "99");
        assertTrue(byIds.startsWith("\"id=2 ") && byIds.contains("\nid=1 ") && byIds.endsWith("resp=2\n\""), byIds);
        assertEquals("(error) ERR Invalid client ID", t.run("CLIENT", "LIST", "ID", "x"));
        assertEquals("(error) ERR syntax error", t.run("CLIENT", "LIST", "ID"));
        assertEquals("(error) ERR syntax error", t.run("CLIENT", "LIST", "TYPE", "normal", "ID", "1"));
        assertEquals("(error) ERR syntax error", t.run("CLIENT", "LIST", "foo"));
    }

    @Test
    void flagsShowTransactionAndNoEvict() {
        assertEquals("OK", t.run("CLIENT", "NO-EVICT", "on"));
        assertTrue(t.run("CLIENT", "INFO").contains(" flags=e "));
        assertEquals("OK", t.run("CLIENT", "NO-EVICT", "OFF"));
        assertTrue(t.run("CLIENT", "INFO").contains(" flags=N "));
        assertEquals("(error) ERR syntax error", t.run("CLIENT", "NO-EVICT", "maybe"));
        t.session().beginMulti();
        ClientSession other = client("10.0.0.2:4000");
        String line = t.runAs(other, "CLIENT", "LIST", "ID", "1");
        assertTrue(line.contains(" flags=x ") && line.contains(" multi=0 "), line);
    }

    @Test
    void killOldFormClosesTheClientAtThatAddress() {
        FakeConnection conn = new FakeConnection("10.0.0.2:4000");
        t.executor.connect(conn);
        assertEquals("(error) ERR No such client", t.run("CLIENT", "KILL", "1.2.3.4:5"));
        assertEquals("OK", t.run("CLIENT", "KILL", "10.0.0.2:4000"));
        assertTrue(conn.closed);
        assertFalse(t.session().closing());
    }

    @Test
    void killingYourselfClosesAfterTheReply() {
        assertEquals("OK", t.run("CLIENT", "KILL", "127.0.0.1:50000"));
        assertTrue(t.session().closing());
        assertFalse(((FakeConnection) t.session().connection()).closed);
    }

    @Test
    void killFiltersCountAndSkipMeByDefault() {
        FakeConnection a = new FakeConnection("10.0.0.2:4000");
        FakeConnection b = new FakeConnection("10.0.0.3:4000");
        ClientSession sa = t.executor.connect(a);
        t.executor.connect(b);
        assertEquals("(integer) 0", t.run("CLIENT", "KILL", "ID", "99"));
        assertEquals("(integer) 0", t.run("CLIENT", "KILL", "ID", "1"));
        assertFalse(t.session().closing());
        assertEquals("(integer) 1", t.run("CLIENT", "KILL", "ID", "" + sa.id()));
        assertTrue(a.closed);
        assertFalse(b.closed);
        assertEquals("(integer) 1", t.run("CLIENT", "KILL", "ADDR", "10.0.0.3:4000", "LADDR", "127.0.0.1:6379"));
        assertTrue(b.closed);
    }

    @Test
    void killSkipMeNoIncludesTheCaller() {
        t.executor.connect(new FakeConnection("10.0.0.2:4000"));
        assertEquals("(integer) 2", t.run("CLIENT", "KILL", "USER", "default", "SKIPME", "no"));
        assertTrue(t.session().closing());
    }

    @Test
    void killErrors() {
        assertEquals("(error) ERR client-id should be greater than 0", t.run("CLIENT", "KILL", "ID", "0"));
        assertEquals("(error) ERR client-id should be greater than 0", t.run("CLIENT", "KILL", "ID", "x"));
        assertEquals("(error) ERR Unknown client type 'foo'", t.run("CLIENT", "KILL", "TYPE", "foo"));
        assertEquals("(error) ERR No such user 'foo'", t.run("CLIENT", "KILL", "USER", "foo"));
        assertEquals("(error) ERR syntax error", t.run("CLIENT", "KILL", "SKIPME", "x"));
        assertEquals("(error) ERR syntax error", t.run("CLIENT", "KILL", "ID", "1", "ID"));
        assertEquals("(error) ERR syntax error", t.run("CLIENT", "KILL", "foo", "bar"));
        assertEquals("(error) ERR wrong number of arguments for 'client|kill' command", t.run("CLIENT", "KILL"));
    }

    @Test
    void setinfoStoresLibraryAttributes() {
        assertEquals("OK", t.run("CLIENT", "SETINFO", "lib-name", "jedis"));
        assertEquals("OK", t.run("CLIENT", "SETINFO", "LIB-VER", "5.1.0"));
        assertEquals("jedis", t.session().libName());
        assertEquals("5.1.0", t.session().libVersion());
        assertEquals("(error) ERR Unrecognized option 'foo'", t.run("CLIENT", "SETINFO", "foo", "x"));
        assertEquals("(error) ERR lib-name cannot contain spaces, newlines or special characters.",
                t.run("CLIENT", "SETINFO", "lib-name", "a b"));
    }
}
