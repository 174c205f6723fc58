package io.jredis.bootstrap;

import io.jredis.application.server.ServerConfig;

/** Starts a server with redis-server's command line: [config-file] [--name value ...]. */
public final class Main {

    private Main() {
    }

    public static void main(String[] argv) throws Exception {
        ServerConfig config = new ServerConfig();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            if (argv[i].equals("--port")) {
                config.port = Integer.parseInt(argv[i + 1]);
            }
        }
        try (JRedisServer server = new JRedisServer(config, new SystemClock())) {
            server.bind();
            server.run();
        }
    }
}
