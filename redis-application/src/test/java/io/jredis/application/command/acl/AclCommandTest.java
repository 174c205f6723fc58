package io.jredis.application.command.acl;

import io.jredis.application.testing.CommandTester;
import io.jredis.application.testing.Transcript;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ACL commands against a transcript recorded from redis-server 7.0.15 (RESP3). */
class AclCommandTest {

    /**
     * Recorded with /tmp/transcript.py on a fresh redis-server 7.0.15. Only rules whose
     * description Redis prints in a fixed order are here (at most one single command after the
     * categories): Redis lists those in its command dictionary's hash order, which changes with
     * every process.
     */
    private static final String TRANSCRIPT = """
            "acl", "setuser", "x", "foo" => (error) ERR Error in ACL SETUSER modifier 'foo': Syntax error
            "acl", "setuser", "x", "+nosuch" => (error) ERR Error in ACL SETUSER modifier '+nosuch': Unknown command or category name in ACL
            "acl", "setuser", "x", "+@nosuch" => (error) ERR Error in ACL SETUSER modifier '+@nosuch': Unknown command or category name in ACL
            "acl", "setuser", "x", "-get|x" => (error) ERR Error in ACL SETUSER modifier '-get|x': Unknown command or category name in ACL
            "acl", "setuser", "x", "+get|" => (error) ERR Error in ACL SETUSER modifier '+get|': Syntax error
            "acl", "setuser", "x", "+config|nosuch" => (error) ERR Error in ACL SETUSER modifier '+config|nosuch': Unknown command or category name in ACL
            "acl", "setuser", "x", "+config|get|x" => (error) ERR Error in ACL SETUSER modifier '+config|get|x': Allowing first-arg of a subcommand is not supported
            "acl", "setuser", "x", "#abc" => (error) ERR Error in ACL SETUSER modifier '#abc': The password hash must be exactly 64 characters and contain only lowercase hexadecimal characters
            "acl", "setuser", "x", "<nopw" => (error) ERR Error in ACL SETUSER modifier '<nopw': The password you are trying to remove from the user does not exist
            "acl", "setuser", "x", "(" => (error) ERR Unmatched parenthesis in acl selector starting at '('.
            "acl", "setuser", "x", "(~x", "+get" => (error) ERR Unmatched parenthesis in acl selector starting at '(~x'.
            "acl", "setuser", "x", "%X~a" => (error) ERR Error in ACL SETUSER modifier '%X~a': Syntax error
            "acl", "setuser", "x", "%~a" => (error) ERR Error in ACL SETUSER modifier '%~a': Syntax error
            "acl", "setuser", "x", "~a", "allkeys", "~b" => (error) ERR Error in ACL SETUSER modifier '~b': Adding a pattern after the * pattern (or the 'allkeys' flag) is not valid and does not have any effect. Try 'resetkeys' to start with an empty list of patterns
            "acl", "setuser", "x", "&a", "allchannels", "&b" => (error) ERR Error in ACL SETUSER modifier '&b': Adding a pattern after the * pattern (or the 'allchannels' flag) is not valid and does not have any effect. Try 'resetchannels' to start with an empty list of channels
            "acl", "setuser", "a b" => (error) ERR Usernames can't contain spaces or null characters
            "acl", "users" => ["default"]
            "acl", "setuser", "x", "~a*b", "resetkeys", "~c", "on", "off" => OK
            "acl", "getuser", "nosuch" => (nil)
            "acl", "deluser", "nosuch", "default" => (error) ERR The 'default' user cannot be removed
            "acl", "deluser", "x", "nosuch" => (integer) 1
            "acl", "whoami" => "default"
            "acl", "cat", "nosuch" => (error) ERR Unknown category 'nosuch'
            "acl", "genpass", "0" => (error) ERR ACL GENPASS argument must be the number of bits for the output password, a positive number up to 4096
            "acl", "genpass", "5000" => (error) ERR ACL GENPASS argument must be the number of bits for the output password, a positive number up to 4096
            "acl", "genpass", "x" => (error) ERR value is not an integer or out of range
            "acl", "log", "x" => (error) ERR value is not an integer or out of range
            "acl", "log", "1", "2" => (error) ERR unknown subcommand or wrong number of arguments for 'log'. Try ACL HELP.
            "acl", "dryrun", "default", "get", "x" => OK
            "acl", "dryrun", "nosuch", "get", "x" => (error) ERR User 'nosuch' not found
            "acl", "dryrun", "default", "nosuch" => (error) ERR Command 'nosuch' not found
            "acl", "dryrun", "default", "get" => (error) ERR wrong number of arguments for 'get' command
            "acl", "nosuch" => (error) ERR unknown subcommand 'nosuch'. Try ACL HELP.
            "acl", "whoami", "x" => (error) ERR wrong number of arguments for 'acl|whoami' command
            "acl", "save" => (error) ERR This Redis instance is not configured to use an ACL file. You may want to specify users via the ACL SETUSER command and then issue a CONFIG REWRITE (assuming you have a Redis configuration file set) in order to store users in the Redis configuration.
            "acl", "load" => (error) ERR This Redis instance is not configured to use an ACL file. You may want to specify users via the ACL SETUSER command and then issue a CONFIG REWRITE (assuming you have a Redis configuration file set) in order to store users in the Redis configuration.
            "auth", "x" => (error) ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?
            "auth", "a", "b", "c" => (error) ERR syntax error
            "acl", "setuser", "y", "on", "nopass", "+get", "~k*", "&c*" => OK
            "acl", "dryrun", "y", "get", "k1" => OK
            "acl", "dryrun", "y", "get", "z" => "This user has no permissions to access the 'z' key"
            "acl", "dryrun", "y", "set", "k1", "v" => "This user has no permissions to run the 'set' command"
            "acl", "setuser", "y", "+@all", "-config|get" => OK
            "acl", "dryrun", "y", "config", "get", "x" => "This user has no permissions to run the 'config|get' command"
            "acl", "setuser", "s1", "~a", "%R~a", "%W~b", "%RW~c", "~*" => OK
            "acl", "setuser", "s2", "%R~*", "%W~*", "%RW~*" => OK
            "acl", "setuser", "s3", "~a", "%R~a", "%R~b", "%W~c" => OK
            "acl", "setuser", "s4", "(~x bad)" => (error) ERR Error in ACL SETUSER modifier '(~x bad)': Syntax error
            "acl", "setuser", "s5", "(clearselectors)" => (error) ERR Error in ACL SETUSER modifier '(clearselectors)': Syntax error
            "acl", "setuser", "s7", ">a", ">b", ">a", "<b", "nopass", ">c", "resetpass", ">d" => OK
            "acl", "setuser", "s9", "&a", "&a", "&b*", "allchannels" => OK
            "acl", "setuser", "s10", "+GET", "+Config|GET", "-@READ" => OK
            "acl", "setuser", "s11", "(", "~x", "+get", ")" => OK
            "acl", "setuser", "s12", "(~x)", "clearselectors", "(~y)" => OK
            "acl", "setuser", "s13", "%R~" => OK
            "acl", "setuser", "s15", "skip-sanitize-payload" => OK
            "acl", "setuser", "s16", "sanitize-payload", "on", "nopass", "reset" => OK
            "acl", "setuser", "s17", "+@all", "-@all", "+get", "(+set)", "reset" => OK
            "acl", "setuser", "s20", "on", ">p2", "~*", "&ch*", "-@all", "+@hash", "-hget" => OK
            "acl", "setuser", "s21", "(~x* +get)", "(%R~y +set)" => OK
            "acl", "setuser", "s22", "+@all", "-flushall" => OK
            "acl", "setuser", "s23", "-@all", "+select|0", "+select|1" => OK
            "acl", "setuser", "s24", "-@all", "+@hash" => OK
            "acl", "users" => ["default", "s1", "s10", "s11", "s12", "s13", "s15", "s16", "s17", "s2", "s20", "s21", "s22", "s23", "s24", "s3", "s7", "s9", "y"]
            "acl", "list" => ["user default on nopass ~* &* +@all", "user s1 off ~* resetchannels -@all", "user s10 off resetchannels -@all +config|get", "user s11 off resetchannels -@all (~x resetchannels -@all +get)", "user s12 off resetchannels -@all (~y resetchannels -@all)", "user s13 off %R~ resetchannels -@all", "user s15 off skip-sanitize-payload resetchannels -@all", "user s16 off sanitize-payload resetchannels -@all", "user s17 off sanitize-payload resetchannels -@all", "user s2 off ~* resetchannels -@all", "user s20 on #3946ca64ff78d93ca61090a437cbb6b3d2ca0d488f5f9ccf3059608368b27693 ~* resetchannels &ch* -@all +@hash -hget", "user s21 off resetchannels -@all (~x* resetchannels -@all +get) (%R~y resetchannels -@all +set)", "user s22 off resetchannels +@all -flushall", "user s23 off resetchannels -@all +select|0 +select|1", "user s24 off resetchannels -@all +@hash", "user s3 off ~a %R~b %W~c resetchannels -@all", "user s7 off #18ac3e7343f016890c510e93f935261169d9e3f565436429830faf0934f4f8e4 resetchannels -@all", "user s9 off &* -@all", "user y on nopass ~k* resetchannels &c* +@all -config|get"]
            "acl", "getuser", "default" => {"flags"=~"on", "nopass"~, "passwords"=[], "commands"="+@all", "keys"="~*", "channels"="&*", "selectors"=[]}
            "acl", "getuser", "s3" => {"flags"=~"off"~, "passwords"=[], "commands"="-@all", "keys"="~a %R~b %W~c", "channels"="", "selectors"=[]}
            "acl", "getuser", "s9" => {"flags"=~"off"~, "passwords"=[], "commands"="-@all", "keys"="", "channels"="&*", "selectors"=[]}
            "acl", "getuser", "s15" => {"flags"=~"off", "skip-sanitize-payload"~, "passwords"=[], "commands"="-@all", "keys"="", "channels"="", "selectors"=[]}
            "acl", "getuser", "s20" => {"flags"=~"on"~, "passwords"=["3946ca64ff78d93ca61090a437cbb6b3d2ca0d488f5f9ccf3059608368b27693"], "commands"="-@all +@hash -hget", "keys"="~*", "channels"="&ch*", "selectors"=[]}
            "acl", "getuser", "s21" => {"flags"=~"off"~, "passwords"=[], "commands"="-@all", "keys"="", "channels"="", "selectors"=[{"commands"="-@all +get", "keys"="~x*", "channels"=""}, {"commands"="-@all +set", "keys"="%R~y", "channels"=""}]}
            "acl", "dryrun", "s21", "get", "x1" => OK
            "acl", "dryrun", "s21", "get", "y" => "This user has no permissions to access the 'y' key"
            "acl", "dryrun", "s21", "set", "y", "1" => "This user has no permissions to access the 'y' key"
            "acl", "dryrun", "s21", "set", "x1", "1" => "This user has no permissions to access the 'x1' key"
            "acl", "dryrun", "s23", "select", "0" => OK
            "acl", "dryrun", "s23", "select", "2" => "This user has no permissions to run the 'select' command"
            "acl", "dryrun", "s22", "flushall" => "This user has no permissions to run the 'flushall' command"
            "acl", "dryrun", "s3", "get", "a" => "This user has no permissions to run the 'get' command"
            "acl", "dryrun", "s3", "set", "a", "1" => "This user has no permissions to run the 'set' command"
            "acl", "dryrun", "s3", "get", "c" => "This user has no permissions to run the 'get' command"
            "acl", "dryrun", "s3", "set", "c", "1" => "This user has no permissions to run the 'set' command"
            "acl", "dryrun", "s3", "exists", "c" => "This user has no permissions to run the 'exists' command"
            "acl", "dryrun", "s3", "lmove", "a", "c", "left", "right" => "This user has no permissions to run the 'lmove' command"
            "acl", "dryrun", "s3", "lmove", "b", "c", "left", "right" => "This user has no permissions to run the 'lmove' command"
            "acl", "deluser", "s1", "s2", "s3", "s4" => (integer) 3
            "acl", "users" => ["default", "s10", "s11", "s12", "s13", "s15", "s16", "s17", "s20", "s21", "s22", "s23", "s24", "s7", "s9", "y"]
            "acl", "log" => []
            """;

