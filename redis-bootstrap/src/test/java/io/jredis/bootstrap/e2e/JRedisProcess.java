package io.jredis.bootstrap.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged jredis server ({@code jredis.lib}, i.e. redis-bootstrap/target/lib) in a child
 * JVM: the same java as the test's, started as a user would start it.
 */
public final class JRedisProcess extends ServerProcess {

    private JRedisProcess(int port, List<String> command, Path scratch) {
        super("jredis", port, command, scratch);
    }

    /** Starts a server on a free port; {@code serverArgs} follow {@code --port N} (e.g. "--maxclients", "100"). */
    public static JRedisProcess start(String... serverArgs) {
        return startWithJvmOptions(List.of(), serverArgs);
    }

    public static JRedisProcess startWithJvmOptions(List<String> jvmOptions, String... serverArgs) {
        return withPortRetries(() -> startOnce(jvmOptions, serverArgs));
    }

    private static JRedisProcess startOnce(List<String> jvmOptions, String... serverArgs) {
        String lib = System.getProperty("jredis.lib");
        if (lib == null || !Files.isDirectory(Path.of(lib))) {
            throw new IllegalStateException("system property jredis.lib must name the server's lib directory"
                    + " (redis-bootstrap/target/lib, made by mvn package); got " + lib);
        }
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot tell which java runs the tests"));
        int port = FreePorts.ephemeral();
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("--add-exports", "java.base/jdk.internal.misc=org.agrona",
                "-p", lib, "-m", "io.jredis.bootstrap/io.jredis.bootstrap.Main",
                "--port", Integer.toString(port)));
        // no snapshot in the working directory unless a test asks for one (it passes --dir/--save)
        cmd.addAll(List.of("--save", ""));
        Path scratch = scratchDir();
        cmd.addAll(List.of("--dir", scratch.toString()));
        cmd.addAll(List.of(serverArgs));
        return new JRedisProcess(port, cmd, scratch);
    }
}
