package io.jredis.application.command.connection;

import io.jredis.application.command.Command;
import io.jredis.application.command.HelpCommand;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;

import java.util.List;

/** CLIENT: the container of the client connection subcommands. */
public final class ClientCommand implements Command {

    private static final List<String> HELP = List.of(
            "CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "CACHING (YES|NO)",
            "    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.",
            "GETREDIR",
            "    Return the client ID we are redirecting to when tracking is enabled.",
            "GETNAME",
            "    Return the name of the current connection.",
            "ID",
            "    Return the ID of the current connection.",
            "INFO",
            "    Return information about the current client connection.",
            "KILL <ip:port>",
            "    Kill connection made from <ip:port>.",
            "KILL <option> <value> [<option> <value> [...]]",
            "    Kill connections. Options are:",
            "    * ADDR (<ip:port>|<unixsocket>:0)",
            "      Kill connections made from the specified address",
            "    * LADDR (<ip:port>|<unixsocket>:0)",
            "      Kill connections made to specified local address",
            "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
            "      Kill connections by type.",
            "    * USER <username>",
            "      Kill connections authenticated by <username>.",
            "    * SKIPME (YES|NO)",
            "      Skip killing current connection (default: yes).",
            "LIST [options ...]",
            "    Return information about client connections. Options:",
            "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
            "      Return clients of specified type.",
            "UNPAUSE",
            "    Stop the current client pause, resuming traffic.",
            "PAUSE <timeout> [WRITE|ALL]",
            "    Suspend all, or just write, clients for <timeout> milliseconds.",
            "REPLY (ON|OFF|SKIP)",
            "    Control the replies sent to the current connection.",
            "SETNAME <name>",
            "    Assign the name <name> to the current connection.",
            "UNBLOCK <clientid> [TIMEOUT|ERROR]",
            "    Unblock the specified blocked client.",
            "TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]",
            "         [OPTIN] [OPTOUT] [NOLOOP]",
            "    Control server assisted client side caching.",
            "TRACKINGINFO",
            "    Report tracking status for the current connection.",
            "NO-EVICT (ON|OFF)",
            "    Protect current client connection from eviction.",
            "HELP",
            "    Prints this help.");

    private static final CommandSpec SPEC = CommandSpec.command("client", -2)
            .acl("slow")
            .group("connection").since("2.4.0").summary("A container for client connection commands")
            .complexity("Depends on subcommand.")
            .build();

    private final List<Command> subcommands = List.of(
            new ClientIdCommand(), new HelpCommand("connection", "5.0.0", List.of("slow", "connection"), HELP),
            new ClientSetnameCommand(),
            new ClientGetnameCommand(), new ClientListCommand(), new ClientNoEvictCommand(),
            new ClientInfoCommand(), new ClientKillCommand(), new ClientSetinfoCommand(),
            new ClientUnblockCommand(), new ClientReplyCommand(), new ClientGetredirCommand(),
            new ClientPauseCommand(), new ClientUnpauseCommand());

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