    @Test
    void matchesRedisTranscript() {
        Transcript.replay(new CommandTester(), TRANSCRIPT);
    }

    @Test
    void deniedCommandsKeysAndFailedAuthAreLoggedAndRefused() {
        CommandTester t = new CommandTester();
        assertEquals("OK", t.run("ACL", "SETUSER", "z", "on", ">pw", "~k*", "%R~r*", "%W~w*", "&c*", "+@all", "-flushall"));
        var c = t.newClient();
        assertEquals("OK", t.runAs(c, "AUTH", "z", "pw"));
        assertEquals("(error) NOPERM this user has no permissions to access one of the keys used as arguments",
                t.runAs(c, "GET", "zz"));
        assertEquals("(nil)", t.runAs(c, "GET", "r1"));
        assertEquals("(error) NOPERM this user has no permissions to access one of the keys used as arguments",
                t.runAs(c, "SET", "r1", "v"));
        assertEquals("OK", t.runAs(c, "SET", "w1", "v"));
        assertEquals("(error) NOPERM this user has no permissions to run the 'flushall' command",
                t.runAs(c, "FLUSHALL"));
        assertEquals("\"z\"", t.runAs(c, "ACL", "WHOAMI"));
        assertEquals("(error) WRONGPASS invalid username-password pair or user is disabled.",
                t.runAs(c, "AUTH", "z", "nope"));
        String log = t.run("ACL", "LOG");
        assertTrue(log.contains("{\"count\"=(integer) 1, \"reason\"=\"auth\", \"context\"=\"toplevel\", \"object\"=\"AUTH\", \"username\"=\"z\""), log);
        assertTrue(log.contains("\"reason\"=\"command\", \"context\"=\"toplevel\", \"object\"=\"flushall\""), log);
        assertTrue(log.contains("\"reason\"=\"key\", \"context\"=\"toplevel\", \"object\"=\"r1\""), log);
        assertTrue(log.contains("cmd=flushall user=z"), log);
        assertEquals("[]", t.run("ACL", "LOG", "-1"), "a negative count lists nothing (redis-server 7.0.15)");
        assertTrue(t.run("ACL", "LOG", "1").startsWith("[{\"count\"=(integer) 1, \"reason\"=\"auth\""));
        assertEquals("OK", t.run("ACL", "LOG", "RESET"));
        assertEquals("[]", t.run("ACL", "LOG"));
    }

