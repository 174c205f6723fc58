package io.jredis.application.acl;

import io.jredis.application.command.CommandRegistry;
import io.jredis.application.command.Commands;
import io.jredis.application.server.ServerConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The channel check pub/sub calls (Redis's ACLCheckChannelAgainstList) and the change notification. */
class AclChannelsTest {

    private final CommandRegistry registry = Commands.registry();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void channelsMatchAsGlobsAndPatternSubscriptionsOnlyAnIdenticalPattern() {
        AclUsers acl = new AclUsers(new ServerConfig());
        assertNull(acl.setUser(registry, "u", List.of("on", "nopass", "+@all", "&news.*", "(&sel)")));
        AclUser u = acl.get("u");
        assertTrue(acl.channelAllowed(u, b("news.1"), false));
        assertTrue(acl.channelAllowed(u, b("news.*"), true));
        assertFalse(acl.channelAllowed(u, b("news.1"), true), "PSUBSCRIBE news.1 is not the ACL pattern news.*");
        assertFalse(acl.channelAllowed(u, b("other"), false));
        assertTrue(acl.channelAllowed(u, b("sel"), false), "a selector's channels count too");
        assertTrue(acl.channelAllowed(acl.defaultUser(), b("anything"), true), "default has allchannels");
        assertFalse(u.unrestricted(), "a user without allchannels takes the checked path");
    }

    @Test
    void changesToAnExistingUserAreNotified() {
        AclUsers acl = new AclUsers(new ServerConfig());
        List<String> changed = new ArrayList<>();
        acl.onPermissionsChanged(u -> changed.add(u.name()));
        acl.setUser(registry, "u", List.of("&a"));
        assertEquals(List.of(), changed, "a new user has no clients to drop");
        acl.setUser(registry, "u", List.of("resetchannels"));
        acl.setUser(registry, "u", List.of("bad"));
        assertEquals(List.of("u"), changed, "a refused SETUSER changes nothing");
    }
}
