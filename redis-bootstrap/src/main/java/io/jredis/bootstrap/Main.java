package io.jredis.bootstrap;

import io.jredis.application.server.ServerConfig;
import io.jredis.bootstrap.ConfigLoader.ConfigError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Starts a server with redis-server's command line: {@code [config-file] [--name value ...] [-]},
 * {@code -v}/{@code --version}, {@code -h}/{@code --help}. Configuration errors are reported in
 * Redis's words and end the process with status 1; SHUTDOWN, SIGTERM and SIGINT end it with 0.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(List.of(argv)));
    }

    static int run(List<String> args) {
        if (!args.isEmpty()) {
            String first = args.get(0);
            if (first.equals("-v") || first.equals("--version")) {
                System.out.println("Redis server v=" + ConfigLoader.REDIS_VERSION
                        + " sha=00000000:0 malloc=libc bits=64 build=0");
                return 0;
            }
            if (first.equals("-h") || first.equals("--help")) {
                System.err.print(usage());
                return 1;
            }
            if (first.equals("--test-memory") || first.equals("--check-system")) {
                System.err.println("jredis-server does not support " + first + ".");
                return 1;
            }
        }
        Path cwd = Path.of("").toAbsolutePath();
        ServerConfig config = new ServerConfig();
        config.dir = cwd.toString();
        ProcessLifecycle lifecycle = new ProcessLifecycle(config);
        CommandLine commandLine = CommandLine.parse(args, cwd);
        ConfigLoader loader = new ConfigLoader(config, lifecycle);
        if (commandLine.fromStdin()) {
            System.out.println(logLine("Reading config from stdin"));
        }
        try {
            String stdin = commandLine.fromStdin()
                    ? new String(System.in.readAllBytes(), StandardCharsets.ISO_8859_1) : null;
            loader.load(commandLine.configFile(), stdin, commandLine.options());
        } catch (ConfigError e) {
            if (e.logLine()) {
                System.out.println(logLine(e.getMessage()));
            } else {
                System.err.print(e.getMessage());
            }
            return 1;
        } catch (IOException e) {
            System.err.println("Can't read the configuration from standard input: " + e.getMessage());
            return 1;
        }
        config.configFile = commandLine.configFile() == null ? "" : commandLine.configFile();
        if (config.daemonize) {
            System.err.println("jredis-server: 'daemonize yes' is not supported: jredis runs in the foreground. "
                    + "Run it under a service manager (systemd, supervisord) or in the background (&) instead.");
            return 1;
        }
        Logging.configure(config);
        return serve(config, lifecycle, loader.ignored());
    }

    private static int serve(ServerConfig config, ProcessLifecycle lifecycle, List<String> ignored) {
        Logger log = LoggerFactory.getLogger("jredis");
        long pid = ProcessHandle.current().pid();
        log.info("jredis is starting (Redis {} compatible), pid={}", ConfigLoader.REDIS_VERSION, pid);
        if (config.configFile.isEmpty()) {
            log.warn("No config file specified, using the default config. In order to specify a config file use "
                    + "jredis-server /path/to/redis.conf");
        } else {
            log.info("Configuration loaded from {}", config.configFile);
        }
        if (!ignored.isEmpty()) {
            log.warn("Ignoring {} config line(s) naming Redis options jredis does not implement yet: {}",
                    ignored.size(), String.join("; ", ignored));
        }
        Path pidFile = config.pidfile.isEmpty() ? null : Path.of(config.dir).resolve(config.pidfile);
        if (pidFile != null) {
            String failure = ProcessLifecycle.writePidFile(pidFile);
            if (failure != null) {
                log.warn("Failed to write PID file: {}", failure);
            }
        }
        try (JRedisServer server = new JRedisServer(config, new SystemClock(), lifecycle)) {
            try {
                server.bind();
            } catch (IOException e) {
                log.warn(e.getMessage());
                log.error("Failed listening on port {} (TCP), aborting.", config.port);
                removePidFile(pidFile, log);
                return 1;
            }
            try {
                server.loadSnapshot();
            } catch (io.jredis.application.port.SnapshotStore.SnapshotFailure e) {
                log.error("Fatal error loading the DB: {}. Exiting.", e.getMessage());
                removePidFile(pidFile, log);
                return 1;
            }
            Signals.onTermination(signal -> {
                log.warn("Received SIG{} scheduling shutdown...", signal);
                lifecycle.signal();
            });
            lifecycle.attach(server);
            log.info("Running mode=standalone, port={}.", config.port);
            log.info("Ready to accept connections");
            server.run();
            if (lifecycle.signalled() && !config.save.isBlank()) {
                log.info("Saving the final RDB snapshot before exiting.");
                if (!server.saveOnExit()) {
                    log.error("Error trying to save the DB before exiting: the snapshot on disk is the previous one.");
                    removePidFile(pidFile, log);
                    return 1;
                }
            }
        } catch (IOException e) {
            log.error("Could not start the server: {}", e.toString());
            removePidFile(pidFile, log);
            return 1;
        }
        removePidFile(pidFile, log);
        log.warn("jredis is now ready to exit, bye bye...");
        return 0;
    }

    private static void removePidFile(Path pidFile, Logger log) {
        if (pidFile == null) {
            return;
        }
        log.info("Removing the pid file.");
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.warn("Could not remove the pid file: {}", ConfigLoader.reason(e));
        }
    }

    /** A warning line in Redis's own log format, for what happens before logging is set up. */
    private static String logLine(String message) {
        return ProcessHandle.current().pid() + ":C " + LocalDateTime.now().format(
                DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss.SSS", Locale.ENGLISH)) + " # " + message;
    }

    static String usage() {
        String n = "./jredis-server";
        return "Usage: " + n + " [/path/to/redis.conf] [options] [-]\n"
                + "       " + n + " - (read config from stdin)\n"
                + "       " + n + " -v or --version\n"
                + "       " + n + " -h or --help\n"
                + "\n"
                + "Examples:\n"
                + "       " + n + " (run the server with default conf)\n"
                + "       echo 'maxmemory 128mb' | " + n + " -\n"
                + "       " + n + " /etc/redis/6379.conf\n"
                + "       " + n + " --port 7777\n"
                + "       " + n + " --port 7777 --replicaof 127.0.0.1 8888\n"
                + "       " + n + " /etc/myredis.conf --loglevel verbose -\n"
                + "       " + n + " /etc/myredis.conf --loglevel verbose\n";
    }
}
