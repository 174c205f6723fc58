package io.jredis.application.command.server;

import io.jredis.application.testing.Transcript;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

/**
 * COMMAND INFO with Redis 7's key specs (notes, per-spec flags, index or keyword begin_search,
 * range or keynum find_keys) and GETKEYSANDFLAGS's per-key flags; every reply recorded from a
 * real redis-server 7.0.15 over RESP3. OBJECT's subcommands are pinned one by one: Redis lists a
 * container's subcommands in the order of a dict seeded at random on each start, so the full
 * OBJECT entry's order differs between two runs of redis-server itself.
 */
class KeySpecsTest {

    private final CommandTester t = new CommandTester();

    @Test
    void commandInfoListsEveryKeySpec() {
        Transcript.replay(t, """
            "command", "info", "set" => [["set", (integer) -3, ~write, denyoom~, (integer) 1, (integer) 1, (integer) 1, ~@write, @string, @slow~, ~~, ~{"notes"="RW and ACCESS due to the optional `GET` argument", "flags"=~RW, access, update, variable_flags~, "begin_search"={"type"="index", "spec"={"index"=(integer) 1}}, "find_keys"={"type"="range", "spec"={"lastkey"=(integer) 0, "keystep"=(integer) 1, "limit"=(integer) 0}}}~, ~~]]
            "command", "info", "del" => [["del", (integer) -2, ~write~, (integer) 1, (integer) -1, (integer) 1, ~@keyspace, @write, @slow~, ~"request_policy:multi_shard", "response_policy:agg_sum"~, ~{"flags"=~RM, delete~, "begin_search"={"type"="index", "spec"={"index"=(integer) 1}}, "find_keys"={"type"="range", "spec"={"lastkey"=(integer) -1, "keystep"=(integer) 1, "limit"=(integer) 0}}}~, ~~]]
            "command", "info", "lmove" => [["lmove", (integer) 5, ~write, denyoom~, (integer) 1, (integer) 2, (integer) 1, ~@write, @list, @slow~, ~~, ~{"flags"=~RW, access, delete~, "begin_search"={"type"="index", "spec"={"index"=(integer) 1}}, "find_keys"={"type"="range", "spec"={"lastkey"=(integer) 0, "keystep"=(integer) 1, "limit"=(integer) 0}}}, {"flags"=~RW, insert~, "begin_search"={"type"="index", "spec"={"index"=(integer) 2}}, "find_keys"={"type"="range", "spec"={"lastkey"=(integer) 0, "keystep"=(integer) 1, "limit"=(integer) 0}}}~, ~~]]
            "command", "info", "zunionstore" => [["zunionstore", (integer) -4, ~write, denyoom, movablekeys~, (integer) 1, (integer) 1, (integer) 1, ~@write, @sortedset, @slow~, ~~, ~{"flags"=~OW, update~, "begin_search"={"type"="index", "spec"={"index"=(integer) 1}}, "find_keys"={"type"="range", "spec"={"lastkey"=(integer) 0, "keystep"=(integer) 1, "limit"=(integer) 0}}}, {"flags"=~RO, access~, "begin_search"={"type"="index", "spec"={"index"=(integer) 2}}, "find_keys"={"type"="keynum", "spec"={"keynumidx"=(integer) 0, "firstkey"=(integer) 1, "keystep"=(integer) 1}}}~, ~~]]
            "command", "info", "xread" => [["xread", (integer) -4, ~readonly, blocking, movablekeys~, (integer) 0, (integer) 0, (integer) 0, ~@read, @stream, @slow, @blocking~, ~~, ~{"flags"=~RO, access~, "begin_search"={"type"="keyword", "spec"={"keyword"="STREAMS", "startfrom"=(integer) 1}}, "find_keys"={"type"="range", "spec"={"lastkey"=(integer) -1, "keystep"=(integer) 1, "limit"=(integer) 2}}}~, ~~]]
            "command", "info", "object|encoding" => [["object|encoding", (integer) 3, ~readonly~, (integer) 2, (integer) 2, (integer) 1, ~@keyspace, @read, @slow~, ~"nondeterministic_output"~, ~{"flags"=~RO~, "begin_search"={"type"="index", "spec"={"index"=(integer) 2}}, "find_keys"={"type"="range", "spec"={"lastkey"=(integer) 0, "keystep"=(integer) 1, "limit"=(integer) 0}}}~, ~~]]
            "command", "info", "object|freq" => [["object|freq", (integer) 3, ~readonly~, (integer) 2, (integer) 2, (integer) 1, ~@keyspace, @read, @slow~, ~"nondeterministic_output"~, ~{"flags"=~RO~, "begin_search"={"type"="index", "spec"={"index"=(integer) 2}}, "find_keys"={"type"="range", "spec"={"lastkey"=(integer) 0, "keystep"=(integer) 1, "limit"=(integer) 0}}}~, ~~]]
            """);
    }

    @Test
    void getkeysandflagsGivesEachKeyItsSpecsFlags() {
        Transcript.replay(t, """
            "command", "getkeysandflags", "set", "k", "v" => [["k", ~OW, update~]]
            "command", "getkeysandflags", "set", "k", "v", "ex", "1", "get" => [["k", ~RW, access, update~]]
            "command", "getkeysandflags", "rename", "a", "b" => [["a", ~RW, access, delete~], ["b", ~OW, update~]]
            "command", "getkeysandflags", "smove", "a", "b", "m" => [["a", ~RW, access, delete~], ["b", ~RW, insert~]]
            """);
    }
}
