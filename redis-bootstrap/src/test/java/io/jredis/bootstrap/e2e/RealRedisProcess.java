package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's redis-server, the reference jredis is compared with: no persistence, loopback only.
 * Its port comes from system property {@code redis.ports} ("from-to") when set, else any free one.
 */
public final class RealRedisProcess extends ServerProcess {

    public static final Path BINARY = Path.of("/usr/bin/redis-server");

    private RealRedisProcess(int port, List<String> command, Path scratch) {
        super("redis-server", port, command, scratch);
    }

    /** Starts redis-server, or skips the calling test (class) when it is not installed. */
    public static RealRedisProcess start(String... serverArgs) {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), BINARY + " is not installed: skipping comparison with real Redis");
        return withPortRetries(() -> startOnce(serverArgs));
    }

    private static RealRedisProcess startOnce(String... serverArgs) {
        int port = FreePorts.fromRange("redis.ports");
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"));
        Path scratch = scratchDir();
        cmd.addAll(List.of("--dir", scratch.toString()));
        cmd.addAll(List.of(serverArgs));
        return new RealRedisProcess(port, cmd, scratch);
    }
}
