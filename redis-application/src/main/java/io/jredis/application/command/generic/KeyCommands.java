package io.jredis.application.command.generic;

import io.jredis.application.command.Command;

import java.util.List;

/** The generic (keyspace) group: DEL, EXISTS, TYPE, KEYS, SCAN, RENAME, EXPIRE, TTL, OBJECT, ... */
public final class KeyCommands {

    private KeyCommands() {
    }

    public static List<Command> all() {
        return List.of();
    }
}
