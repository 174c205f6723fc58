package io.jredis.bootstrap;

import io.jredis.application.port.ServerLifecycle;
import io.jredis.application.server.ConfigOptions;
import io.jredis.application.server.ConfigOptions.ConfigException;
import io.jredis.application.server.ConfigOptions.Option;
import io.jredis.application.server.ServerConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Loads redis.conf text into a {@link ServerConfig} as Redis's loadServerConfig does: the file,
 * then standard input, then the command-line options, as one text; one directive a line;
 * {@code include} reads another file (a glob may match none). The first error stops the load
 * with Redis's report.
 */
final class ConfigLoader {

    static final String REDIS_VERSION = "7.0.15";

    /** A fatal error and the exact text redis-server prints for it. */
    static final class ConfigError extends Exception {
        private static final long serialVersionUID = 1L;

        private final boolean logLine;

        ConfigError(String text, boolean logLine) {
            super(text, null, false, false);
            this.logLine = logLine;
        }

        /** True when Redis reports it as a log line on stdout rather than the FATAL block on stderr. */
        boolean logLine() {
            return logLine;
        }
    }

    private final ServerConfig config;
    private final ConfigOptions.Source source;
    private final List<String> ignored = new ArrayList<>();

    ConfigLoader(ServerConfig config, ServerLifecycle lifecycle) {
        this.config = config;
        this.source = ConfigOptions.Source.file(lifecycle);
    }

    /** Lines naming options jredis does not implement, as "line N: text", for a warning. */
    List<String> ignored() {
        return ignored;
    }

    /**
     * Loads the file (absolute path, may be null), then {@code stdin} text (may be null), then
     * {@code options} (the command line as config lines, may be null).
     */
    void load(String file, String stdin, String options) throws ConfigError {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(read(file));
        }
        if (stdin != null) {
            text.append(stdin);
        }
        if (options != null) {
            text.append('\n').append(options);
        }
        loadString(text.toString());
        checkLogfile();
    }

    /** Parses config text held as ISO-8859-1 (one char a byte). */
    void loadString(String text) throws ConfigError {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = trim(lines[i]);
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            List<String> argv = ConfigSyntax.split(line);
            if (argv == null) {
                throw lineError(i + 1, line, "Unbalanced quotes in configuration line");
            }
            if (argv.isEmpty()) {
                continue;
            }
            String name = argv.get(0).toLowerCase(Locale.ROOT);
            Option option = ConfigOptions.lookup(name);
            if (option != null) {
                if (!option.multiArg() && argv.size() != 2) {
                    throw lineError(i + 1, line, "wrong number of arguments");
                }
                List<String> values = argv.subList(1, argv.size());
                if (option.multiArg() && argv.size() == 2 && !argv.get(1).isEmpty()) {
                    // one quoted argument holding several words: --save "900 1 300 10"
                    List<String> split = ConfigSyntax.split(argv.get(1));
                    values = split == null ? List.of() : split;
                }
                try {
                    option.set(config, utf8(values), source);
                } catch (ConfigException e) {
                    throw lineError(i + 1, line, e.getMessage());
                }
            } else if (name.equals("user") && argv.size() >= 2) {
                // applied once the commands are known (JRedisServer), as Redis loads them after the config
                config.users.add(List.copyOf(argv.subList(1, argv.size())));
            } else if (name.equals("include") && argv.size() == 2) {
                include(utf8(argv.get(1)));
            } else if (UnimplementedOptions.NAMES.contains(name)) {
                ignored.add("line " + (i + 1) + ": " + utf8(line));
            } else if (name.equals("rename-command") || name.equals("loadmodule")
                    || name.equals("sentinel")) {
                throw lineError(i + 1, line, "The '" + name + "' directive is not supported by jredis");
            } else {
                throw lineError(i + 1, line, "Bad directive or wrong number of arguments");
            }
        }
    }

    private void include(String pattern) throws ConfigError {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0 && pattern.indexOf('[') < 0) {
            loadString(read(pattern));
            return;
        }
        // With wildcards an empty match is fine (an empty conf.d), as in Redis.
        Path abs = resolve(pattern);
        Path dir = abs.getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + abs.getFileName());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
        } catch (IOException e) {
            return;
        }
        for (Path f : files) {
            loadString(read(f.toString()));
        }
    }

    private String read(String file) throws ConfigError {
        Path path = resolve(file);
        try {
            return new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ConfigError("Fatal error, can't open config file '" + file + "': " + reason(e), true);
        }
    }

    /** Relative paths are taken from {@code dir}: Redis has already chdir'ed there. */
    private Path resolve(String file) {
        return Path.of(config.dir).resolve(file);
    }

    /** Redis refuses a log file it cannot open for appending, after reading the whole config. */
    private void checkLogfile() throws ConfigError {
        if (config.logfile.isEmpty()) {
            return;
        }
        Path log = resolve(config.logfile);
        try {
            Files.newOutputStream(log, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND).close();
        } catch (IOException e) {
            throw new ConfigError(fatal("Can't open the log file: " + reason(e)), false);
        }
    }

    /** The strerror text for the usual causes. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage();
    }

    private static ConfigError lineError(int lineNumber, String line, String reason) {
        return new ConfigError(fatal("Reading the configuration file, at line " + lineNumber + "\n>>> '"
                + utf8(line) + "'\n" + reason), false);
    }

    private static String fatal(String body) {
        return "\n*** FATAL CONFIG FILE ERROR (Redis " + REDIS_VERSION + ") ***\n" + body + "\n";
    }

    /** Redis's sdstrim(line, " \t\r\n"). */
    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && " \t\r\n".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && " \t\r\n".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    private static List<String> utf8(List<String> latin1) {
        List<String> out = new ArrayList<>(latin1.size());
        for (String s : latin1) {
            out.add(utf8(s));
        }
        return out;
    }

    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
