package io.jredis.application.blocking;

import io.jredis.application.port.ReplySink;
import io.jredis.application.server.ServerState;
import io.jredis.application.session.ClientSession;

/**
 * A blocking command whose reply at its deadline (or on CLIENT UNBLOCK) is not the null array of
 * the blocking pops: WAIT replies the number of replicas that acknowledged so far.
 */
public interface TimeoutReply {

    void timedOut(ServerState server, ClientSession client, ReplySink reply);
}
