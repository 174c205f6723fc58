package io.jredis.application.command.connection;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;

import java.util.List;

/** CLIENT: the container of the client connection subcommands. */
public final class ClientCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("client", -2)
            .acl("slow")
            .group("connection").since("2.4.0").summary("A container for client connection commands")
            .complexity("Depends on subcommand.")
            .build();

    private final List<Command> subcommands = List.of(
            new ClientIdCommand(), new ClientHelpCommand(), new ClientSetnameCommand(),
            new ClientGetnameCommand(), new ClientListCommand(), new ClientNoEvictCommand(),
            new ClientInfoCommand(), new ClientKillCommand(), new ClientSetinfoCommand(),
            new ClientUnblockCommand());

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public List<Command> subcommands() {
        return subcommands;
    }

    @Override
    public void execute(CommandContext ctx) {
        // never called: the executor dispatches to a subcommand or rejects the arity
        throw new IllegalStateException("CLIENT without subcommand");
    }
}
