package io.jredis.adapter.replication.master;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicationBacklogTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void keepsTheNewestBytesAcrossTheWrap() {
        ReplicationBacklog log = new ReplicationBacklog(8);
        log.append(b("abcde"), 0, 5);
        assertEquals(1, log.firstByteOffset(5));
        assertArrayEquals(b("cde"), log.copyFrom(3, 5));
        log.append(b("fghij"), 0, 5); // wraps: holds "cdefghij" (offsets 3..10)
        assertEquals(8, log.histlen());
        assertEquals(3, log.firstByteOffset(10));
        assertTrue(log.holds(3, 10));
        assertTrue(log.holds(11, 10)); // nothing missing
        assertFalse(log.holds(2, 10));
        assertFalse(log.holds(12, 10));
        assertArrayEquals(b("cdefghij"), log.copyFrom(3, 10));
        assertArrayEquals(b("hij"), log.copyFrom(8, 10));
        assertArrayEquals(new byte[0], log.copyFrom(11, 10));
    }

    @Test
    void aWriteLargerThanTheRingKeepsItsTail() {
        ReplicationBacklog log = new ReplicationBacklog(4);
        log.append(b("0123456789"), 0, 10);
        assertArrayEquals(b("6789"), log.copyFrom(7, 10));
        log.append(b("ab"), 0, 2);
        assertArrayEquals(b("89ab"), log.copyFrom(9, 12));
    }

    @Test
    void resizingKeepsTheNewestHistoryThatFits() {
        ReplicationBacklog log = new ReplicationBacklog(8);
        log.append(b("abcdefgh"), 0, 8);
        ReplicationBacklog small = log.resized(3, 8);
        assertEquals(3, small.histlen());
        assertArrayEquals(b("fgh"), small.copyFrom(6, 8));
    }
}
