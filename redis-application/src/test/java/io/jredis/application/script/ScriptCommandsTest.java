package io.jredis.application.script;

import io.jredis.application.session.ClientSession;
import io.jredis.application.testing.CommandTester;
import io.jredis.application.testing.RecordingWriteLog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** EVAL/EVALSHA/SCRIPT around the interpreter; expected replies checked on redis-server 7.0.15. */
class ScriptCommandsTest {

    private final CommandTester t = new CommandTester();

    @Test
    void scriptLoadEvalshaExistsAndFlush() {
        assertEquals("\"e0e1f9fabfc9d4800c877a703b823ac0578ff8db\"", t.run("SCRIPT", "LOAD", "return 1"));
        assertEquals("(integer) 1", t.run("EVALSHA", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db", "0"));
        assertEquals("(integer) 1", t.run("EVALSHA", "E0E1F9FABFC9D4800C877A703B823AC0578FF8DB", "0"));
        assertEquals("[(integer) 1, (integer) 0]", t.run("SCRIPT", "EXISTS", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db",
                "0000000000000000000000000000000000000000"));
        assertEquals("OK", t.run("SCRIPT", "FLUSH", "ASYNC"));
        assertEquals("[(integer) 0]", t.run("SCRIPT", "EXISTS", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db"));
        assertEquals("(error) NOSCRIPT No matching script. Please use EVAL.",
                t.run("EVALSHA", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db", "0"));
        assertEquals("(error) NOSCRIPT No matching script. Please use EVAL.", t.run("EVALSHA", "abc", "0"));
        assertEquals("(error) ERR SCRIPT FLUSH only support SYNC|ASYNC option", t.run("SCRIPT", "FLUSH", "x"));
        assertEquals("(error) NOTBUSY No scripts in execution right now.", t.run("SCRIPT", "KILL"));
        assertEquals("(error) ERR Use SCRIPT DEBUG YES/SYNC/NO", t.run("SCRIPT", "DEBUG", "x"));
        assertEquals("OK", t.run("SCRIPT", "DEBUG", "NO"));
        assertEquals("(error) ERR unknown subcommand 'bogus'. Try SCRIPT HELP.", t.run("SCRIPT", "bogus"));
        // EVAL caches too
        t.run("EVAL", "return 1", "0");
        assertEquals("[(integer) 1]", t.run("SCRIPT", "EXISTS", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db"));
    }

    private static String inScript(String error, String body) {
        return "(error) " + error + " script: " + ScriptEngine.sha1hex(body.getBytes()) + ", on @user_script:1.";
    }

    @Test
    void theScriptsUserMustBeAllowedItsCommandsKeysAndChannels() {
        // replies and ACL LOG from redis-server 7.0.15 for a user with +@all -set ~k* resetchannels
        t.run("ACL", "SETUSER", "u", "on", "nopass", "+@all", "-set", "~k*", "resetchannels");
        ClientSession c = t.newClient();
        String set = "return redis.call('set','k1','v')";
        String other = "return redis.call('get','other')";
        String publish = "return redis.call('publish','c','m')";
        t.send(c, "AUTH", "u", "x");
        t.send(c, "EVAL", set, "0");
        t.send(c, "EVAL", other, "0");
        t.send(c, "EVAL", "return redis.pcall('get','other')", "0");
        t.send(c, "EVAL", publish, "0");
        t.send(c, "EVAL", "return redis.call('get','k1')", "0");
        assertEquals(List.of("OK",
                inScript("ERR The user executing the script can't run this command or subcommand", set),
                inScript("ERR The user executing the script can't access at least one of the keys mentioned in the "
                        + "command arguments", other),
                "(error) ERR The user executing the script can't access at least one of the keys mentioned in the "
                        + "command arguments",
                inScript("ERR The user executing the script can't publish to the channel mentioned in the command",
                        publish),
                "(nil)"), t.replies(c));
        String log = t.run("ACL", "LOG", "1");
        assertEquals(true, log.contains("\"reason\"=\"channel\", \"context\"=\"lua\", \"object\"=\"c\""), log);
    }

    @Test
    void pubSubSubscriptionsAreNotAllowedFromScripts() {
        String sub = "return redis.call('subscribe','x')";
        assertEquals(inScript("ERR This Redis command is not allowed from script", sub), t.run("EVAL", sub, "0"));
        assertEquals("(integer) 0", t.run("EVAL", "return redis.call('publish','x','m')", "0"));
    }

    @Test
    void overTheLimitAScriptIsRefusedOnlyItsFirstWriteThatMayGrowTheData() {
        // redis-server 7.0.15 with maxmemory 1: a DEL first (a write, not denyoom) lets the SET through
        t.run("CONFIG", "SET", "maxmemory", "1");
        assertEquals("OK", t.run("EVAL", "redis.call('del','zz') return redis.call('set','k1','v')", "0"));
        String incr = "redis.call('incr','k2') return redis.call('set','k1','v')";
        assertEquals(inScript("OOM command not allowed when used memory > 'maxmemory'.", incr), t.run("EVAL", incr, "0"));
        assertEquals("(error) OOM command not allowed when used memory > 'maxmemory'.",
                t.run("EVAL", "return redis.pcall('set','k1','v')", "0"));
        assertEquals("\"v\"", t.run("EVAL", "return redis.call('get','k1')", "0"));
    }

    @Test
    void numkeysChecks() {
        assertEquals("(error) ERR Number of keys can't be negative", t.run("EVAL", "return 1", "-1"));
        assertEquals("(error) ERR Number of keys can't be greater than number of args", t.run("EVAL", "return 1", "2", "a"));
        assertEquals("(error) ERR value is not an integer or out of range", t.run("EVAL", "return 1", "x"));
        assertEquals("(error) ERR wrong number of arguments for 'eval' command", t.run("EVAL", "return 1"));
        // redis-server 7.0.15: a SHA-1 that is not 40 characters is NOSCRIPT before numkeys is read
        assertEquals("(error) NOSCRIPT No matching script. Please use EVAL.", t.run("EVALSHA", "abc", "x"));
        assertEquals("(error) ERR value is not an integer or out of range",
                t.run("EVALSHA", "0000000000000000000000000000000000000000", "x"));
        assertEquals("(error) ERR bin", t.run("EVAL", "return redis.error_reply(ARGV[1])", "0", "bin\0\r\n\u00ff"));
        // redis-server 7.0.15: bad arguments to status_reply/error_reply return an error table (no script suffix)
        assertEquals("(error) ERR wrong number or type of arguments", t.run("EVAL", "return redis.status_reply(nil)", "0"));
        assertEquals("(error) ERR wrong number or type of arguments", t.run("EVAL", "return redis.error_reply(nil)", "0"));
        // Lua 5.1 names an indexed operand "field '?'" unless its key is a constant string, parenthesised or not
        String concat = "return (ARGV[1]) .. 'x'";
        assertEquals(inScript("ERR user_script:1: attempt to concatenate field '?' (a nil value)", concat),
                t.run("EVAL", concat, "0"));
        assertEquals(inScript("ERR wrong number of arguments", "return redis.sha1hex()"),
                t.run("EVAL", "return redis.sha1hex()", "0"));
        assertEquals(inScript("ERR user_script:1: bin", "error(ARGV[1])"),
                t.run("EVAL", "error(ARGV[1])", "0", "bin\0\r\n\u00ff"));
    }

    @Test
    void compileErrorsAreNotCached() {
        assertEquals("(error) ERR Error compiling script (new function): user_script:1: unexpected symbol near '<eof>'",
                t.run("SCRIPT", "LOAD", "return 1 +"));
        assertEquals("(error) ERR Error compiling script (new function): user_script:1: 'end' expected near '<eof>'",
                t.run("EVAL", "if x then", "0"));
        assertEquals(0, t.server.scripts().cachedScripts());
    }

    @Test
    void shebangFlagsAndReadOnlyVariants() {
        t.run("SET", "m", "2");
        assertEquals("\"2\"", t.run("EVAL", "#!lua flags=no-writes\nreturn redis.call('get','m')", "0"));
        assertEquals("(error) ERR Write commands are not allowed from read-only scripts. script: "
                        + "ff967d0ae0e68b4f9e360fa91c54598bc25ad9b6, on @user_script:1.",
                t.run("EVAL_RO", "return redis.call('set','a','b')", "0"));
        assertEquals("(error) ERR Write commands are not allowed from read-only scripts. script: "
                        + "6acb400a50fe96e33eca4e0af6e9dcfb21193726, on @user_script:2.",
                t.run("EVAL", "#!lua flags=no-writes\nreturn redis.call('set','a','b')", "0"));
        assertEquals("(error) ERR Unexpected flag in script shebang: bogus", t.run("EVAL", "#!lua flags=bogus\nreturn 1", "0"));
        assertEquals("(error) ERR Unexpected engine in script shebang: #!python", t.run("EVAL", "#!python\nreturn 1", "0"));
        assertEquals("(error) ERR Can not execute a script with write flag using *_ro command.",
                t.run("EVAL_RO", "#!lua\nreturn 1", "0"));
        assertEquals("(integer) 1", t.run("EVAL_RO", "#!lua flags=no-writes\nreturn 1", "0"));
    }

    @Test
    void selectInsideAScriptLeavesTheCallersDatabase() {
        assertEquals("(integer) 1", t.run("EVAL", "redis.call('select', 2) redis.call('set','x','in2') return 1", "0"));
        assertEquals("(nil)", t.run("GET", "x"));
        t.run("SELECT", "2");
        assertEquals("\"in2\"", t.run("GET", "x"));
    }

    @Test
    void evalInsideMultiRunsAtExec() {
        assertEquals("OK", t.run("MULTI"));
        assertEquals("QUEUED", t.run("EVAL", "return redis.call('incr','m')", "0"));
        assertEquals("QUEUED", t.run("EVAL", "return redis.call('incr','m')", "0"));
        assertEquals("[(integer) 1, (integer) 2]", t.run("EXEC"));
    }

    @Test
    void aScriptsWritesEndWatches() {
        ClientSession other = t.newClient();
        t.run("WATCH", "w");
        t.runAs(other, "EVAL", "redis.call('set', KEYS[1], 'x')", "1", "w");
        t.run("MULTI");
        t.run("SET", "y", "1");
        assertEquals("(nil-array)", t.run("EXEC"));
    }

    @Test
    void writesPropagateAsRedis70Does() {
        RecordingWriteLog log = new RecordingWriteLog();
        t.server.setWriteLog(log);
        t.run("EVAL", "redis.call('set','a','1')", "0");
        assertEquals(List.of("0: set a 1"), log.entries);
        log.entries.clear();
        t.run("EVAL", "redis.call('set','b','1') redis.call('incr','b')", "0");
        assertEquals(List.of("MULTI", "0: set b 1", "0: incr b", "EXEC"), log.entries);
        log.entries.clear();
        t.run("EVAL", "return redis.call('get','a')", "0");
        t.run("EVAL", "redis.call('set','c','1') redis.call('get','c')", "0");
        assertEquals(List.of("0: set c 1"), log.entries);
        log.entries.clear();
        t.run("EVAL", "redis.call('expire','a', 100)", "0");
        assertEquals(1, log.entries.size());
        assertEquals(true, log.entries.get(0).startsWith("0: PEXPIREAT a "));
    }

    @Test
    void aRedissonStyleLockScript() {
        String lock = "if (redis.call('exists', KEYS[1]) == 0) then redis.call('hincrby', KEYS[1], ARGV[2], 1); "
                + "redis.call('pexpire', KEYS[1], ARGV[1]); return nil; end; "
                + "if (redis.call('hexists', KEYS[1], ARGV[2]) == 1) then redis.call('hincrby', KEYS[1], ARGV[2], 1); "
                + "redis.call('pexpire', KEYS[1], ARGV[1]); return nil; end; return redis.call('pttl', KEYS[1]);";
        assertEquals("(nil)", t.run("EVAL", lock, "1", "lock", "30000", "id:1"));
        assertEquals("(nil)", t.run("EVAL", lock, "1", "lock", "30000", "id:1"));
        t.clock.advance(1000);
        assertEquals("(integer) 29000", t.run("EVAL", lock, "1", "lock", "30000", "id:2"));
        assertEquals("\"2\"", t.run("HGET", "lock", "id:1"));
    }

    @Test
    void infiniteRecursionIsAnErrorNotACrash() {
        String r = t.run("EVAL", "local function f() return f() + 1 end return f()", "0");
        assertEquals(true, r.startsWith("(error) ERR user_script:1: stack overflow"), r);
    }

    @Test
    void infoCountsCachedScripts() {
        t.run("SCRIPT", "LOAD", "return 1");
        t.run("EVAL", "return 2", "0");
        String info = t.run("INFO", "memory");
        assertEquals(true, info.contains("number_of_cached_scripts:2"), info);
        t.run("SCRIPT", "FLUSH");
        assertEquals(true, t.run("INFO", "memory").contains("number_of_cached_scripts:0"));
    }

    @Test
    void errorsInsideScriptsCountOnceAsInRedis() {
        t.run("SET", "s", "str");
        t.run("EVAL", "return redis.call('incr','s')", "0");
        assertEquals(true, t.run("INFO", "errorstats").contains("errorstat_ERR:count=1"));
        assertEquals(true, t.run("INFO", "stats").contains("total_error_replies:1"));
        assertEquals(true, t.run("INFO", "commandstats").contains("cmdstat_incr:calls=1,"));
        assertEquals(true, t.run("INFO", "commandstats").matches("(?s).*cmdstat_incr:calls=1,.*failed_calls=1.*"));
        t.run("EVAL", "return redis.pcall('incr','s')", "0");
        t.run("EVAL", "error('x')", "0");
        assertEquals(true, t.run("INFO", "errorstats").contains("errorstat_ERR:count=3"));
    }
}
