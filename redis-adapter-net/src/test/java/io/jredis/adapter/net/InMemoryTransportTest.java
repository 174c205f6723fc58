package io.jredis.adapter.net;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bytes in, bytes out through parser, executor and encoder; expectations captured from redis-server 7.0.15. */
class InMemoryTransportTest {

    private final InMemoryTransport transport = new InMemoryTransport();

    @Test
    void aPipelineGivesRedisBytes() {
        InMemoryTransport.Client c = transport.connect();
        String in = "*1\r\n$4\r\nPING\r\n" + "PING hello\r\n" + "*2\r\n$4\r\nECHO\r\n$3\r\na\u0000b\r\n"
                + "SET k v PX 100\r\n" + "GET k\r\n" + "GET nokey\r\n" + "ECHO\r\n" + "NOSUCH a b\r\n"
                + "SET k v XX NX\r\n" + "SET k\r\n" + "GET k v\r\n";
        assertEquals("+PONG\r\n$5\r\nhello\r\n$3\r\na\u0000b\r\n+OK\r\n$1\r\nv\r\n$-1\r\n"
                + "-ERR wrong number of arguments for 'echo' command\r\n"
                + "-ERR unknown command 'NOSUCH', with args beginning with: 'a' 'b' \r\n"
                + "-ERR syntax error\r\n"
                + "-ERR wrong number of arguments for 'set' command\r\n"
                + "-ERR wrong number of arguments for 'get' command\r\n", c.feed(in));
        assertFalse(c.closed);
    }

    @Test
    void theClockDrivesExpiry() {
        InMemoryTransport.Client c = transport.connect();
        assertEquals("+OK\r\n$1\r\nv\r\n", c.feed("SET k v PX 100\r\nGET k\r\n"));
        transport.clock.advance(99);
        assertEquals("$1\r\nv\r\n", c.feed("GET k\r\n"));
        transport.clock.advance(1);
        assertEquals("$-1\r\n", c.feed("GET k\r\n"));
    }

    @Test
    void aCommandSplitAcrossReadsRunsOnceComplete() {
        InMemoryTransport.Client c = transport.connect();
        assertEquals("", c.feed("*3\r\n$3\r\nSET\r\n$1\r\nk"));
        assertEquals("", c.feed("\r\n$5\r\nhel"));
        assertEquals("+OK\r\n", c.feed("lo\r\n*2\r\n$3\r\nGET"));
        assertEquals("$5\r\nhello\r\n", c.feed("\r\n$1\r\nk\r\n"));
    }

    @Test
    void quitRepliesThenCloses() {
        InMemoryTransport.Client c = transport.connect();
        assertEquals("$1\r\nx\r\n+OK\r\n", c.feed("ECHO x\r\nQUIT\r\nECHO y\r\n"));
        assertTrue(c.closed);
    }

    @Test
    void aProtocolErrorRepliesAfterEarlierCommandsAndCloses() {
        InMemoryTransport.Client c = transport.connect();
        assertEquals("+PONG\r\n-ERR Protocol error: invalid bulk length\r\n",
                c.feed("*1\r\n$4\r\nPING\r\n*1\r\n$\r\n*1\r\n$4\r\nPING\r\n"));
        assertTrue(c.closed);
        // other clients are unaffected
        assertEquals("+PONG\r\n", transport.connect().feed("PING\r\n"));
    }

    @Test
    void clientsShareTheKeyspace() {
        InMemoryTransport.Client a = transport.connect();
        InMemoryTransport.Client b = transport.connect();
        assertEquals("+OK\r\n", a.feed("SET shared 1\r\n"));
        assertEquals("$1\r\n1\r\n", b.feed("GET shared\r\n"));
    }
}
