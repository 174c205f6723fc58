package io.jredis.bootstrap;

import io.jredis.application.server.ServerConfig;
import io.jredis.bootstrap.ConfigLoader.ConfigError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private final ServerConfig config = new ServerConfig();

    private ConfigLoader loader() {
        config.dir = dir.toString();
        return new ConfigLoader(config, new ProcessLifecycle(config));
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private String error(String file, String options) {
        ConfigError e = assertThrows(ConfigError.class, () -> loader().load(file, null, options));
        return e.getMessage();
    }

    @Test
    void fileThenOptions() throws Exception {
        Path f = file("redis.conf", "# comment\n\nport 7000\nsave 900 1\nsave 300 10\nbind \"127.0.0.1\" -::1\n"
                + "MAXMEMORY 100mb\nappendonly yes\n");
        loader().load(f.toString(), null, CommandLine.parse(List.of("--port", "7001"), dir).options());
        assertEquals(7001, config.port);
        assertEquals("900 1 300 10", config.save);
        assertEquals(List.of("127.0.0.1", "-::1"), config.bind);
        assertEquals(100L * 1024 * 1024, config.maxmemory);
        assertTrue(config.appendonly);
    }

    @Test
    void userLinesAreKeptForTheServerToApplyOnceTheCommandsAreKnown() throws Exception {
        Path f = file("redis.conf", "user default on nopass ~* &* +@all\nuser bob on >x ~k* \"(~y +get)\"\n");
        loader().load(f.toString(), null, "");
        assertEquals(List.of(List.of("default", "on", "nopass", "~*", "&*", "+@all"),
                List.of("bob", "on", ">x", "~k*", "(~y +get)")), config.users);
    }

    @Test
    void oneQuotedArgumentOfAMultiWordOption() throws Exception {
        loader().load(null, null, CommandLine.parse(List.of("--save", "60 1 30 2", "--bind", "::1 127.0.0.1"), dir)
                .options());
        assertEquals("60 1 30 2", config.save);
        assertEquals(List.of("::1", "127.0.0.1"), config.bind);
    }

    @Test
    void commandLineErrorsCountTheLeadingEmptyLine() {
        assertEquals("\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\nReading the configuration file, at line 2\n"
                + ">>> 'port \"abc\"'\nargument couldn't be parsed into an integer\n",
                error(null, CommandLine.parse(List.of("--port", "abc"), dir).options()));
        assertEquals("\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\nReading the configuration file, at line 2\n"
                + ">>> 'nosuch \"1\"'\nBad directive or wrong number of arguments\n",
                error(null, CommandLine.parse(List.of("--nosuch", "1"), dir).options()));
    }

    @Test
    void fileErrorsNameTheLine() throws IOException {
        Path f = file("a.conf", "port 7141\n# comment\n  \nsave \"\"\nfoo \"bar\n");
        assertEquals("\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\nReading the configuration file, at line 5\n"
                + ">>> 'foo \"bar'\nUnbalanced quotes in configuration line\n", error(f.toString(), null));
        Path g = file("b.conf", "port 7141 7142\n");
        assertTrue(error(g.toString(), null).endsWith(">>> 'port 7141 7142'\nwrong number of arguments\n"));
        Path h = file("c.conf", "port 1\n");
        assertTrue(error(h.toString(), "port \"x\"").contains("at line 3\n>>> 'port \"x\"'\n"));
    }

    @Test
    void includeReadsAnotherFileWithItsOwnLineNumbers() throws Exception {
        file("inc.conf", "hz 20\n");
        Path main = file("main.conf", "include " + dir.resolve("inc.conf") + "\nport 7000\n");
        loader().load(main.toString(), null, null);
        assertEquals(20, config.hz);
        assertEquals(7000, config.port);

        file("bad.conf", "\n\nhz x\n");
        Path main2 = file("main2.conf", "include " + dir.resolve("bad.conf") + "\n");
        assertTrue(error(main2.toString(), null).contains("at line 3\n>>> 'hz x'\n"));
    }

    @Test
    void includeGlobMayMatchNothing() throws Exception {
        Files.createDirectory(dir.resolve("conf.d"));
        Path main = file("main.conf", "include " + dir.resolve("conf.d/*.conf") + "\nport 7002\n");
        loader().load(main.toString(), null, null);
        assertEquals(7002, config.port);
        file("conf.d/a.conf", "hz 30\n");
        loader().load(main.toString(), null, null);
        assertEquals(30, config.hz);
    }

    @Test
    void aMissingFileIsReportedAsRedisLogsIt() {
        ConfigError e = assertThrows(ConfigError.class, () -> loader().load("/nonexistent/redis.conf", null, null));
        assertTrue(e.logLine());
        assertEquals("Fatal error, can't open config file '/nonexistent/redis.conf': No such file or directory",
                e.getMessage());
    }

    @Test
    void dirIsCheckedAndMadeAbsolute() throws Exception {
        Files.createDirectory(dir.resolve("data"));
        loader().load(null, null, "dir data");
        assertEquals(dir.resolve("data").toString(), config.dir);
        assertTrue(error(null, "dir /nonexistent").endsWith("\nNo such file or directory\n"));
    }

    @Test
    void logfileMustBeWritable() {
        assertEquals("\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\nCan't open the log file: No such file or "
                + "directory\n", error(null, "logfile /nonexistent/x.log"));
    }

    @Test
    void redisOptionsJredisLacksAreIgnoredWithANote() throws Exception {
        ConfigLoader l = loader();
        l.load(null, null, "activerehashing yes\nport 7003");
        assertEquals(7003, config.port);
        assertEquals(List.of("line 2: activerehashing yes"), l.ignored());
        assertTrue(error(null, "rename-command FLUSHALL \"\"").endsWith("not supported by jredis\n"));
    }

    @Test
    void utf8ValuesSurvive() throws Exception {
        Path f = Files.write(dir.resolve("u.conf"), "requirepass \"p\u00e4ss\"\nmasterauth \"\\xc3\\xa4\"\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        loader().load(f.toString(), null, null);
        assertEquals("p\u00e4ss", config.requirepass);
        assertEquals("\u00e4", config.masterauth);
        assertFalse(config.requirepass.isEmpty());
    }

    @Test
    void stdinComesBetweenFileAndOptions() throws Exception {
        Path f = file("s.conf", "port 1\n");
        loader().load(f.toString(), "port 2\nhz 7\n", "port \"3\"");
        assertEquals(3, config.port);
        assertEquals(7, config.hz);
    }
}
