package io.jredis.adapter.replication.rdb;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Crc64Test {

    @Test
    void checkValueOfTheJonesVariantRedisUses() {
        byte[] b = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xe9c6d914c4b8d9caL, Crc64.update(0, b, 0, b.length));
    }

    @Test
    void emptyInputKeepsTheInitialValue() {
        assertEquals(0L, Crc64.update(0, new byte[0], 0, 0));
    }

    @Test
    void byteAtATimeEqualsBlock() {
        byte[] b = "This is a test of the emergency broadcast system.".getBytes(StandardCharsets.US_ASCII);
        long c = 0;
        for (byte x : b) {
            c = Crc64.update(c, x);
        }
        assertEquals(Crc64.update(0, b, 0, b.length), c);
    }

    @Test
    void incrementalUpdatesCompose() {
        byte[] b = "123456789".getBytes(StandardCharsets.US_ASCII);
        long c = Crc64.update(0, b, 0, 4);
        c = Crc64.update(c, b, 4, 5);
        assertEquals(0xe9c6d914c4b8d9caL, c);
    }
}
