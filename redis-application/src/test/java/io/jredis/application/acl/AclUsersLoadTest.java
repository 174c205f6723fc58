package io.jredis.application.acl;

import io.jredis.application.command.Commands;
import io.jredis.application.command.CommandRegistry;
import io.jredis.application.server.ServerConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The aclfile and redis.conf "user" lines, with the texts redis-server 7.0.15 gave for the same input. */
class AclUsersLoadTest {

    private final CommandRegistry registry = Commands.registry();

    private List<String> list(AclUsers acl) {
        return acl.fileLines(registry);
    }

    @Test
    void aFileWithErrorsChangesNothingAndListsEveryError() {
        AclUsers acl = new AclUsers(new ServerConfig());
        String errors = acl.loadFile(registry, List.of("user alice on >pw ~* +@all bad", "foo bar", "user alice",
                "user x (~a", "user b@d on", "", "# comment", "  user   sp   on  ", ""), "/tmp/acltest30312/users.acl");
        assertEquals("/tmp/acltest30312/users.acl:1: Syntax error. /tmp/acltest30312/users.acl:2 should start with user "
                + "keyword followed by the username. WARNING: Duplicate user 'alice' found on line 3. "
                + "/tmp/acltest30312/users.acl:4: Unmatched parenthesis in selector definition./tmp/acltest30312/users.acl:7"
                + " should start with user keyword followed by the username. /tmp/acltest30312/users.acl:8: Syntax error. "
                + "WARNING: ACL errors detected, no change to the previously active ACL rules was performed", errors);
        assertEquals(List.of("user default on nopass ~* &* +@all"), list(acl));
    }

    @Test
    void aGoodFileReplacesEveryUserAndKeepsTheDefaultUsersObject() {
        AclUsers acl = new AclUsers(new ServerConfig());
        AclUser before = acl.defaultUser();
        acl.setUser(registry, "old", List.of("on"));
        AclUser old = acl.get("old");
        assertNull(acl.loadFile(registry, List.of("user carl on nopass +@all ~*", ""), "users.acl"));
        assertEquals(List.of("user carl on nopass ~* resetchannels +@all", "user default on nopass ~* &* +@all"),
                list(acl));
        assertSame(before, acl.defaultUser());
        assertTrue(old.deleted(), "clients of replaced users are to be disconnected");
        assertNull(acl.get("old"));
    }

    @Test
    void configUserLinesResetTheDefaultUserFirst() {
        ServerConfig config = new ServerConfig();
        AclUsers acl = new AclUsers(config);
        acl.setRequirepass("foo"); // requirepass is applied while the config is read, before the users
        assertNull(acl.loadConfigured(registry, List.of(List.of("default", "on", "nopass", "~*", "&*", "+@all"),
                List.of("bob", "on", ">x", "~k*", "+get"))));
        assertEquals(List.of(
                "user bob on #2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881 ~k* resetchannels -@all +get",
                "user default on nopass sanitize-payload ~* &* +@all"), list(acl));
        assertEquals("Error loading ACL rule 'bad' for the user named 'carl': Syntax error",
                acl.loadConfigured(registry, List.of(List.of("carl", "bad"))));
    }
}
