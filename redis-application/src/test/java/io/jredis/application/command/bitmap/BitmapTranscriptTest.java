package io.jredis.application.command.bitmap;

import io.jredis.application.testing.CommandTester;
import io.jredis.application.testing.Transcript;
import org.junit.jupiter.api.Test;

/** SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP and BITFIELD(_RO): replies recorded from a real redis-server 7.0.15 over RESP3. */
class BitmapTranscriptTest {

    private final CommandTester t = new CommandTester();

    /** Growth, int-encoded strings, ranges in bytes and bits, error texts and their order. */
    @Test
    void bitsCountsPositionsAndOperations() {
        Transcript.replay(t, """
            # SETBIT/GETBIT: growth, old bit, errors, types
            "setbit", "b", "7", "1" => (integer) 0
            "get", "b" => "\u0001"
            "object", "encoding", "b" => "raw"
            "setbit", "b", "7", "0" => (integer) 1
            "setbit", "b", "7", "1" => (integer) 0
            "strlen", "b" => (integer) 1
            "setbit", "b", "17", "1" => (integer) 0
            "strlen", "b" => (integer) 3
            "getbit", "b", "7" => (integer) 1
            "getbit", "b", "6" => (integer) 0
            "getbit", "b", "17" => (integer) 1
            "getbit", "b", "1000" => (integer) 0
            "getbit", "nokey", "0" => (integer) 0
            "setbit", "b", "-1", "1" => (error) ERR bit offset is not an integer or out of range
            "setbit", "b", "x", "1" => (error) ERR bit offset is not an integer or out of range
            "setbit", "b", "4294967296", "1" => (error) ERR bit offset is not an integer or out of range
            "setbit", "b", "0", "2" => (error) ERR bit is not an integer or out of range
            "setbit", "b", "0", "-1" => (error) ERR bit is not an integer or out of range
            "setbit", "b", "0", "x" => (error) ERR bit is not an integer or out of range
            "getbit", "b", "-1" => (error) ERR bit offset is not an integer or out of range
            "getbit", "b", "01" => (error) ERR bit offset is not an integer or out of range
            "set", "n", "12" => OK
            "object", "encoding", "n" => "int"
            "getbit", "n", "2" => (integer) 1
            "getbit", "n", "7" => (integer) 1
            "setbit", "n", "6", "0" => (integer) 0
            "get", "n" => "12"
            "object", "encoding", "n" => "raw"
            "rpush", "l", "a" => (integer) 1
            "setbit", "l", "0", "1" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "getbit", "l", "0" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "set", "t", "a", "ex", "100" => OK
            "setbit", "t", "100", "1" => (integer) 0
            "ttl", "t" => (integer) 100
            "setbit", "fresh", "0", "0" => (integer) 0
            "exists", "fresh" => (integer) 1
            "get", "fresh" => "\u0000"
            # BITCOUNT
            "set", "s", "foobar" => OK
            "bitcount", "s" => (integer) 26
            "bitcount", "s", "0", "0" => (integer) 4
            "bitcount", "s", "1", "1" => (integer) 6
            "bitcount", "s", "1", "1", "byte" => (integer) 6
            "bitcount", "s", "5", "30", "bit" => (integer) 17
            "bitcount", "s", "-1", "-1" => (integer) 4
            "bitcount", "s", "-2", "-1", "BIT" => (integer) 1
            "bitcount", "s", "-1", "-5" => (integer) 0
            "bitcount", "s", "-1", "-5", "bogus" => (integer) 0
            "bitcount", "s", "2", "1" => (integer) 0
            "bitcount", "s", "0", "100" => (integer) 26
            "bitcount", "s", "0" => (error) ERR syntax error
            "bitcount", "s", "0", "1", "bit", "x" => (error) ERR syntax error
            "bitcount", "s", "a", "1" => (error) ERR value is not an integer or out of range
            "bitcount", "s", "0", "1", "bogus" => (error) ERR syntax error
            "bitcount", "nokey", "a", "b" => (integer) 0
            "bitcount", "l" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "bitcount", "n" => (integer) 6
            # BITPOS
            "bitfield", "p", "set", "u24", "0", "16773120" => [(integer) 0]
            "bitpos", "p", "0" => (integer) 12
            "bitpos", "p", "1" => (integer) 0
            "bitpos", "p", "1", "2" => (integer) -1
            "bitpos", "p", "0", "0", "-1" => (integer) 12
            "bitpos", "p", "0", "1" => (integer) 12
            "bitpos", "p", "1", "7", "15", "bit" => (integer) 7
            "bitpos", "p", "0", "7", "11", "BIT" => (integer) -1
            "bitpos", "p", "0", "0", "11", "bit" => (integer) -1
            "bitpos", "p", "1", "3", "3" => (integer) -1
            "bitpos", "p", "0", "0", "0" => (integer) -1
            "bitpos", "p", "0", "3", "1" => (integer) -1
            "bitpos", "p", "2" => (error) ERR The bit argument must be 1 or 0.
            "bitpos", "p", "x" => (error) ERR value is not an integer or out of range
            "bitpos", "p", "1", "x" => (error) ERR value is not an integer or out of range
            "bitpos", "p", "1", "0", "x" => (error) ERR value is not an integer or out of range
            "bitpos", "p", "1", "0", "1", "bogus" => (error) ERR syntax error
            "bitpos", "nokey", "0" => (integer) 0
            "bitpos", "nokey", "1" => (integer) -1
            "bitpos", "nokey", "1", "x" => (integer) -1
            "bitfield", "ones", "set", "u16", "0", "65535" => [(integer) 0]
            "bitpos", "ones", "0" => (integer) 16
            "bitpos", "ones", "0", "0" => (integer) 16
            "bitpos", "ones", "0", "0", "-1" => (integer) -1
            "bitpos", "l", "1" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            # BITOP
            "set", "x1", "abc" => OK
            "set", "x2", "a" => OK
            "bitop", "and", "d", "x1", "x2" => (integer) 3
            "get", "d" => "a\u0000\u0000"
            "object", "encoding", "d" => "raw"
            "bitop", "or", "d", "x1", "x2", "nokey" => (integer) 3
            "get", "d" => "abc"
            "bitop", "xor", "d", "x1", "x2" => (integer) 3
            "get", "d" => "\u0000bc"
            "bitop", "not", "d", "x2" => (integer) 1
            "strlen", "d" => (integer) 1
            "bitop", "not", "d", "x1", "x2" => (error) ERR BITOP NOT must be called with a single source key.
            "bitop", "nand", "d", "x1" => (error) ERR syntax error
            "bitop", "and", "d", "l" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "set", "d", "v", "ex", "100" => OK
            "bitop", "or", "d", "x2" => (integer) 1
            "ttl", "d" => (integer) -1
            "bitop", "and", "d", "nokey1", "nokey2" => (integer) 0
            "exists", "d" => (integer) 0
            "bitop", "and", "d", "nokey1" => (integer) 0
            """);
    }

