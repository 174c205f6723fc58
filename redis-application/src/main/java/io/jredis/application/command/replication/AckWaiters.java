package io.jredis.application.command.replication;

import io.jredis.application.blocking.BlockedClients;
import io.jredis.application.command.CommandExecutor;
import io.jredis.application.port.ReplicaLinks;
import io.jredis.application.session.ClientSession;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Clients blocked in WAIT (Redis's clients_waiting_acks): the offset each waits for and how many
 * replicas it wants. Served when acknowledgements arrive, answered with the count at the deadline.
 */
final class AckWaiters {

    private record Wait(long offset, long replicas) {
    }

    private final Map<ClientSession, Wait> waiting = new IdentityHashMap<>();

    void add(ClientSession client, long offset, long replicas) {
        waiting.put(client, new Wait(offset, replicas));
    }

    /** The count to reply when the wait ends without enough acknowledgements; forgets the client. */
    int end(ClientSession client, ReplicaLinks links) {
        Wait w = waiting.remove(client);
        return links.acknowledged(w == null ? client.writeOffset() : w.offset);
    }

    /** After an acknowledgement: every waiter now satisfied gets its count and resumes. */
    void serve(CommandExecutor executor, ReplicaLinks links) {
        if (waiting.isEmpty()) {
            return;
        }
        BlockedClients blocked = executor.blockedClients();
        List<ClientSession> done = new ArrayList<>();
        for (Map.Entry<ClientSession, Wait> e : waiting.entrySet()) {
            ClientSession client = e.getKey();
            BlockedClients.Waiter waiter = blocked.waiter(client);
            if (waiter == null || !(waiter.command() instanceof WaitCommand)) {
                done.add(client); // disconnected or unblocked meanwhile
                continue;
            }
            int acked = links.acknowledged(e.getValue().offset);
            if (acked >= e.getValue().replicas) {
                done.add(client);
                blocked.unblock(client);
                client.connection().replySink().integer(acked);
                client.connection().wake();
            }
        }
        for (ClientSession c : done) {
            waiting.remove(c);
        }
    }
}
