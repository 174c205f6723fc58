package io.jredis.application.command.hyperloglog;

import io.jredis.application.testing.CommandTester;
import io.jredis.application.testing.Transcript;
import org.junit.jupiter.api.Test;

/** PFADD, PFCOUNT, PFMERGE, PFDEBUG, PFSELFTEST and hll-sparse-max-bytes: replies recorded from a real redis-server 7.0.15 over RESP3. */
class HyperLogLogTranscriptTest {

    private final CommandTester t = new CommandTester();

    /** Sparse and dense HLLs, validity checks, the cached cardinality, corrupt values, TTLs. */
    @Test
    void hyperLogLogCommands() {
        Transcript.replay(t, """
            "config", "set", "hll-sparse-max-bytes", "3000" => OK
            # PFADD / PFCOUNT
            "pfadd", "h" => (integer) 1
            "pfadd", "h" => (integer) 0
            "pfcount", "h" => (integer) 0
            "pfadd", "h", "a", "b", "c" => (integer) 1
            "pfadd", "h", "a" => (integer) 0
            "pfcount", "h" => (integer) 3
            "pfdebug", "encoding", "h" => sparse
            "pfdebug", "decode", "h" => "Z:8436 v:1,1 Z:4274 v:2,1 Z:3068 v:1,1 Z:603"
            "object", "encoding", "h" => "raw"
            "strlen", "h" => (integer) 27
            "pfadd", "h2", "c", "d", "e", "f" => (integer) 1
            "pfcount", "h", "h2" => (integer) 6
            "pfcount", "h", "h2", "nokey" => (integer) 6
            "pfcount", "nokey" => (integer) 0
            "pfcount", "nokey", "nokey2" => (integer) 0
            "pfmerge", "m", "h", "h2" => OK
            "pfcount", "m" => (integer) 6
            "pfdebug", "decode", "m" => "Z:1646 v:1,1 Z:5645 v:1,1 Z:1143 v:1,1 Z:4274 v:2,1 Z:2445 v:1,1 Z:622 v:1,1 Z:603"
            "pfmerge", "m" => OK
            "pfmerge", "empty" => OK
            "pfcount", "empty" => (integer) 0
            "strlen", "empty" => (integer) 18
            # types and validity
            "rpush", "l", "x" => (integer) 1
            "set", "s", "hello" => OK
            "pfadd", "l", "a" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "pfadd", "s", "a" => (error) WRONGTYPE Key is not a valid HyperLogLog string value.
            "pfcount", "s" => (error) WRONGTYPE Key is not a valid HyperLogLog string value.
            "pfcount", "h", "s" => (error) WRONGTYPE Key is not a valid HyperLogLog string value.
            "pfcount", "l", "h" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "pfmerge", "h", "s" => (error) WRONGTYPE Key is not a valid HyperLogLog string value.
            "pfmerge", "s", "h" => (error) WRONGTYPE Key is not a valid HyperLogLog string value.
            "set", "i", "12345678901234567" => OK
            "pfadd", "i", "x" => (error) WRONGTYPE Key is not a valid HyperLogLog string value.
            "set", "bad", "HYLL\u0002\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u007f\u007f" => OK
            "pfcount", "bad" => (error) WRONGTYPE Key is not a valid HyperLogLog string value.
            "set", "shortdense", "HYLL\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000" => OK
            "pfcount", "shortdense" => (error) WRONGTYPE Key is not a valid HyperLogLog string value.
            "set", "corrupt", "HYLL\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u007f\u0000" => OK
            "pfcount", "corrupt" => (integer) 0
            "pfcount", "corrupt", "h" => (error) INVALIDOBJ Corrupted HLL object detected
            "pfmerge", "m", "corrupt" => (error) INVALIDOBJ Corrupted HLL object detected
            "pfdebug", "todense", "corrupt" => (error) INVALIDOBJ Corrupted HLL object detected
            "pfdebug", "getreg", "corrupt" => (error) INVALIDOBJ Corrupted HLL object detected
            "pfdebug", "decode", "corrupt" => "Z:16129"
            "set", "cached", "HYLL\u0001\u0000\u0000\u0000\u0005\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u007f\u0000" => OK
            "pfcount", "cached" => (integer) 5
            "object", "encoding", "cached" => "raw"
            "pfadd", "cached", "a" => (integer) 1
            # PFDEBUG
            "pfdebug", "todense", "h" => (integer) 1
            "pfdebug", "encoding", "h" => dense
            "pfdebug", "todense", "h" => (integer) 0
            "pfdebug", "decode", "h" => (error) ERR HLL encoding is not sparse
            "strlen", "h" => (integer) 12304
            "pfcount", "h" => (integer) 3
            "pfadd", "h", "zzz" => (integer) 1
            "pfcount", "h" => (integer) 4
            "pfdebug", "bogus", "h" => (error) ERR Unknown PFDEBUG subcommand 'bogus'
            "pfdebug", "encoding", "nokey" => (error) ERR The specified key does not exist
            "pfdebug", "encoding", "l" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "pfdebug", "encoding", "s" => (error) WRONGTYPE Key is not a valid HyperLogLog string value.
            "pfdebug", "encoding" => (error) ERR wrong number of arguments for 'pfdebug' command
            # TTL survives, PFMERGE into a dense source turns dense
            "pfadd", "t", "x" => (integer) 1
            "expire", "t", "100" => (integer) 1
            "pfadd", "t", "y", "z" => (integer) 1
            "pfcount", "t" => (integer) 3
            "ttl", "t" => (integer) 100
            "pfmerge", "t", "h" => OK
            "pfdebug", "encoding", "t" => dense
            "ttl", "t" => (integer) 100
            # hll-sparse-max-bytes
            "config", "get", "hll-sparse-max-bytes" => {"hll-sparse-max-bytes"="3000"}
            "config", "set", "hll-sparse-max-bytes", "20" => OK
            "pfadd", "small", "a", "b", "c" => (integer) 1
            "pfdebug", "encoding", "small" => dense
            "pfadd", "small2", "a" => (integer) 1
            "pfdebug", "encoding", "small2" => dense
            "pfadd", "small2", "b" => (integer) 1
            "pfdebug", "encoding", "small2" => dense
            "strlen", "small2" => (integer) 12304
            "config", "set", "hll-sparse-max-bytes", "1kb" => OK
            "config", "get", "hll-sparse-max-bytes" => {"hll-sparse-max-bytes"="1024"}
            "config", "set", "hll-sparse-max-bytes", "-1" => (error) ERR CONFIG SET failed (possibly related to argument 'hll-sparse-max-bytes') - argument must be a memory value
            "config", "set", "hll-sparse-max-bytes", "3000" => OK
            "pfselftest" => OK
            "pfselftest", "x" => (error) ERR wrong number of arguments for 'pfselftest' command
            """);
    }
}
