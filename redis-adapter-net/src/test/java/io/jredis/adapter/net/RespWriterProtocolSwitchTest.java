package io.jredis.adapter.net;

import io.jredis.application.port.ReplySink;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The RESP3 types HELLO, INFO, CLIENT LIST and COMMAND INFO use, and the switch HELLO makes mid-reply. */
class RespWriterProtocolSwitchTest {

    private static String encode(int protocol, java.util.function.Consumer<ReplySink> replies) {
        RespWriter w = new RespWriter(64);
        w.protocol(protocol);
        replies.accept(w);
        return new String(w.toBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void helloSwitchesTheEncodingOfItsOwnReply() {
        String out = encode(2, r -> {
            r.protocol(3);
            r.map(1);
            r.bulk("proto");
            r.integer(3);
            r.nullBulk();
        });
        assertEquals("%1\r\n$5\r\nproto\r\n:3\r\n_\r\n", out);
        String back = encode(3, r -> {
            r.protocol(2);
            r.map(1);
            r.bulk("proto");
            r.integer(2);
            r.nullBulk();
        });
        assertEquals("*2\r\n$5\r\nproto\r\n:2\r\n$-1\r\n", back);
    }

    @Test
    void verbatimTextIsABulkStringInResp2() {
        // INFO text framed as Redis frames it in RESP3 and RESP2
        assertEquals("=15\r\ntxt:# Cluster\r\n\r\n", encode(3, r -> r.verbatim("txt", "# Cluster\r\n")));
        assertEquals("$11\r\n# Cluster\r\n\r\n", encode(2, r -> r.verbatim("txt", "# Cluster\r\n")));
    }

    @Test
    void setsAreArraysInResp2() {
        assertEquals("~2\r\n+readonly\r\n+fast\r\n", encode(3, r -> {
            r.set(2);
            r.status("readonly");
            r.status("fast");
        }));
        assertEquals("*0\r\n", encode(2, r -> r.set(0)));
    }
}
