package io.jredis.application.pubsub;

import java.util.LinkedHashSet;

/**
 * One client's subscriptions, in the order it made them (what an UNSUBSCRIBE without arguments
 * walks). Changed only through {@link PubSub}, which keeps the server-wide index in step.
 */
public final class Subscriptions {

    final LinkedHashSet<Channel> channels = new LinkedHashSet<>();
    final LinkedHashSet<Channel> patterns = new LinkedHashSet<>();
    final LinkedHashSet<Channel> shardChannels = new LinkedHashSet<>();

    /** CLIENT LIST sub=. */
    public int channelCount() {
        return channels.size();
    }

    /** CLIENT LIST psub=. */
    public int patternCount() {
        return patterns.size();
    }

    /** CLIENT LIST ssub=. */
    public int shardChannelCount() {
        return shardChannels.size();
    }

    /**
     * The count the (P)SUBSCRIBE and (P)UNSUBSCRIBE frames carry: channels and patterns together,
     * as Redis 7.0's clientSubscriptionsCount (shard channels are counted apart).
     */
    public int count() {
        return channels.size() + patterns.size();
    }

    /** Every kind together: the client leaves the subscribed context when this reaches zero. */
    public int total() {
        return channels.size() + patterns.size() + shardChannels.size();
    }

    /**
     * Whether {@code allowed} (name, is-pattern) accepts every subscription: an ACL change closes
     * a client for which it does not, as Redis's ACLKillPubsubClientsIfNeeded.
     */
    public boolean allAllowed(java.util.function.BiPredicate<byte[], Boolean> allowed) {
        for (Channel c : channels) {
            if (!allowed.test(c.bytes(), false)) {
                return false;
            }
        }
        for (Channel c : shardChannels) {
            if (!allowed.test(c.bytes(), false)) {
                return false;
            }
        }
        for (Channel c : patterns) {
            if (!allowed.test(c.bytes(), true)) {
                return false;
            }
        }
        return true;
    }
}
