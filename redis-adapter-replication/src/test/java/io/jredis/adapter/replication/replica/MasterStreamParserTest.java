package io.jredis.adapter.replication.replica;

import io.jredis.application.command.Arguments;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MasterStreamParserTest {

    private static final String STREAM = "*2\r\n$6\r\nSELECT\r\n$1\r\n1\r\n"
            + "\n"
            + "*3\r\n$3\r\nSET\r\n$5\r\nk\r\n\0x\r\n$0\r\n\r\n"
            + "*1\r\n$4\r\nPING\r\n"
            + "\r\n"
            + "*3\r\n$8\r\nREPLCONF\r\n$6\r\nGETACK\r\n$1\r\n*\r\n";

    /** Parses what {@code bytes[0..limit)} holds; returns each command as text with its length in bytes. */
    private static List<String> parseAll(byte[] bytes, int limit, int[] consumed) throws Exception {
        List<String> out = new ArrayList<>();
        int pos = 0;
        Arguments args = new Arguments();
        int next;
        while ((next = MasterStreamParser.parse(bytes, pos, limit, args)) >= 0) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < args.count(); i++) {
                words.add(args.string(i));
            }
            out.add(words + "/" + (next - pos));
            pos = next;
        }
        consumed[0] = pos;
        return out;
    }

    @Test
    void commandsNewlinesAndTheirExactLengths() throws Exception {
        byte[] bytes = STREAM.getBytes(StandardCharsets.ISO_8859_1);
        int[] consumed = new int[1];
        List<String> got = parseAll(bytes, bytes.length, consumed);
        assertEquals(List.of("[SELECT, 1]/23", "[]/1", "[SET, k\r\n\0x, ]/30", "[PING]/14", "[]/2",
                "[REPLCONF, GETACK, *]/37"), got);
        assertEquals(bytes.length, consumed[0]);
    }

    @Test
    void anySplitGivesTheSameCommands() throws Exception {
        byte[] bytes = STREAM.getBytes(StandardCharsets.ISO_8859_1);
        int[] whole = new int[1];
        List<String> expected = parseAll(bytes, bytes.length, whole);
        for (int split = 0; split <= bytes.length; split++) {
            int[] consumed = new int[1];
            List<String> first = parseAll(bytes, split, consumed);
            byte[] rest = java.util.Arrays.copyOfRange(bytes, consumed[0], bytes.length);
            int[] c2 = new int[1];
            List<String> all = new ArrayList<>(first);
            all.addAll(parseAll(rest, rest.length, c2));
            assertEquals(expected, all, "split at " + split);
        }
    }

    @Test
    void whatIsNotACommandIsAProtocolError() {
        Arguments a = new Arguments();
        byte[] inline = "SET k v\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThrows(MasterStreamParser.ProtocolError.class, () -> MasterStreamParser.parse(inline, 0, inline.length, a));
        byte[] badBulk = "*1\r\n+OK\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThrows(MasterStreamParser.ProtocolError.class, () -> MasterStreamParser.parse(badBulk, 0, badBulk.length, a));
        byte[] noCrlf = "*1\r\n$2\r\nOKxx".getBytes(StandardCharsets.US_ASCII);
        assertThrows(MasterStreamParser.ProtocolError.class, () -> MasterStreamParser.parse(noCrlf, 0, noCrlf.length, a));
    }
}
