package io.jredis.application.blocking;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.session.ClientSession;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Clients waiting for keys (BLPOP and friends): per (database, key) a first-come first-served
 * queue of waiters; per waiter the command to run again once a key it waits on may serve it, and
 * its deadline. Writes mark keys that have waiters as ready; the executor serves ready keys
 * after each top-level command.
 */
public final class BlockedClients {

    /** A database and a key, comparable by content. */
    public record BlockedKey(int db, byte[] key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof BlockedKey k && k.db == db && Arrays.equals(k.key, key);
        }

        @Override
        public int hashCode() {
            return 31 * db + Arrays.hashCode(key);
        }
    }

    /** One blocked client: its command (copied, so it can be run again), keys and deadline. */
    public static final class Waiter {
        private final ClientSession session;
        private final Command command;
        private final Arguments args;
        private final List<BlockedKey> keys;
        private final long deadline;
        private final long seq;

        Waiter(ClientSession session, Command command, Arguments args, List<BlockedKey> keys, long deadline, long seq) {
            this.session = session;
            this.command = command;
            this.args = args;
            this.keys = keys;
            this.deadline = deadline;
            this.seq = seq;
        }

        public ClientSession session() {
            return session;
        }

        public Command command() {
            return command;
        }

        public Arguments args() {
            return args;
        }

        /** Unix ms after which the client gets its timeout reply; 0 waits forever. */
        public long deadline() {
            return deadline;
        }
    }

    private final Map<BlockedKey, ArrayDeque<Waiter>> byKey = new HashMap<>();
    private final Map<ClientSession, Waiter> bySession = new IdentityHashMap<>();
    private final TreeSet<Waiter> byDeadline = new TreeSet<>((a, b) -> a.deadline != b.deadline
            ? Long.compare(a.deadline, b.deadline) : Long.compare(a.seq, b.seq));
    private final LinkedHashSet<BlockedKey> ready = new LinkedHashSet<>();
    private long nextSeq;

    /** Blocks a client on keys until {@code deadline} (unix ms, 0 = forever). */
    public void block(ClientSession session, Command command, Arguments args, int db, List<byte[]> keys,
                      long deadline) {
        List<BlockedKey> ks = new ArrayList<>(keys.size());
        Waiter w = new Waiter(session, command, args, ks, deadline, nextSeq++);
        for (byte[] k : keys) {
            BlockedKey bk = new BlockedKey(db, k);
            if (ks.contains(bk)) {
                continue; // BLPOP k k waits once on k, as Redis
            }
            ks.add(bk);
            byKey.computeIfAbsent(bk, x -> new ArrayDeque<>()).addLast(w);
        }
        bySession.put(session, w);
        if (deadline != 0) {
            byDeadline.add(w);
        }
        session.setBlocked(true);
    }

    /** Removes a client's waiter (served, timed out, unblocked, disconnected); null when not blocked. */
    public Waiter unblock(ClientSession session) {
        Waiter w = bySession.remove(session);
        if (w == null) {
            return null;
        }
        for (BlockedKey k : w.keys) {
            ArrayDeque<Waiter> q = byKey.get(k);
            q.remove(w);
            if (q.isEmpty()) {
                byKey.remove(k);
            }
        }
        if (w.deadline != 0) {
            byDeadline.remove(w);
        }
        session.setBlocked(false);
        return w;
    }

    public Waiter waiter(ClientSession session) {
        return bySession.get(session);
    }

    /** A key was written: when clients wait on it, it is served after the current command. */
    public void signal(int db, byte[] buf, int off, int len) {
        if (byKey.isEmpty()) {
            return;
        }
        BlockedKey k = new BlockedKey(db, Arrays.copyOfRange(buf, off, off + len));
        if (byKey.containsKey(k)) {
            ready.add(k);
        }
    }

    /** Every key waited on in a database may be ready (SWAPDB replaced its contents). */
    public void signalDatabase(int db) {
        for (BlockedKey k : byKey.keySet()) {
            if (k.db() == db) {
                ready.add(k);
            }
        }
    }

    public boolean hasReadyKeys() {
        return !ready.isEmpty();
    }

    /** The oldest ready key, removed from the ready set. */
    public BlockedKey nextReady() {
        Iterator<BlockedKey> it = ready.iterator();
        BlockedKey k = it.next();
        it.remove();
        return k;
    }

    /** The clients waiting on a key, oldest first (a snapshot: serving changes the queue). */
    public List<Waiter> waitersOf(BlockedKey key) {
        ArrayDeque<Waiter> q = byKey.get(key);
        return q == null ? List.of() : new ArrayList<>(q);
    }

    /** The earliest deadline of any waiter in unix ms, or 0 when none has one. */
    public long nearestDeadline() {
        return byDeadline.isEmpty() ? 0 : byDeadline.first().deadline;
    }

    /** The waiter with the earliest deadline if it is at or before {@code now}; else null. */
    public Waiter firstExpired(long now) {
        if (byDeadline.isEmpty()) {
            return null;
        }
        Waiter w = byDeadline.first();
        return w.deadline <= now ? w : null;
    }

    /** Blocked clients (INFO blocked_clients). */
    public int clients() {
        return bySession.size();
    }

    /** Blocked clients with a deadline (INFO clients_in_timeout_table). */
    public int clientsWithTimeout() {
        return byDeadline.size();
    }

    /** Keys with at least one waiter. */
    public int keys() {
        return byKey.size();
    }
}
