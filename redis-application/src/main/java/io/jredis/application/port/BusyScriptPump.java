package io.jredis.application.port;

/**
 * Serves the other clients from inside a script that runs past busy-reply-threshold, as Redis's
 * processEventsWhileBlocked: called on the command thread from the script's time check, it
 * accepts, reads and runs other clients' commands (the executor answers BUSY to all but the
 * allow-busy ones such as SCRIPT KILL and SHUTDOWN NOSAVE) and writes their replies, without
 * waiting. The client running the script is neither read nor written meanwhile.
 */
public interface BusyScriptPump {

    /**
     * One non-blocking pass over the clients. Returns true when the server is shutting down
     * (SHUTDOWN NOSAVE ran): the script must stop without a reply.
     */
    boolean serveOthers();

    /** The script that made the server busy ended: what the passes held can be let go. */
    default void scriptEnded() {
    }

    /** No clients to serve (unit tests without a loop). */
    BusyScriptPump NONE = () -> false;
}
