package io.jredis.application.session;

import io.jredis.application.port.ClientConnection;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The connected clients, by id, in connection order (CLIENT LIST order). */
public final class Clients {

    private final Map<Long, ClientSession> byId = new LinkedHashMap<>();
    private long nextId = 1;
    private long totalConnections;
    private long rejectedConnections;

    /** Registers a new connection and gives it the next client id. */
    public ClientSession connect(ClientConnection connection, long nowMillis, boolean authenticated) {
        ClientSession s = new ClientSession(nextId++, connection, nowMillis, authenticated);
        byId.put(s.id(), s);
        totalConnections++;
        return s;
    }

    public void disconnect(ClientSession session) {
        byId.remove(session.id());
    }

    /**
     * Closes another client's connection and takes it off the list at once, as Redis frees a
     * killed client: a second CLIENT KILL or CLIENT LIST in the same batch no longer sees it.
     */
    public void kill(ClientSession session) {
        session.connection().close();
        byId.remove(session.id());
    }

    public void rejected() {
        rejectedConnections++;
    }

    public ClientSession byId(long id) {
        return byId.get(id);
    }

    public Collection<ClientSession> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    public int count() {
        return byId.size();
    }

    public long totalConnections() {
        return totalConnections;
    }

    public long rejectedConnections() {
        return rejectedConnections;
    }
}
