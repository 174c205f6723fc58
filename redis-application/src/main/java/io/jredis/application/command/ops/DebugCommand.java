package io.jredis.application.command.ops;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;
import io.jredis.application.port.SnapshotStore;
import io.jredis.application.server.ServerState;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DEBUG with the subcommands tests and tools use: SLEEP, SET-ACTIVE-EXPIRE, RELOAD and HELP
 * (listing only those). Refused unless enable-debug-command allows it, as in Redis 7.0.
 */
public final class DebugCommand implements Command {

    private static final List<String> HELP = List.of(
            "DEBUG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
            "RELOAD [option ...]",
            "    Save the RDB on disk and reload it back to memory. Valid <option> values:",
            "    * MERGE: conflicting keys will be loaded from RDB.",
            "    * NOFLUSH: the existing database will not be removed before load, but",
            "      conflicting keys will generate an exception and kill the server.",
            "    * NOSAVE: the database will be loaded from an existing RDB file.",
            "    Examples:",
            "    * DEBUG RELOAD: verify that the server is able to persist, flush and reload",
            "      the database.",
            "    * DEBUG RELOAD NOSAVE: replace the current database with the contents of an",
            "      existing RDB file.",
            "    * DEBUG RELOAD NOSAVE NOFLUSH MERGE: add the contents of an existing RDB",
            "      file to the database.",
            "SET-ACTIVE-EXPIRE <0|1>",
            "    Setting it to 0 disables expiring keys in background when they are not",
            "    accessed (otherwise the Redis behavior). Setting it to 1 reenables back the",
            "    default.",
            "SLEEP <seconds>",
            "    Stop the server for <seconds>. Decimals allowed.",
            "HELP",
            "    Prints this help.");

    /** The numeric prefix C's strtod reads; anything else reads as 0. */
    private static final Pattern STRTOD = Pattern.compile("^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static final CommandSpec SPEC = CommandSpec.command("debug", -2)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE,
                    CommandFlag.PROTECTED)
            .acl("admin", "slow", "dangerous")
            .group("server").since("1.0.0").summary("A container for debugging commands")
            .complexity("Depends on subcommand.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        ReplySink r = ctx.reply();
        int argc = args.count();
        if (argc == 2 && args.is(1, "HELP")) {
            r.array(HELP.size());
            for (String line : HELP) {
                r.status(line);
            }
        } else if (argc == 3 && args.is(1, "SLEEP")) {
            double seconds = strtod(args.string(2));
            long nanos = (long) (seconds * 1_000_000) * 1000L;
            if (nanos > 0) {
                ctx.server().clock().sleep(nanos);
            }
            r.ok();
        } else if (argc == 3 && args.is(1, "SET-ACTIVE-EXPIRE")) {
            ctx.server().setActiveExpireEnabled(atoi(args.string(2)) != 0);
            r.ok();
        } else if (args.is(1, "RELOAD")) {
            reload(ctx);
        } else {
            r.error(Errors.subcommandSyntax(args));
        }
    }

    /** "yes", or "local" from a loopback connection. */
    public static boolean allowed(io.jredis.application.server.ServerConfig config,
                                  io.jredis.application.session.ClientSession session) {
        String mode = config.enableDebugCommand;
        if (mode.equals("yes")) {
            return true;
        }
        if (!mode.equals("local")) {
            return false;
        }
        String addr = session.connection().remoteAddress();
        return addr.startsWith("127.") || addr.startsWith("::1") || addr.startsWith("/");
    }

    /**
     * DEBUG RELOAD [NOSAVE]: saves the snapshot (unless NOSAVE), empties every database and loads
     * the snapshot back. MERGE and NOFLUSH are refused: the snapshot port loads into an empty
     * keyspace only.
     */
    private static void reload(CommandContext ctx) {
        Arguments args = ctx.args();
        boolean save = true;
        for (int i = 2; i < args.count(); i++) {
            if (args.is(i, "NOSAVE")) {
                save = false;
            } else if (args.is(i, "MERGE") || args.is(i, "NOFLUSH")) {
                ctx.reply().error("ERR DEBUG RELOAD " + args.string(i).toUpperCase(java.util.Locale.ROOT)
                        + " is not supported by jredis");
                return;
            } else {
                ctx.reply().error(Errors.DEBUG_RELOAD_OPTIONS);
                return;
            }
        }
        ServerState server = ctx.server();
        if (save && !server.saveSnapshot()) {
            ctx.reply().error("ERR Error trying to save the DB");
            return;
        }
        for (int i = 0; i < server.keyspace().count(); i++) {
            server.watchedKeys().touchReplacedDb(i, server.keyspace().db(i), null, ctx.now());
        }
        server.keyspace().clear();
        try {
            server.loadSnapshot();
        } catch (SnapshotStore.SnapshotFailure e) {
            ctx.reply().error("ERR Error trying to load the RDB dump, check server logs.");
            return;
        }
        ctx.reply().ok();
    }

    static double strtod(String s) {
        Matcher m = STRTOD.matcher(s);
        return m.find() ? Double.parseDouble(m.group().trim()) : 0;
    }

    private static long atoi(String s) {
        Matcher m = Pattern.compile("^\\s*[+-]?\\d+").matcher(s);
        if (!m.find()) {
            return 0;
        }
        try {
            return Long.parseLong(m.group().trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
