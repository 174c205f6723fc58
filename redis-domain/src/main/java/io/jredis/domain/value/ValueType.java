package io.jredis.domain.value;

/** The types TYPE reports, with Redis's names. */
public enum ValueType {
    STRING("string"),
    LIST("list"),
    SET("set"),
    ZSET("zset"),
    HASH("hash"),
    STREAM("stream");

    private final String redisName;

    ValueType(String redisName) {
        this.redisName = redisName;
    }

    public String redisName() {
        return redisName;
    }

    /** The type of a stored value; values of later types implement {@link TypedValue}. */
    public static ValueType of(Object value) {
        if (value instanceof TypedValue t) {
            return t.type();
        }
        return STRING;
    }
}
