package io.jredis.application.port;

import java.util.List;

/**
 * MIGRATE's connection to the target server: the commands (AUTH, SELECT, RESTORE) written at
 * once, then one reply line per command read back. Called on the command thread and
 * blocking it, as Redis blocks its whole server during MIGRATE (its syncWrite/syncReadLine), for
 * at most about the timeout per step; the keyspace cannot change meanwhile, so the command stays
 * atomic for every client.
 */
public interface MigrationLink {

    /** Where an exchange stopped short. */
    enum Failure { NONE, CONNECT, WRITE, READ }

    /** The reply lines read (without CRLF), fewer than asked when {@code failure} is READ. */
    record Exchange(List<String> lines, Failure failure) {
    }

    Exchange exchange(String host, int port, long timeoutMs, List<List<byte[]>> commands);

    /** No link attached: nothing can be reached. */
    MigrationLink NONE = (host, port, timeoutMs, commands) -> new Exchange(List.of(), Failure.CONNECT);
}
