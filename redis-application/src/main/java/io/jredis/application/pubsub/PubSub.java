package io.jredis.application.pubsub;

import io.jredis.application.port.ClientConnection;
import io.jredis.application.port.ReplySink;
import io.jredis.application.session.ClientSession;
import io.jredis.domain.keyspace.Glob;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Who listens to what: channels, patterns and shard channels, each with its subscribers in
 * subscription order, and the delivery of published messages to them out of turn through
 * each subscriber's own reply sink. Owned by the command thread. Publishing while nobody
 * subscribes costs two emptiness checks.
 */
public final class PubSub {

    /** The three kinds of subscription, with the names of their frames. */
    public enum Kind {
        CHANNEL("subscribe", "unsubscribe"),
        PATTERN("psubscribe", "punsubscribe"),
        SHARD("ssubscribe", "sunsubscribe");

        private final byte[] subscribe;
        private final byte[] unsubscribe;

        Kind(String subscribe, String unsubscribe) {
            this.subscribe = subscribe.getBytes(StandardCharsets.US_ASCII);
            this.unsubscribe = unsubscribe.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static final byte[] MESSAGE = "message".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PMESSAGE = "pmessage".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SMESSAGE = "smessage".getBytes(StandardCharsets.US_ASCII);

    private final Map<Channel, LinkedHashSet<ClientSession>> channels = new LinkedHashMap<>();
    /** Walked on every publish: kept in the order patterns first appeared. */
    private final Map<Channel, LinkedHashSet<ClientSession>> patterns = new LinkedHashMap<>();
    private final Map<Channel, LinkedHashSet<ClientSession>> shardChannels = new LinkedHashMap<>();
    /** Repointed at an argument for lookups (command thread only). */
    private final Channel probe = Channel.probe();

    // ---------------------------------------------------------------- subscribing

    /**
     * Subscribes a client (nothing changes when it already is) and replies the confirmation
     * frame: kind, name, and the client's count for that kind.
     */
    public void subscribe(ClientSession client, Kind kind, byte[] buf, int off, int len, ReplySink reply) {
        Subscriptions subs = client.subscriptions();
        if (subs == null) {
            subs = new Subscriptions();
            client.setSubscriptions(subs);
        }
        LinkedHashSet<Channel> own = own(subs, kind);
        if (!own.contains(probe.point(buf, off, len))) {
            Channel name = Channel.copyOf(buf, off, len);
            own.add(name);
            index(kind).computeIfAbsent(name, k -> new LinkedHashSet<>()).add(client);
        }
        frame(reply, kind.subscribe, buf, off, len, count(subs, kind));
    }

    /** Unsubscribes a client from one name and replies the frame, subscribed or not. */
    public void unsubscribe(ClientSession client, Kind kind, byte[] buf, int off, int len, ReplySink reply) {
        Subscriptions subs = client.subscriptions();
        if (subs != null) {
            remove(client, kind, subs, probe.point(buf, off, len));
        }
        frame(reply, kind.unsubscribe, buf, off, len, subs == null ? 0 : count(subs, kind));
    }

    /**
     * Unsubscribes a client from every name of a kind, a frame per name in subscription order;
     * a single frame with a null name when there was none.
     */
    public void unsubscribeAll(ClientSession client, Kind kind, ReplySink reply) {
        Subscriptions subs = client.subscriptions();
        if (subs == null || own(subs, kind).isEmpty()) {
            reply.push(3);
            reply.bulk(kind.unsubscribe);
            reply.nullBulk();
            reply.integer(subs == null ? 0 : count(subs, kind));
            return;
        }
        for (Channel name : new ArrayList<>(own(subs, kind))) {
            remove(client, kind, subs, name);
            byte[] b = name.bytes();
            frame(reply, kind.unsubscribe, b, 0, b.length, count(subs, kind));
        }
    }

    /** Forgets every subscription of a client without a word (disconnect, RESET). */
    public void forget(ClientSession client) {
        Subscriptions subs = client.subscriptions();
        if (subs == null) {
            return;
        }
        for (Kind kind : Kind.values()) {
            for (Channel name : new ArrayList<>(own(subs, kind))) {
                remove(client, kind, subs, name);
            }
        }
        client.setSubscriptions(null);
    }

    private void remove(ClientSession client, Kind kind, Subscriptions subs, Channel name) {
        if (!own(subs, kind).remove(name)) {
            return;
        }
        Map<Channel, LinkedHashSet<ClientSession>> index = index(kind);
        LinkedHashSet<ClientSession> clients = index.get(name);
        if (clients != null) {
            clients.remove(client);
            if (clients.isEmpty()) {
                index.remove(name);
            }
        }
    }

    private static void frame(ReplySink reply, byte[] what, byte[] buf, int off, int len, int count) {
        reply.push(3);
        reply.bulk(what);
        reply.bulk(buf, off, len);
        reply.integer(count);
    }

    private static int count(Subscriptions subs, Kind kind) {
        return kind == Kind.SHARD ? subs.shardChannelCount() : subs.count();
    }

    private static LinkedHashSet<Channel> own(Subscriptions subs, Kind kind) {
        return switch (kind) {
            case CHANNEL -> subs.channels;
            case PATTERN -> subs.patterns;
            case SHARD -> subs.shardChannels;
        };
    }

    private Map<Channel, LinkedHashSet<ClientSession>> index(Kind kind) {
        return switch (kind) {
            case CHANNEL -> channels;
            case PATTERN -> patterns;
            case SHARD -> shardChannels;
        };
    }

    // ---------------------------------------------------------------- publishing

    /**
     * PUBLISH: a message frame to each subscriber of the channel, then a pmessage frame per
     * matching pattern subscription. Returns how many frames were delivered.
     */
    public int publish(byte[] channel, int coff, int clen, byte[] message, int moff, int mlen) {
        if (channels.isEmpty() && patterns.isEmpty()) {
            return 0;
        }
        int receivers = 0;
        LinkedHashSet<ClientSession> direct = channels.get(probe.point(channel, coff, clen));
        if (direct != null) {
            for (ClientSession s : direct) {
                ClientConnection c = s.connection();
                ReplySink out = c.replySink();
                out.push(3);
                out.bulk(MESSAGE);
                out.bulk(channel, coff, clen);
                out.bulk(message, moff, mlen);
                c.wake();
                receivers++;
            }
        }
        for (Map.Entry<Channel, LinkedHashSet<ClientSession>> e : patterns.entrySet()) {
            byte[] pattern = e.getKey().bytes();
            if (!Glob.matches(pattern, 0, pattern.length, channel, coff, clen, false)) {
                continue;
            }
            for (ClientSession s : e.getValue()) {
                ClientConnection c = s.connection();
                ReplySink out = c.replySink();
                out.push(4);
                out.bulk(PMESSAGE);
                out.bulk(pattern);
                out.bulk(channel, coff, clen);
                out.bulk(message, moff, mlen);
                c.wake();
                receivers++;
            }
        }
        return receivers;
    }

    /** SPUBLISH: an smessage frame to each subscriber of the shard channel (patterns play no part). */
    public int publishShard(byte[] channel, int coff, int clen, byte[] message, int moff, int mlen) {
        if (shardChannels.isEmpty()) {
            return 0;
        }
        LinkedHashSet<ClientSession> direct = shardChannels.get(probe.point(channel, coff, clen));
        if (direct == null) {
            return 0;
        }
        for (ClientSession s : direct) {
            ClientConnection c = s.connection();
            ReplySink out = c.replySink();
            out.push(3);
            out.bulk(SMESSAGE);
            out.bulk(channel, coff, clen);
            out.bulk(message, moff, mlen);
            c.wake();
        }
        return direct.size();
    }

    // ---------------------------------------------------------------- introspection

    /** Channels with at least one subscriber (INFO pubsub_channels). */
    public int channelCount() {
        return channels.size();
    }

    /** Distinct patterns subscribed to (INFO pubsub_patterns, PUBSUB NUMPAT). */
    public int patternCount() {
        return patterns.size();
    }

    /** Shard channels with at least one subscriber (INFO pubsubshard_channels). */
    public int shardChannelCount() {
        return shardChannels.size();
    }

    /** Subscribers of a channel, or of a shard channel (PUBSUB NUMSUB / SHARDNUMSUB). */
    public int subscribers(boolean shard, byte[] buf, int off, int len) {
        LinkedHashSet<ClientSession> s = (shard ? shardChannels : channels).get(probe.point(buf, off, len));
        return s == null ? 0 : s.size();
    }

    /** Active channel names matching a pattern, every one when it is null (PUBSUB CHANNELS / SHARDCHANNELS). */
    public List<byte[]> names(boolean shard, byte[] pattern) {
        List<byte[]> out = new ArrayList<>();
        for (Channel c : (shard ? shardChannels : channels).keySet()) {
            byte[] b = c.bytes();
            if (pattern == null || Glob.matches(pattern, b)) {
                out.add(b);
            }
        }
        return out;
    }
}
