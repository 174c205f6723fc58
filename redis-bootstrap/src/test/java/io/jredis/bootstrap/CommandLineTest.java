package io.jredis.bootstrap;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    private static final Path CWD = Path.of("/srv/jredis");

    private static CommandLine parse(String... argv) {
        return CommandLine.parse(List.of(argv), CWD);
    }

    @Test
    void optionsBecomeQuotedConfigLines() {
        CommandLine c = parse("--port", "7777", "--replicaof", "127.0.0.1", "8888");
        assertNull(c.configFile());
        assertEquals("port \"7777\" \nreplicaof \"127.0.0.1\" \"8888\" ", c.options());
    }

    @Test
    void firstArgumentIsTheConfigFileMadeAbsolute() {
        CommandLine c = parse("conf/redis.conf", "--loglevel", "verbose");
        assertEquals("/srv/jredis/conf/redis.conf", c.configFile());
        assertEquals("loglevel \"verbose\" ", c.options());
        assertFalse(c.fromStdin());
    }

    @Test
    void dashReadsStandardInput() {
        assertTrue(parse("-").fromStdin());
        assertTrue(parse("/etc/redis.conf", "--port", "1", "-").fromStdin());
        assertNull(parse("-").options());
    }

    @Test
    void saveAloneMeansEmpty() {
        assertEquals("save \"\"\nport \"1\" ", parse("--save", "--port", "1").options());
        assertEquals("save \"\"", parse("--save").options());
    }

    @Test
    void anOptionNameAloneTakesTheNextArgumentEvenWithDashes() {
        assertEquals("port \"--save\" \nbind \"127.0.0.1\" ", parse("--port", "--save", "--bind", "127.0.0.1").options());
    }

    @Test
    void nameAndValueInOneArgument() {
        assertEquals("port 6380 \nhz \"5\" ", parse("--port 6380", "--hz", "5").options());
    }
}
