package io.jredis.application.command;

import java.util.List;

/**
 * The HELP subcommand of a container (CONFIG HELP, CLIENT HELP, XINFO HELP...): Redis 7.0's help
 * lines as status replies. Only the lines and the container's group, version and ACL
 * categories differ between containers; the rest of the metadata is Redis's for every HELP.
 */
public final class HelpCommand implements Command {

    private final CommandSpec spec;
    private final List<String> lines;

    public HelpCommand(String group, String since, List<String> acl, List<String> lines) {
        this.spec = CommandSpec.command("help", 2)
                .flags(CommandFlag.LOADING, CommandFlag.STALE)
                .acl(acl.toArray(String[]::new))
                .group(group).since(since).summary("Show helpful text about the different subcommands")
                .complexity("O(1)")
                .build();
        this.lines = List.copyOf(lines);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply().array(lines.size());
        for (String line : lines) {
            ctx.reply().status(line);
        }
    }
}
