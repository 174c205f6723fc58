/** The pure domain: keyspace, typed values, expiry. Depends on nothing but java.base. */
module io.jredis.domain {
    exports io.jredis.domain.geo;
    exports io.jredis.domain.keyspace;
    exports io.jredis.domain.value;
}
