package io.jredis.bootstrap;

import io.jredis.application.server.ServerConfig;

import java.nio.file.Path;

/**
 * Maps loglevel and logfile onto the slf4j-simple backend. It reads its settings once, when the
 * first logger is created, so this runs before anything logs (system properties override
 * simplelogger.properties).
 */
final class Logging {

    private Logging() {
    }

    static void configure(ServerConfig config) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level(config.loglevel));
        // Redis logs to standard output unless logfile is set
        String target = config.logfile.isEmpty() ? "System.out"
                : Path.of(config.dir).resolve(config.logfile).toString();
        System.setProperty("org.slf4j.simpleLogger.logFile", target);
    }

    /** Redis's four levels onto slf4j's: debug, verbose, notice, warning. */
    static String level(String loglevel) {
        return switch (loglevel) {
            case "debug" -> "trace";
            case "verbose" -> "debug";
            case "warning" -> "warn";
            default -> "info";
        };
    }
}