    @Test
    void deletingAUserClosesItsClientsAndDisablingKeepsThem() {
        CommandTester t = new CommandTester();
        t.run("ACL", "SETUSER", "q", "on", "nopass", "+@all", "~*");
        var c = t.newClient();
        assertEquals("OK", t.runAs(c, "AUTH", "q", "x"));
        t.run("ACL", "SETUSER", "q", "off");
        assertEquals("PONG", t.runAs(c, "PING"));
        assertEquals("(integer) 1", t.run("ACL", "DELUSER", "q"));
        assertTrue(((io.jredis.application.testing.FakeConnection) c.connection()).closed,
                "the deleted user's client is disconnected");
    }

    @Test
    void requirepassIsTheDefaultUsersPassword() {
        CommandTester t = new CommandTester();
        assertEquals("OK", t.run("CONFIG", "SET", "requirepass", "secret"));
        assertEquals("[\"user default on #2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b ~* &* +@all\"]",
                t.run("ACL", "LIST"));
        var c = t.newClient();
        assertEquals("(error) NOAUTH Authentication required.", t.runAs(c, "PING"));
        assertEquals("OK", t.runAs(c, "AUTH", "secret"));
        assertEquals("OK", t.run("CONFIG", "SET", "requirepass", ""));
        assertEquals("[\"user default on nopass ~* &* +@all\"]", t.run("ACL", "LIST"));
    }
}
