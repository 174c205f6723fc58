package io.jredis.application.command.connection;

import io.jredis.application.command.Arguments;
import io.jredis.application.server.ServerConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The only user until ACLs exist: "default", with {@code requirepass} as its password, or
 * "nopass" (any password accepted) when requirepass is empty, as Redis configures it.
 */
final class DefaultUser {

    static final String NAME = "default";

    private DefaultUser() {
    }

    /** True when user argument {@code u} and password argument {@code p} authenticate. */
    static boolean accepts(ServerConfig config, Arguments args, int u, int p) {
        return args.string(u).equals(NAME) && acceptsPassword(config, args, p);
    }

    /** True when password argument {@code p} is the default user's password. */
    static boolean acceptsPassword(ServerConfig config, Arguments args, int p) {
        if (config.requirepass.isEmpty()) {
            return true;
        }
        // constant-time, as Redis compares password hashes
        return MessageDigest.isEqual(config.requirepass.getBytes(StandardCharsets.UTF_8), args.bytes(p));
    }
}
