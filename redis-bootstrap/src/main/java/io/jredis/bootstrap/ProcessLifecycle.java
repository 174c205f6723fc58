package io.jredis.bootstrap;

import io.jredis.application.port.ServerLifecycle;
import io.jredis.application.server.ServerConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The process side of the server's lifecycle: SHUTDOWN and signals stop the event loop; CONFIG SET
 * dir checks the directory on disk; CONFIG SET port or bind moves the listening sockets.
 */
final class ProcessLifecycle implements ServerLifecycle {

    private final ServerConfig config;
    private volatile JRedisServer server;
    private volatile boolean shutdownRequested;
    private volatile boolean signalled;
    private int boundPort;
    private List<String> boundAddresses = List.of();

    ProcessLifecycle(ServerConfig config) {
        this.config = config;
    }

    /** Called once the server listens: what it is bound to. */
    void attach(JRedisServer server) {
        this.server = server;
        this.boundPort = config.port;
        this.boundAddresses = List.copyOf(config.bind);
        if (shutdownRequested) {
            server.close(); // a signal arrived while starting
        }
    }

    boolean shutdownRequested() {
        return shutdownRequested;
    }

    /** SIGTERM or SIGINT: stop, and save first if save points are set (done once the loop ended). */
    void signal() {
        signalled = true;
        shutdown();
    }

    /** Whether the stop came from a signal rather than SHUTDOWN (which saves by itself). */
    boolean signalled() {
        return signalled;
    }

    @Override
    public void shutdown() {
        // looked up here: this class is built before logging is configured
        org.slf4j.LoggerFactory.getLogger("jredis").warn("User requested shutdown...");
        shutdownRequested = true;
        JRedisServer s = server;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public boolean rebindListeners() {
        if (config.port == boundPort && config.bind.equals(boundAddresses)) {
            return true;
        }
        JRedisServer s = server;
        if (s == null || !s.rebind()) {
            return false;
        }
        boundPort = config.port;
        boundAddresses = List.copyOf(config.bind);
        return true;
    }

    @Override
    public String rewriteConfig() {
        JRedisServer s = server;
        java.util.List<String> users = config.aclfile.isEmpty() && s != null
                ? s.state().acl().fileLines(s.state().registry()) : null;
        return ConfigRewrite.rewrite(Path.of(config.configFile), config, users);
    }

    @Override
    public String directory(String current, String path) {
        Path p = Path.of(current).resolve(path).toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("No such file or directory");
        }
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("Not a directory");
        }
        if (!Files.isExecutable(p)) {
            throw new IllegalArgumentException("Permission denied");
        }
        return p.toString();
    }

    /** Writes the pid file; a failure is only logged, as in Redis. */
    static String writePidFile(Path file) {
        try {
            Files.writeString(file, ProcessHandle.current().pid() + "\n");
            return null;
        } catch (IOException e) {
            return ConfigLoader.reason(e);
        }
    }
}
