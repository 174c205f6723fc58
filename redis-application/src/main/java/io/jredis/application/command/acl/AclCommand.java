package io.jredis.application.command.acl;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.HelpCommand;

import java.util.List;

/** ACL: the container of Redis 7.0's ACL subcommands. */
public final class AclCommand implements Command {

    private static final List<String> HELP = List.of(
            "ACL <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "CAT [<category>]",
            "    List all commands that belong to <category>, or all command categories",
            "    when no category is specified.",
            "DELUSER <username> [<username> ...]",
            "    Delete a list of users.",
            "DRYRUN <username> <command> [<arg> ...]",
            "    Returns whether the user can execute the given command without executing the command.",
            "GETUSER <username>",
            "    Get the user's details.",
            "GENPASS [<bits>]",
            "    Generate a secure 256-bit user password. The optional `bits` argument can",
            "    be used to specify a different size.",
            "LIST",
            "    Show users details in config file format.",
            "LOAD",
            "    Reload users from the ACL file.",
            "LOG [<count> | RESET]",
            "    Show the ACL log entries.",
            "SAVE",
            "    Save the current config to the ACL file.",
            "SETUSER <username> <attribute> [<attribute> ...]",
            "    Create or modify a user with the specified attributes.",
            "USERS",
            "    List all the registered usernames.",
            "WHOAMI",
            "    Return the current connection username.",
            "HELP",
            "    Prints this help.");

    private static final CommandSpec SPEC = CommandSpec.command("acl", -2)
            .acl("slow")
            .group("server").since("6.0.0").summary("A container for Access List Control commands")
            .complexity("Depends on subcommand.")
            .build();

    private static final List<Command> SUBCOMMANDS = List.of(
            new AclCatCommand(), new AclUsersCommand(), new AclWhoamiCommand(), new AclLogCommand(),
            new AclDryrunCommand(), new AclLoadCommand(), new HelpCommand("server", "6.0.0", List.of("slow"), HELP),
            new AclDeluserCommand(), new AclGetuserCommand(), new AclSaveCommand(), new AclGenpassCommand(),
            new AclSetuserCommand(), new AclListCommand());

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public List<Command> subcommands() {
        return SUBCOMMANDS;
    }

    /** Reached only as bare ACL, which the arity check already refuses. */
    @Override
    public void execute(CommandContext ctx) {
        ctx.reply().error(Errors.wrongArity("acl"));
    }

    /** The spec of an admin subcommand (admin, noscript, loading, stale: @admin @slow @dangerous). */
    static CommandSpec.Builder admin(String name, int arity) {
        return CommandSpec.command(name, arity)
                .flags(io.jredis.application.command.CommandFlag.ADMIN, io.jredis.application.command.CommandFlag.NOSCRIPT,
                        io.jredis.application.command.CommandFlag.LOADING, io.jredis.application.command.CommandFlag.STALE)
                .group("server").since("6.0.0");
    }

    /** The spec of a subcommand any user may be given (noscript, loading, stale: @slow). */
    static CommandSpec.Builder plain(String name, int arity) {
        return CommandSpec.command(name, arity)
                .flags(io.jredis.application.command.CommandFlag.NOSCRIPT,
                        io.jredis.application.command.CommandFlag.LOADING, io.jredis.application.command.CommandFlag.STALE)
                .group("server").since("6.0.0");
    }

    /** An argument as the bytes the client sent, one char per byte (names and rules keep every byte). */
    static String raw(io.jredis.application.command.Arguments args, int i) {
        return new String(args.bytes(i), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
