package io.jredis.domain.keyspace;

/**
 * How lookups treat a key whose time to live has passed: Redis's expireIfNeeded differs between
 * a master and a replica, whose master alone decides when a key is gone (it sends DEL).
 */
public enum ExpiryPolicy {
    /** A master: the key is removed when met and by the active cycle, and listeners hear of it. */
    RECLAIM,
    /**
     * A replica serving its own clients: reads see the key as missing but it stays stored until
     * the master's DEL; a write that replaces it (a writable replica) still removes it first.
     */
    HIDE,
    /** A replica applying its master's stream: the key is still there, as on the master. */
    KEEP
}
