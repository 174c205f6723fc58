package io.jredis.adapter.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request parser. Expected commands and every protocol-error text were checked against
 * redis-server 7.0.15 with raw sockets (each error reply is followed by the server closing).
 */
class RespParserTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A pipeline mixing multibulk, inline, empty lines, lone LF, quoting and empty commands. */
    private static final String PIPELINE = ""
            + "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nhello\r\n"
            + "PING\r\n"
            + "\r\n"
            + "\n"
            + "ECHO \"a b\\x41\\n\" 'c\\'d'\n"
            + "*0\r\n"
            + "*-1\r\n"
            + "*2\r\n$4\r\nECHO\r\n$0\r\n\r\n"
            + "*1\r\n$4\r\nPING\r\r\n"                // the two bytes after a bulk are skipped, not checked
            + "  GET   k  \r\n"
            + "*2\r\n$3\r\nGET\r\n$13\r\nk\r\nwith\r\n\r\nlf\r\n"
            + "*1\r\n$4\r\nQUIT\r\n";

    private static final List<String> EXPECTED = List.of(
            "[SET|k|hello]", "[PING]", "[ECHO|a bA\n|c'd]", "[ECHO|]", "[PING]", "[GET|k]",
            "[GET|k\r\nwith\r\n\r\nlf]", "[QUIT]");

    @Test
    void wholePipelineInOneRead() {
        assertEquals(EXPECTED, FeedingParser.parse(bytes(PIPELINE)));
    }

    @Test
    void everySplitIntoTwoReadsGivesTheSameCommands() {
        byte[] in = bytes(PIPELINE);
        for (int cut = 0; cut <= in.length; cut++) {
            assertEquals(EXPECTED, FeedingParser.parse(in, cut), "cut at " + cut);
        }
    }

    @Test
    void everySplitIntoThreeReadsGivesTheSameCommands() {
        byte[] in = bytes(PIPELINE);
        for (int a = 0; a <= in.length; a++) {
            for (int b = a; b <= in.length; b += 3) {
                assertEquals(EXPECTED, FeedingParser.parse(in, a, b), "cuts at " + a + "," + b);
            }
        }
    }

    @Test
    void byteByByte() {
        byte[] in = bytes(PIPELINE);
        int[] cuts = new int[in.length - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        assertEquals(EXPECTED, FeedingParser.parse(in, cuts));
    }

    @Test
    void randomChunksOfARandomPipeline() {
        for (long seed = 1; seed <= 200; seed++) {
            Random r = new Random(seed);
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            List<String> expected = new ArrayList<>();
            for (int c = 0; c < 30; c++) {
                int n = 1 + r.nextInt(5);
                StringBuilder rendered = new StringBuilder("[");
                boolean inline = r.nextInt(4) == 0;
                if (inline) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        String word = "w" + r.nextInt(1000);
                        line.append(i == 0 ? "" : " ".repeat(1 + r.nextInt(3))).append(word);
                        rendered.append(i == 0 ? "" : "|").append(word);
                    }
                    wire.writeBytes(bytes(line + (r.nextBoolean() ? "\r\n" : "\n")));
                } else {
                    wire.writeBytes(bytes("*" + n + "\r\n"));
                    for (int i = 0; i < n; i++) {
                        byte[] arg = new byte[r.nextInt(r.nextInt(10) == 0 ? 5000 : 20)];
                        r.nextBytes(arg);
                        wire.writeBytes(bytes("$" + arg.length + "\r\n"));
                        wire.writeBytes(arg);
                        wire.writeBytes(bytes("\r\n"));
                        rendered.append(i == 0 ? "" : "|").append(new String(arg, StandardCharsets.ISO_8859_1));
                    }
                }
                expected.add(rendered.append(']').toString());
            }
            byte[] in = wire.toByteArray();
            List<Integer> cuts = new ArrayList<>();
            int at = 0;
            while (true) {
                at += 1 + r.nextInt(r.nextBoolean() ? 8 : 3000);
                if (at >= in.length) {
                    break;
                }
                cuts.add(at);
            }
            int[] c = cuts.stream().mapToInt(Integer::intValue).toArray();
            assertEquals(expected, FeedingParser.parse(in, c), "seed " + seed);
        }
    }

    @Test
    void bigBulkArrivesInPiecesAndIsNotRescanned() {
        byte[] value = new byte[8 * 1024 * 1024 + 3];
        new Random(7).nextBytes(value);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(bytes("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + value.length + "\r\n"));
        wire.writeBytes(value);
        wire.writeBytes(bytes("\r\n*1\r\n$4\r\nPING\r\n"));
        byte[] in = wire.toByteArray();
        FeedingParser p = new FeedingParser();
        Random r = new Random(8);
        int at = 0;
        while (at < in.length) {
            int n = Math.min(in.length - at, 1 + r.nextInt(70_000));
            p.feed(in, at, n);
            at += n;
        }
        assertEquals(List.of("[SET|k|" + new String(value, StandardCharsets.ISO_8859_1) + "]", "[PING]"), p.out);
        assertEquals(0, p.buffered());
    }

    @Test
    void bulkLengthUpToTheLimitWaitsForTheData() {
        FeedingParser p = new FeedingParser(512L * 1024 * 1024, true);
        byte[] in = bytes("*1\r\n$536870912\r\nabc");
        p.feed(in, 0, in.length);
        assertEquals(List.of(), p.out);
        assertFalse(p.failed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "*x\\r\\n                                 => Protocol error: invalid multibulk length",
            "*+1\\r\\n$4\\r\\nPING\\r\\n              => Protocol error: invalid multibulk length",
            "*\\r\\n                                  => Protocol error: invalid multibulk length",
            "* 1\\r\\n                                => Protocol error: invalid multibulk length",
            "*2147483648\\r\\n                        => Protocol error: invalid multibulk length",
            "*3000000000\\r\\n                        => Protocol error: invalid multibulk length",
            "*1\\r\\nx\\r\\n                          => Protocol error: expected '$', got 'x'",
            "*1\\r\\n$x\\r\\n                         => Protocol error: invalid bulk length",
            "*1\\r\\n$-1\\r\\n                        => Protocol error: invalid bulk length",
            "*1\\r\\n$-0\\r\\n                        => Protocol error: invalid bulk length",
            "*1\\r\\n$04\\r\\nPING\\r\\n              => Protocol error: invalid bulk length",
            "*1\\r\\n$\\r\\n                          => Protocol error: invalid bulk length",
            "*1\\r\\n$536870913\\r\\n                 => Protocol error: invalid bulk length",
            "PING \"a\\r\\n                           => Protocol error: unbalanced quotes in request",
            "PING 'a'b\\r\\n                          => Protocol error: unbalanced quotes in request",
            "ECHO \"a\"b\\r\\n                        => Protocol error: unbalanced quotes in request",
            "ECHO a\"b\"c\\r\\n                       => Protocol error: unbalanced quotes in request",
            "ECHO \"a\\\\\"\\r\\n                     => Protocol error: unbalanced quotes in request",
    })
    void protocolErrors(String escaped, String error) {
        byte[] in = bytes(unescape(escaped.strip()));
        List<String> got = FeedingParser.parse(in);
        assertEquals(List.of("ERR " + error), got);
        // any split of the reads gives the same error
        for (int cut = 0; cut <= in.length; cut++) {
            assertEquals(List.of("ERR " + error), FeedingParser.parse(in, cut), "cut at " + cut);
        }
    }

    @Test
    void commandsBeforeAnErrorAreStillRun() {
        assertEquals(List.of("[PING]", "ERR Protocol error: invalid bulk length"),
                FeedingParser.parse(bytes("*1\r\n$4\r\nPING\r\n*1\r\n$\r\n*1\r\n$4\r\nPING\r\n")));
    }

    @Test
    void tooBigHeadersAndInlineRequests() {
        byte[] ones = new byte[70_000];
        Arrays.fill(ones, (byte) '1');
        assertEquals(List.of("ERR Protocol error: too big mbulk count string"),
                FeedingParser.parse(concat(bytes("*"), ones)));
        assertEquals(List.of("ERR Protocol error: too big bulk count string"),
                FeedingParser.parse(concat(bytes("*1\r\n$"), ones)));
        assertEquals(List.of("ERR Protocol error: too big bulk count string"),
                FeedingParser.parse(concat(bytes("*1\r\n"), ones)));
        assertEquals(List.of("ERR Protocol error: too big inline request"),
                FeedingParser.parse(concat(bytes("PING "), ones)));
        // with its CR in the same read, a long count line is just an invalid number (as Redis)
        assertEquals(List.of("ERR Protocol error: invalid multibulk length"),
                FeedingParser.parse(concat(bytes("*"), ones, bytes("\r\n"))));
        // exactly 64 KiB without a newline still waits
        byte[] line = new byte[64 * 1024];
        Arrays.fill(line, (byte) 'A');
        assertEquals(List.of(), FeedingParser.parse(line));
        // a long inline line that does end is a command
        assertEquals(List.of("[ECHO|" + "1".repeat(70_000) + "]"),
                FeedingParser.parse(concat(bytes("ECHO "), ones, bytes("\r\n"))));
    }

    @Test
    void aNulByteBeforeTheLineEndMakesTheLineNeverComplete() {
        // Redis finds line ends with strchr, which stops at NUL: these requests just wait
        assertEquals(List.of(), FeedingParser.parse(bytes("*1\u0000\r\n$4\r\nPING\r\n")));
        assertEquals(List.of(), FeedingParser.parse(bytes("*1\r\n$4\u0000\r\nPING\r\n")));
        assertEquals(List.of(), FeedingParser.parse(bytes("ECHO a\u0000b\r\nPING\r\n")));
        // but NUL inside bulk data is just data
        assertEquals(List.of("[ECHO|a\u0000b]"), FeedingParser.parse(bytes("*2\r\n$4\r\nECHO\r\n$3\r\na\u0000b\r\n")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "ECHO \"\\\\x41\\\\x4a\"                 => [ECHO|AJ]",
            "ECHO \"a\\\\x4Ab\"                      => [ECHO|aJb]",
            "ECHO \"a\\\\x4\"                        => [ECHO|ax4]",
            "ECHO \"a\\\\x4g\"                       => [ECHO|ax4g]",
            "ECHO \"\\\\xFF\\\\x00\"                 => [ECHO|\\u00ff\\u0000]",
            "ECHO \"\\\\q\\\\n\"                     => [ECHO|q\\n]",
            "ECHO \"\\\\a\\\\b\\\\t\\\\r\\\\n\\\\\"\\\\\\\\\" => [ECHO|\\u0007\\u0008\\t\\r\\n\"\\\\]",
            "ECHO 'a\\\\'b'                          => [ECHO|a'b]",
            "ECHO 'a\\\\nb'                          => [ECHO|a\\\\nb]",
            "ECHO ''                                 => [ECHO|]",
            "ECHO \"\"                               => [ECHO|]",
            "ECHO \"a\"                              => [ECHO|a]",
            "ECHO\\ta\\t                             => [ECHO|a]",
            "ECHO a\\rb                              => [ECHO|a|b]",
            "ECHO a\\u000cb                          => [ECHO|a\\u000cb]",
            "ECHO \\u000c\\u000ba                    => [ECHO|a]",
            "ECHO \"a\"\\u000cb                      => [ECHO|a|b]",
            "ECHO\\u000ba                            => [ECHO\\u000ba]",
            "ECHO a\"b c\"                           => [ECHO|ab c]",
            "ECHO *1                                 => [ECHO|*1]",
    })
    void inlineQuotingAsSdssplitargs(String escaped, String expected) {
        String line = unescape(escaped.strip());
        String want = unescape(expected.strip());
        assertEquals(List.of(want), FeedingParser.parse(bytes(line + "\r\n")), line);
        assertEquals(List.of(want), FeedingParser.parse(bytes(line + "\n")), line);
    }

    @Test
    void unauthenticatedClientsHaveSmallLimits() {
        FeedingParser p = new FeedingParser(512L * 1024 * 1024, false);
        p.feed(bytes("*10\r\n"), 0, 5);
        assertEquals(List.of(), p.out);
        assertEquals(List.of("ERR Protocol error: unauthenticated multibulk length"), parseUnauthenticated("*11\r\n"));
        assertEquals(List.of(), parseUnauthenticated("*1\r\n$16384\r\n"));
        assertEquals(List.of("ERR Protocol error: unauthenticated bulk length"), parseUnauthenticated("*1\r\n$16385\r\n"));
        assertEquals(List.of("[AUTH|pw]"), parseUnauthenticated("*2\r\n$4\r\nAUTH\r\n$2\r\npw\r\n"));
    }

    private static List<String> parseUnauthenticated(String s) {
        FeedingParser p = new FeedingParser(512L * 1024 * 1024, false);
        byte[] b = bytes(s);
        p.feed(b, 0, b.length);
        return p.out;
    }

    @Test
    void argumentsSurviveBufferGrowthAndCompactionMidCommand() {
        // Many arguments arriving one byte at a time in a buffer that starts at 16 bytes.
        StringBuilder sb = new StringBuilder("*200\r\n");
        List<String> want = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String a = "arg-" + i;
            sb.append('$').append(a.length()).append("\r\n").append(a).append("\r\n");
            want.add(a);
        }
        byte[] in = bytes("PING\r\n" + sb);
        int[] cuts = new int[in.length - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        assertEquals(List.of("[PING]", "[" + String.join("|", want) + "]"), FeedingParser.parse(in, cuts));
        assertTrue(true);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Java-like escapes in test tables: \r \n \t \\ \" \\uXXXX. */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                sb.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'r' -> sb.append('\r');
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(e);
            }
        }
        return sb.toString();
    }
}
