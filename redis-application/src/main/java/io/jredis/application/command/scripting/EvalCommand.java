package io.jredis.application.command.scripting;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.KeyReference;
import io.jredis.application.script.ScriptEngine;

import java.util.ArrayList;
import java.util.List;

/** EVAL, EVALSHA, EVAL_RO and EVALSHA_RO: run a Lua script given by body or by SHA-1. */
public final class EvalCommand implements Command {

    private static final List<String> RW_ACCESS_UPDATE = List.of("RW", "access", "update");

    private final CommandSpec spec;
    private final boolean bySha;
    private final boolean readOnly;

    private EvalCommand(CommandSpec spec, boolean bySha, boolean readOnly) {
        this.spec = spec;
        this.bySha = bySha;
        this.readOnly = readOnly;
    }

    private static CommandSpec spec(String name, boolean readOnly, String since, String summary) {
        CommandSpec.Builder b = CommandSpec.command(name, -3);
        if (readOnly) {
            b.flags(CommandFlag.READONLY, CommandFlag.NOSCRIPT, CommandFlag.STALE, CommandFlag.SKIP_MONITOR,
                    CommandFlag.NO_MANDATORY_KEYS, CommandFlag.MOVABLEKEYS);
        } else {
            b.flags(CommandFlag.NOSCRIPT, CommandFlag.STALE, CommandFlag.SKIP_MONITOR,
                    CommandFlag.NO_MANDATORY_KEYS, CommandFlag.MOVABLEKEYS);
        }
        return b.keys(0, 0, 0)
                .keyFlags(readOnly ? new String[] {"RO", "access"} : new String[] {"RW", "access", "update"})
                .acl("slow", "scripting")
                .group("scripting").since(since).summary(summary)
                .complexity("Depends on the script that is executed.")
                .keySpec(CommandSpec.index(2), CommandSpec.keynum(0, 1, 1),
                        readOnly ? new String[] {"RO", "access"} : new String[] {"RW", "access", "update"})
                .build();
    }

    public static EvalCommand eval() {
        return new EvalCommand(spec("eval", false, "2.6.0", "Execute a Lua script server side"), false, false);
    }

    public static EvalCommand evalsha() {
        return new EvalCommand(spec("evalsha", false, "2.6.0", "Execute a Lua script server side"), true, false);
    }

    public static EvalCommand evalRo() {
        return new EvalCommand(spec("eval_ro", true, "7.0.0", "Execute a read-only Lua script server side"),
                false, true);
    }

    public static EvalCommand evalshaRo() {
        return new EvalCommand(spec("evalsha_ro", true, "7.0.0", "Execute a read-only Lua script server side"),
                true, true);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public List<KeyReference> keys(Arguments args, int base) {
        List<KeyReference> keys = new ArrayList<>();
        return KeyReference.addCounted(keys, args, base, 2, readOnly ? KeyReference.RO_ACCESS : RW_ACCESS_UPDATE)
                ? keys : List.of();
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        if (bySha && a.length(1) != 40) {
            // Redis's evalShaCommand: no SHA-1 can match, said before numkeys is looked at
            ctx.reply().error(Errors.NOSCRIPT);
            return;
        }
        if (!a.isLong(2)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return;
        }
        long numkeys = a.longValue(2);
        if (numkeys > a.count() - 3) {
            ctx.reply().error(Errors.NUMKEYS_TOO_MANY);
            return;
        }
        if (numkeys < 0) {
            ctx.reply().error(Errors.NUMKEYS_NEGATIVE);
            return;
        }
        ScriptEngine engine = ctx.server().scripts();
        engine.eval(ctx, bySha, readOnly, 3, (int) numkeys);
    }
}
