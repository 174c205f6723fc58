package io.jredis.bootstrap.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The aclfile: read at start-up, ACL SAVE and ACL LOAD, and ACL LOAD's error text, on jredis and
 * on redis-server started the same way (their files and replies compared).
 */
class AclFileIT {

    @TempDir
    Path dir;

    private static final String FILE = "user alice on >pw ~app:* +@all -flushall\nuser default on nopass ~* &* +@all\n";

    /** What one server does with its own aclfile: replies and the file ACL SAVE wrote, paths as "F". */
    private String scenario(ServerProcess server, Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        try (RespConnection admin = new RespConnection(new Socket("127.0.0.1", server.port()));
             RespConnection alice = new RespConnection(new Socket("127.0.0.1", server.port()))) {
            out.append(admin.call("ACL", "LIST"));
            out.append(alice.call("AUTH", "alice", "pw"));
            out.append(alice.call("FLUSHALL"));
            out.append(admin.call("ACL", "SETUSER", "bob", "on", "nopass", "%R~r*", "+@read"));
            out.append(admin.call("ACL", "SAVE"));
            out.append(Files.readString(file));
            Files.writeString(file, "user carl on\nfoo\nuser bad (~x\n");
            out.append(admin.call("ACL", "LOAD"));
            out.append(admin.call("ACL", "USERS"));
            Files.writeString(file, "user carl on nopass +@all ~*\n");
            out.append(admin.call("ACL", "LOAD"));
            out.append(admin.call("ACL", "LIST"));
            assertTrue(alice.isClosedByServer(), "the clients of replaced users are disconnected");
        }
        return out.toString().replace(file.toString(), "F");
    }

    @Test
    void startSaveAndLoadAsRedisDoes() throws IOException {
        Path jfile = Files.writeString(dir.resolve("j.acl"), FILE);
        String jredis;
        try (JRedisProcess j = JRedisProcess.start("--aclfile", jfile.toString())) {
            jredis = scenario(j, jfile);
        }
        Assumptions.assumeTrue(Files.isExecutable(RealRedisProcess.BINARY), "redis-server is not installed");
        Path rfile = Files.writeString(dir.resolve("r.acl"), FILE);
        try (RealRedisProcess r = RealRedisProcess.start("--aclfile", rfile.toString())) {
            assertEquals(scenario(r, rfile), jredis);
        }
    }
}
