package io.jredis.application.port;

/**
 * What the application asks of the process around it: to stop, to move its listening sockets,
 * and to resolve a working directory (Redis chdirs on {@code dir}; the JVM cannot, so the
 * process keeps the absolute path and persistence resolves file names against it).
 */
public interface ServerLifecycle {

    /**
     * Stops the server once the current command's reply is written: the event loop ends, the
     * pid file is removed and the process exits with status 0.
     */
    void shutdown();

    /**
     * Listens on the port and addresses the configuration now names instead of the current
     * ones; false when they cannot be bound (the old listeners are then kept).
     */
    boolean rebindListeners();

    /**
     * The absolute, normalized form of {@code path} (relative to {@code current}) when it is an
     * accessible directory.
     *
     * @throws IllegalArgumentException with the system's reason, e.g. "No such file or directory"
     */
    String directory(String current, String path);

    /**
     * Writes the configuration in force back to the config file it was read from.
     *
     * @return null when done, else the reason it failed (e.g. the system's error text)
     */
    String rewriteConfig();

    /** For tests and tools: nothing to stop or bind, and directories are taken as given. */
    ServerLifecycle NONE = new ServerLifecycle() {
        @Override
        public void shutdown() {
        }

        @Override
        public boolean rebindListeners() {
            return true;
        }

        @Override
        public String rewriteConfig() {
            return "The server is running without a config file";
        }

        @Override
        public String directory(String current, String path) {
            if (path.startsWith("/") || current.equals(".")) {
                return path;
            }
            return (current.endsWith("/") ? current : current + "/") + path;
        }
    };
}
