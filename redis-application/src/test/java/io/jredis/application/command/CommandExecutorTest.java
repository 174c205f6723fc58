package io.jredis.application.command;

import io.jredis.application.server.ServerConfig;
import io.jredis.application.testing.CommandTester;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommandExecutorTest {

    private final CommandTester t = new CommandTester();

    @Test
    void unknownCommandQuotesNameAndArgumentsAsRedisDoes() {
        assertEquals("(error) ERR unknown command 'FOO', with args beginning with: 'bar' 'baz' ",
                t.run("FOO", "bar", "baz"));
        assertEquals("(error) ERR unknown command 'foo', with args beginning with: ", t.run("foo"));
    }

    @Test
    void wrongArityNamesTheCommandInLowerCase() {
        assertEquals("(error) ERR wrong number of arguments for 'get' command", t.run("GET"));
        assertEquals("(error) ERR wrong number of arguments for 'get' command", t.run("get", "a", "b"));
    }

    @Test
    void commandNamesAreCaseInsensitive() {
        assertEquals("PONG", t.run("pInG"));
        assertEquals("OK", t.run("SeT", "k", "v"));
        assertEquals("\"v\"", t.run("gEt", "k"));
    }

    @Test
    void passwordRequiredBeforeAnythingButAuthLikeCommands() {
        ServerConfig c = new ServerConfig();
        c.requirepass = "secret";
        CommandTester locked = new CommandTester(c);
        assertEquals("(error) NOAUTH Authentication required.", locked.run("GET", "k"));
        // An unknown command is reported as unknown even before authentication, as in Redis.
        assertEquals("(error) ERR unknown command 'nope', with args beginning with: ", locked.run("nope"));
    }
}
