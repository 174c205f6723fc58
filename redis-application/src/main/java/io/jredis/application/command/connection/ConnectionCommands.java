package io.jredis.application.command.connection;

import io.jredis.application.command.Command;

import java.util.List;

/** The connection group: PING, ECHO, QUIT, SELECT, AUTH, HELLO, CLIENT, ... */
public final class ConnectionCommands {

    private ConnectionCommands() {
    }

    public static List<Command> all() {
        return List.of(new PingCommand(), new EchoCommand(), new QuitCommand(), new AuthCommand(),
                new HelloCommand(), new ResetCommand(), new ClientCommand());
    }
}
