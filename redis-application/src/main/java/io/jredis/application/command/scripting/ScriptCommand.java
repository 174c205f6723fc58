package io.jredis.application.command.scripting;

import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.HelpCommand;
import io.jredis.application.script.ScriptEngine;

import java.util.List;
import java.util.Map;

/** SCRIPT: the container of LOAD, EXISTS, FLUSH, KILL, DEBUG and HELP. */
public final class ScriptCommand implements Command {

    private static final List<String> HELP = List.of(
            "SCRIPT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "DEBUG (YES|SYNC|NO)",
            "    Set the debug mode for subsequent scripts executed.",
            "EXISTS <sha1> [<sha1> ...]",
            "    Return information about the existence of the scripts in the script cache.",
            "FLUSH [ASYNC|SYNC]",
            "    Flush the Lua scripts cache. Very dangerous on replicas.",
            "    When called without the optional mode argument, the behavior is determined by the",
            "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
            "    * ASYNC: Asynchronously flush the scripts cache.",
            "    * SYNC: Synchronously flush the scripts cache.",
            "KILL",
            "    Kill the currently executing Lua script.",
            "LOAD <script>",
            "    Load a script into the scripts cache without executing it.",
            "HELP",
            "    Prints this help.");

    private static final CommandSpec SPEC = CommandSpec.command("script", -2)
            .acl("slow")
            .group("scripting").since("2.6.0").summary("A container for Lua scripts management commands")
            .complexity("Depends on subcommand.")
            .build();

    private static CommandSpec sub(String name, int arity, String since, String summary, String complexity,
                                   CommandFlag... flags) {
        return CommandSpec.command(name, arity).flags(flags).acl("slow", "scripting")
                .tips(TIPS.getOrDefault(name, new String[0])).group("scripting").since(since).summary(summary)
                .complexity(complexity).build();
    }

    /** Redis 7.0's cluster routing tips of each subcommand, as COMMAND INFO shows them. */
    private static final Map<String, String[]> TIPS = Map.of(
            "exists", new String[] {"request_policy:all_shards", "response_policy:agg_logical_and"},
            "load", new String[] {"request_policy:all_nodes", "response_policy:all_succeeded"},
            "kill", new String[] {"request_policy:all_shards", "response_policy:one_succeeded"},
            "flush", new String[] {"request_policy:all_nodes", "response_policy:all_succeeded"});

    private static final Command LOAD = new Simple(sub("load", 3, "2.6.0",
            "Load the specified Lua script into the script cache.",
            "O(N) with N being the length in bytes of the script body.", CommandFlag.NOSCRIPT, CommandFlag.STALE)) {
        @Override
        public void execute(CommandContext ctx) {
            String sha = ctx.server().scripts().load(ctx, ctx.args().bytes(2));
            if (sha != null) {
                ctx.reply().bulk(sha);
            }
        }
    };

    private static final Command EXISTS = new Simple(sub("exists", -3, "2.6.0",
            "Check existence of scripts in the script cache.",
            "O(N) with N being the number of scripts to check (so checking a single script is an O(1) operation).",
            CommandFlag.NOSCRIPT)) {
        @Override
        public void execute(CommandContext ctx) {
            ScriptEngine e = ctx.server().scripts();
            int n = ctx.args().count() - 2;
            ctx.reply().array(n);
            for (int i = 0; i < n; i++) {
                ctx.reply().integer(e.exists(ctx.args().string(i + 2)) ? 1 : 0);
            }
        }
    };

    private static final Command FLUSH = new Simple(sub("flush", -2, "2.6.0",
            "Remove all the scripts from the script cache.",
            "O(N) with N being the number of scripts in cache", CommandFlag.NOSCRIPT)) {
        @Override
        public void execute(CommandContext ctx) {
            var a = ctx.args();
            if (a.count() > 3 || a.count() == 3 && !a.is(2, "SYNC") && !a.is(2, "ASYNC")) {
                ctx.reply().error(Errors.SCRIPT_FLUSH_SYNTAX);
                return;
            }
            ctx.server().scripts().flush();
            ctx.reply().ok();
        }
    };

    private static final Command KILL = new Simple(sub("kill", 2, "2.6.0",
            "Kill the script currently in execution.", "O(1)", CommandFlag.NOSCRIPT, CommandFlag.ALLOW_BUSY)) {
        @Override
        public void execute(CommandContext ctx) {
            ctx.server().scripts().kill(ctx);
        }
    };

    private static final Command DEBUG = new Simple(sub("debug", 3, "3.2.0",
            "Set the debug mode for executed scripts.", "O(1)", CommandFlag.NOSCRIPT)) {
        @Override
        public void execute(CommandContext ctx) {
            var a = ctx.args();
            if (a.is(2, "NO")) {
                ctx.reply().ok();
            } else if (a.is(2, "YES") || a.is(2, "SYNC")) {
                ctx.reply().error("ERR SCRIPT DEBUG (the Lua debugger) is not supported by this server");
            } else {
                ctx.reply().error("ERR Use SCRIPT DEBUG YES/SYNC/NO");
            }
        }
    };

    private static final List<Command> SUBCOMMANDS = List.of(LOAD, EXISTS, FLUSH, KILL, DEBUG,
            new HelpCommand("scripting", "5.0.0", List.of("slow", "scripting"), HELP));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public List<Command> subcommands() {
        return SUBCOMMANDS;
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply().error(Errors.wrongArity("script"));
    }

    private abstract static class Simple implements Command {
        private final CommandSpec spec;

        Simple(CommandSpec spec) {
            this.spec = spec;
        }

        @Override
        public CommandSpec spec() {
            return spec;
        }
    }
}