    /** Signed and unsigned fields up to i64/u63, # offsets, WRAP/SAT/FAIL, BITFIELD_RO. */
    @Test
    void bitfieldTypesOffsetsAndOverflow() {
        Transcript.replay(t, """
            "rpush", "l", "a" => (integer) 1
            # BITFIELD
            "bitfield", "f", "set", "u8", "0", "255", "get", "u8", "0", "get", "i8", "0" => [(integer) 0, (integer) 255, (integer) -1]
            "bitfield", "f", "incrby", "u2", "100", "1", "overflow", "sat", "incrby", "i2", "102", "1" => [(integer) 1, (integer) 1]
            "bitfield", "f", "incrby", "u2", "100", "1", "overflow", "sat", "incrby", "i2", "102", "1" => [(integer) 2, (integer) 1]
            "bitfield", "f", "overflow", "fail", "incrby", "u2", "100", "1" => [(integer) 3]
            "bitfield", "f", "overflow", "FAIL", "set", "i8", "8", "200", "get", "u8", "8" => [(nil), (integer) 0]
            "bitfield", "f", "overflow", "wrap", "set", "i8", "8", "200", "get", "u8", "8", "get", "i8", "8" => [(integer) 0, (integer) 200, (integer) -56]
            "bitfield", "f", "overflow", "sat", "set", "i8", "8", "200", "set", "u4", "16", "-1", "get", "u4", "16" => [(integer) -56, (integer) 0, (integer) 15]
            "bitfield", "f", "set", "i8", "#2", "-100", "get", "i8", "#2", "get", "u8", "16" => [(integer) -16, (integer) -100, (integer) 156]
            "bitfield", "f", "incrby", "i64", "64", "9223372036854775807", "incrby", "i64", "64", "1" => [(integer) -9223372036636672001, (integer) -9223372036636672000]
            "bitfield", "f", "overflow", "sat", "incrby", "i64", "128", "-9223372036854775808", "incrby", "i64", "128", "-1" => [(integer) -9223372036854775808, (integer) -9223372036854775808]
            "bitfield", "f", "set", "u63", "192", "9223372036854775807", "overflow", "wrap", "incrby", "u63", "192", "2" => [(integer) 0, (integer) 1]
            "bitfield", "f", "get", "i5", "3", "get", "u1", "0", "get", "i1", "0", "get", "u7", "1000" => [(integer) -1, (integer) 1, (integer) -1, (integer) 0]
            "strlen", "f" => (integer) 32
            "bitfield", "f" => []
            "bitfield", "f", "get", "u64", "0" => (error) ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.
            "bitfield", "f", "get", "i65", "0" => (error) ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.
            "bitfield", "f", "get", "u0", "0" => (error) ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.
            "bitfield", "f", "get", "I8", "0" => (error) ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.
            "bitfield", "f", "get", "i8", "-1" => (error) ERR bit offset is not an integer or out of range
            "bitfield", "f", "get", "i8", "#-1" => (error) ERR bit offset is not an integer or out of range
            "bitfield", "f", "get", "i8", "#x" => (error) ERR bit offset is not an integer or out of range
            "bitfield", "f", "get", "i8", "4294967296" => (error) ERR bit offset is not an integer or out of range
            "bitfield", "f", "set", "i8", "0", "x" => (error) ERR value is not an integer or out of range
            "bitfield", "f", "set", "i8", "0" => (error) ERR syntax error
            "bitfield", "f", "overflow", "maybe", "get", "i8", "0" => (error) ERR Invalid OVERFLOW type specified
            "bitfield", "f", "overflow" => (error) ERR syntax error
            "bitfield", "f", "bogus", "i8", "0" => (error) ERR syntax error
            "bitfield", "f", "get", "i8" => (error) ERR syntax error
            "bitfield", "nokey", "get", "i8", "0" => [(integer) 0]
            "exists", "nokey" => (integer) 0
            "bitfield", "nokey", "overflow", "fail", "incrby", "u2", "0", "10" => [(nil)]
            "exists", "nokey" => (integer) 1
            "get", "nokey" => "\u0000"
            "bitfield", "l", "get", "i8", "0" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "bitfield", "l", "set", "i8", "0", "1" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "bitfield_ro", "f", "get", "u8", "0", "get", "i4", "#1" => [(integer) 255, (integer) -1]
            "bitfield_ro", "f", "set", "u8", "0", "1" => (error) ERR BITFIELD_RO only supports the GET subcommand
            "bitfield_ro", "f", "incrby", "u8", "0", "x" => (error) ERR value is not an integer or out of range
            "bitfield_ro", "f", "overflow", "sat", "get", "u8", "0" => [(integer) 255]
            "bitfield_ro", "l", "get", "u8", "0" => (error) WRONGTYPE Operation against a key holding the wrong kind of value
            "bitfield_ro", "missing", "get", "u8", "0" => [(integer) 0]
            "set", "n", "7" => OK
            "bitfield", "n", "get", "u8", "0", "incrby", "u8", "0", "1" => [(integer) 55, (integer) 56]
            "get", "n" => "8"
            "object", "encoding", "n" => "raw"
            """);
    }
}
