package io.jredis.application.command;

/** Command flags with the names COMMAND INFO reports, as in Redis's command table. */
public enum CommandFlag {
    WRITE("write"),
    READONLY("readonly"),
    DENYOOM("denyoom"),
    ADMIN("admin"),
    PUBSUB("pubsub"),
    NOSCRIPT("noscript"),
    BLOCKING("blocking"),
    LOADING("loading"),
    STALE("stale"),
    SKIP_MONITOR("skip_monitor"),
    SKIP_SLOWLOG("skip_slowlog"),
    FAST("fast"),
    NO_AUTH("no_auth"),
    MAY_REPLICATE("may_replicate"),
    NO_MANDATORY_KEYS("no_mandatory_keys"),
    NO_ASYNC_LOADING("no_async_loading"),
    NO_MULTI("no_multi"),
    ALLOW_BUSY("allow_busy"),
    MOVABLEKEYS("movablekeys"),
    ASKING("asking"),
    /**
     * Internal, not listed by COMMAND: the command may reclaim expired keys it was not given
     * (SCAN, RANDOMKEY), so Redis 7.0 propagates those deletions one by one, not as a unit.
     */
    TOUCHES_ARBITRARY_KEYS("touches_arbitrary_keys"),
    /** Internal, not listed by COMMAND: Redis's CMD_PROTECTED (DEBUG), refused unless enable-debug-command allows it. */
    PROTECTED("protected");

    private final String redisName;

    CommandFlag(String redisName) {
        this.redisName = redisName;
    }

    public String redisName() {
        return redisName;
    }
}
