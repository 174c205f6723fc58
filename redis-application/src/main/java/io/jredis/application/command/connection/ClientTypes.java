package io.jredis.application.command.connection;

import io.jredis.application.command.Arguments;
import io.jredis.application.session.ClientSession;

/** The client classes of CLIENT LIST TYPE and CLIENT KILL TYPE: a replica's link to its master is the master type, replicas (after PSYNC/SYNC) the replica type. */
final class ClientTypes {

    static final int UNKNOWN = -1;
    static final int NORMAL = 0;
    static final int REPLICA = 1;
    static final int PUBSUB = 2;
    static final int MASTER = 3;

    private ClientTypes() {
    }

    static int parse(Arguments args, int i) {
        if (args.is(i, "normal")) {
            return NORMAL;
        } else if (args.is(i, "slave") || args.is(i, "replica")) {
            return REPLICA;
        } else if (args.is(i, "pubsub")) {
            return PUBSUB;
        } else if (args.is(i, "master")) {
            return MASTER;
        }
        return UNKNOWN;
    }

    static int of(ClientSession s) {
        return s.master() ? MASTER : s.isReplica() ? REPLICA : s.inPubSubContext() ? PUBSUB : NORMAL;
    }
}
