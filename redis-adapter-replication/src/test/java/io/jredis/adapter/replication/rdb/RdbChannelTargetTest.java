package io.jredis.adapter.replication.rdb;

import io.jredis.application.port.CommandThread;
import io.jredis.application.server.ServerConfig;
import io.jredis.domain.keyspace.Keyspace;
import io.jredis.domain.keyspace.KeyspaceListener;
import io.jredis.domain.keyspace.SnapshotWalk;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The diskless full-sync framing: $EOF:<mark>\r\n, an RDB a reader accepts, then the mark again. */
class RdbChannelTargetTest {

    @Test
    void eofFramedStreamHoldsACompleteRdb() throws Exception {
        Keyspace ks = new Keyspace(16, KeyspaceListener.NONE);
        ks.db(0).put("k".getBytes(), "v".getBytes(), 1_000L);
        ks.db(5).put("n".getBytes(), "42".getBytes(), 1_000L);
        byte[] mark = "0123456789abcdef0123456789abcdef01234567".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        RdbOutput out = new RdbOutput(new RdbChannelTarget(Channels.newChannel(sent), mark), new ServerConfig(),
                "7.0.15", CommandThread.DIRECT, null).aux("repl-offset", "0");
        out.begin(1_000L);
        SnapshotWalk walk = ks.startWalk(1_000L, out);
        while (!walk.step(100)) {
            // all at once
        }
        walk.close();
        CountDownLatch done = new CountDownLatch(1);
        String[] failure = {"not called"};
        out.finish(f -> {
            failure[0] = f;
            done.countDown();
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertNull(failure[0]);
        byte[] all = sent.toByteArray();
        byte[] head = ("$EOF:" + new String(mark, StandardCharsets.US_ASCII) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(head, Arrays.copyOf(all, head.length));
        assertArrayEquals(mark, Arrays.copyOfRange(all, all.length - 40, all.length));
        CollectingSink sink = new CollectingSink();
        RdbReader.read(new ByteArrayInputStream(Arrays.copyOfRange(all, head.length, all.length - 40)), sink);
        assertEquals("v", sink.string("0:k"));
        assertEquals("42", sink.string("5:n"));
        assertEquals("0", sink.aux.get("repl-offset"));
    }
}
