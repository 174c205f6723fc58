package io.jredis.application.script;

import io.jredis.application.acl.AclUser;
import io.jredis.application.acl.AclUsers;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandExecutor;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.Errors;
import io.jredis.application.command.acl.AclDenials;
import io.jredis.application.port.ReplySink;
import io.jredis.application.script.lua.Builtin;
import io.jredis.application.script.lua.Interp;
import io.jredis.application.script.lua.Lib;
import io.jredis.application.script.lua.LuaError;
import io.jredis.application.script.lua.LuaFunction;
import io.jredis.application.script.lua.LuaTable;
import io.jredis.application.server.ServerState;
import io.jredis.application.session.ClientSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Redis 7.0's EVAL machinery: one Lua state with Redis's environment (the redis table, read-only
 * globals, cjson and bit), the script cache by SHA-1, and a script run (KEYS/ARGV, redis.call
 * through the executor, the Lua-to-RESP conversion of the result and Redis's error texts).
 * Lives on the command thread. A script running past busy-reply-threshold serves the other
 * clients from its time check (they get BUSY but for SCRIPT KILL, SHUTDOWN NOSAVE and the
 * allow-busy commands), as Redis 7.0's scriptInterrupt does.
 */
public final class ScriptEngine {

    /** A cached script. */
    record Script(String sha, String body, LuaFunction function, boolean shebang, boolean noWrites) {
    }

    /** What the running script's redis.call needs. */
    private static final class Run {
        CommandContext ctx;
        ClientSession session;
        CommandExecutor executor;
        boolean readOnly;
        /** A write command ran: from then on the script is never refused for memory (Redis's SCRIPT_WRITE_DIRTY). */
        boolean writeDirty;
        int resp = 2;
        /** Server-clock ms when the script started, and when the other clients were last served. */
        long started;
        long lastServed;
        /** Past busy-reply-threshold: the server answers BUSY. */
        boolean timedOut;
        /** SCRIPT KILL asked it to stop. */
        boolean killed;
        /** SHUTDOWN NOSAVE ran meanwhile: the script stops and its client gets no reply. */
        boolean shutdown;
    }

    /** How often, once busy, the script's time check serves the other clients. */
    private static final long SERVE_INTERVAL_MS = 10;

    private Interp lua;
    private final Map<String, Script> cache = new LinkedHashMap<>();
    private long cacheBytes;
    private Run run;
    private final LuaReplySink sink = new LuaReplySink();

    public ScriptEngine() {
        reset();
    }

    private void reset() {
        lua = lua == null ? new Interp() : new Interp(lua.random());
        lua.hook = this::checkTime;
        LuaTable g = lua.globals;
        g.set("redis", redisTable());
        CjsonLib.install(lua);
        BitLib.install(lua);
        StructLib.install(lua);
        CmsgpackLib.install(lua);
        for (String lib : new String[] {"string", "table", "math", "redis", "cjson", "bit", "struct", "cmsgpack"}) {
            if (g.get(lib) instanceof LuaTable t) {
                t.readonly = true;
            }
        }
        LuaTable meta = new LuaTable();
        meta.set("__index", new Builtin("__index", (in, a) -> {
            throw LuaError.where("Script attempted to access nonexistent global variable '"
                    + Interp.rawToString(Lib.arg(a, 1)) + "'");
        }));
        g.metatable = meta;
        g.readonly = true;
    }

    // ---------------------------------------------------------------- cache

    public static String sha1hex(byte[] data) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(data);
            StringBuilder sb = new StringBuilder(40);
            for (byte b : d) {
                sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int cachedScripts() {
        return cache.size();
    }

    /** Bytes of the cached scripts' bodies (INFO's used_memory_scripts_eval, roughly). */
    public long cacheBytes() {
        return cacheBytes;
    }

    public boolean exists(String sha) {
        return cache.containsKey(sha.toLowerCase());
    }

    /** SCRIPT FLUSH: forgets every script and starts a fresh Lua state, as Redis does. */
    public void flush() {
        cache.clear();
        cacheBytes = 0;
        reset();
    }

    /**
     * Compiles (or finds) a script; returns it, or throws ScriptException with the error reply.
     */
    Script load(byte[] bodyBytes) {
        String sha = sha1hex(bodyBytes);
        Script s = cache.get(sha);
        if (s != null) {
            return s;
        }
        String body = new String(bodyBytes, StandardCharsets.ISO_8859_1);
        boolean shebang = body.startsWith("#!");
        boolean noWrites = false;
        String source = body;
        if (shebang) {
            int nl = body.indexOf('\n');
            String first = nl < 0 ? body : body.substring(0, nl);
            noWrites = parseShebang(first);
            source = nl < 0 ? "" : body.substring(nl); // keeps the newline: line numbers stay
        }
        LuaFunction fn;
        try {
            fn = lua.load(source, Interp.CHUNK);
        } catch (LuaError e) {
            throw new ScriptException(Errors.SCRIPT_COMPILE + e.getMessage());
        } catch (StackOverflowError e) {
            throw new ScriptException(Errors.SCRIPT_COMPILE + "user_script: chunk has too many syntax levels");
        }
        s = new Script(sha, body, fn, shebang, noWrites);
        cache.put(sha, s);
        cacheBytes += body.length();
        return s;
    }

    /** Redis 7.0's shebang: "#!lua" then options "flags=a,b"; returns true for no-writes. */
    private static boolean parseShebang(String line) {
        String[] parts = line.split(" ");
        if (!parts[0].equals("#!lua")) {
            throw new ScriptException("ERR Unexpected engine in script shebang: " + parts[0]);
        }
        boolean noWrites = false;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            if (!parts[i].startsWith("flags=")) {
                throw new ScriptException("ERR Unknown lua shebang option: " + parts[i]);
            }
            for (String f : parts[i].substring(6).split(",", -1)) {
                switch (f) {
                    case "no-writes" -> noWrites = true;
                    case "allow-oom", "allow-stale", "no-cluster", "allow-cross-slot-keys", "" -> {
                    }
                    default -> throw new ScriptException("ERR Unexpected flag in script shebang: " + f);
                }
            }
        }
        return noWrites;
    }

    /** An error reply found while preparing or running a script. */
    static final class ScriptException extends RuntimeException {
        ScriptException(String reply) {
            super(reply, null, false, false);
        }
    }

    // ---------------------------------------------------------------- commands

    /** SCRIPT LOAD: returns the SHA-1, or null after replying the compile error. */
    public String load(CommandContext ctx, byte[] body) {
        try {
            return load(body).sha();
        } catch (ScriptException e) {
            ctx.reply().error(e.getMessage());
            return null;
        }
    }

    /**
     * EVAL/EVALSHA(_RO): argument 1 is the body or SHA-1, keys start at {@code firstKey}. The
     * numkeys checks were done.
     */
    public void eval(CommandContext ctx, boolean bySha, boolean readOnly, int firstKey, int numkeys) {
        Arguments a = ctx.args();
        Script s;
        if (bySha) {
            s = a.length(1) == 40 ? cache.get(a.string(1).toLowerCase()) : null;
            if (s == null) {
                ctx.reply().error(Errors.NOSCRIPT);
                return;
            }
        } else {
            try {
                s = load(a.bytes(1));
            } catch (ScriptException e) {
                ctx.reply().error(e.getMessage());
                return;
            }
        }
        run(ctx, s, firstKey, numkeys, readOnly);
    }

    // ---------------------------------------------------------------- running

    /**
     * Runs {@code script} for the command in {@code ctx}: keys are arguments [firstKey,
     * firstKey+numkeys), the rest are ARGV.
     */
    void run(CommandContext ctx, Script script, int firstKey, int numkeys, boolean readOnlyCommand) {
        ReplySink reply = ctx.reply();
        if (readOnlyCommand && script.shebang() && !script.noWrites()) {
            reply.error("ERR Can not execute a script with write flag using *_ro command.");
            return;
        }
        Arguments args = ctx.args();
        LuaTable keys = new LuaTable(numkeys, 0);
        for (int i = 0; i < numkeys; i++) {
            keys.set(i + 1, text(args, firstKey + i));
        }
        int nargv = args.count() - firstKey - numkeys;
        LuaTable argv = new LuaTable(nargv, 0);
        for (int i = 0; i < nargv; i++) {
            argv.set(i + 1, text(args, firstKey + numkeys + i));
        }
        lua.globals.set("KEYS", keys);
        lua.globals.set("ARGV", argv);
        ClientSession session = ctx.session();
        int db = session.db();
        int protocol = session.protocol();
        Run r = new Run();
        r.ctx = ctx;
        r.session = session;
        r.executor = ctx.executor();
        r.readOnly = readOnlyCommand || script.noWrites();
        r.started = ctx.server().clock().millis();
        run = r;
        session.setProtocol(2); // commands reply to the script as to Redis's RESP2 Lua client
        try {
            Object[] result = script.function().call(lua, new Object[0]);
            toResp(result.length == 0 ? null : result[0], reply, r.resp, 0, ctx.server().stats());
        } catch (LuaError e) {
            if (r.shutdown) {
                return; // the server is going away, as Redis exits from inside the script: no reply
            }
            String text = errorReply(e, script.sha());
            reply.error(text);
            if (e.value != null && sink.counted.containsKey(e.value)) {
                ctx.server().stats().errorUncounted(text);
            }
        } catch (StackOverflowError e) {
            reply.error("ERR Error running script, stack overflow script: " + script.sha());
        } catch (RuntimeException e) {
            // an interpreter bug must not take the command thread down with it
            reply.error("ERR Error running script (call to f_" + script.sha() + "): internal error: " + e);
        } finally {
            run = null;
            if (r.timedOut) {
                ctx.server().setBusyScript(false);
                ctx.server().busyScriptPump().scriptEnded();
            }
            sink.counted.clear();
            session.selectDb(db);
            session.setProtocol(protocol);
            lua.globals.set("KEYS", null);
            lua.globals.set("ARGV", null);
        }
    }

    /**
     * The interpreter's periodic check (every few thousand loop iterations): past
     * busy-reply-threshold the server turns busy and the other clients are served every
     * {@link #SERVE_INTERVAL_MS}; a SCRIPT KILL or SHUTDOWN NOSAVE they sent stops the script with
     * an error pcall cannot catch.
     */
    private void checkTime() {
        Run r = run;
        if (r == null) {
            return;
        }
        ServerState server = r.executor.server();
        long now = server.clock().millis();
        if (!r.timedOut) {
            if (now - r.started < server.config().busyReplyThreshold) {
                return;
            }
            r.timedOut = true;
            server.setBusyScript(true);
        } else if (now - r.lastServed < SERVE_INTERVAL_MS) {
            return;
        }
        r.lastServed = now;
        if (server.busyScriptPump().serveOthers()) {
            r.shutdown = true;
        }
        if (r.killed || r.shutdown) {
            LuaError e = new LuaError(Errors.SCRIPT_KILLED);
            e.uncatchable = true;
            throw e;
        }
    }

    /** SCRIPT KILL: stops the running script unless it wrote already. */
    public void kill(CommandContext ctx) {
        Run r = run;
        if (r == null || !r.timedOut) {
            ctx.reply().error(Errors.SCRIPT_NOTBUSY);
        } else if (r.writeDirty) {
            ctx.reply().error(Errors.SCRIPT_UNKILLABLE);
        } else {
            r.killed = true;
            ctx.reply().ok();
        }
    }

    private static String text(Arguments args, int i) {
        return new String(args.array(), args.offset(i), args.length(i), StandardCharsets.ISO_8859_1);
    }

    /** Redis 7.0's reply for an error a script raised. */
    private String errorReply(LuaError e, String sha) {
        Object v = e.value;
        String msg;
        if (v instanceof LuaTable t) {
            Object err = t.get("err");
            msg = err instanceof String s ? s : err instanceof Double d ? Interp.numberToString(d) : "ERR unknown error";
        } else {
            msg = "ERR " + (v instanceof String || v instanceof Double ? Interp.rawToString(v) : lua.tostring(v));
        }
        String out = replyLine(msg);
        if (e.line >= 0) {
            out = out + " script: " + sha + ", on @user_script:" + e.line + ".";
        }
        return out;
    }

    /** Redis's luaPushErrorBuff: "-CODE msg" or "msg" (code ERR) to {err="CODE msg"}. */
    static LuaTable errorTable(String buffer) {
        String code;
        String msg;
        if (buffer.startsWith("-")) {
            int sp = buffer.indexOf(' ');
            if (sp < 0) {
                code = "ERR";
                msg = buffer.substring(1);
            } else {
                code = buffer.substring(1, sp);
                msg = buffer.substring(sp + 1);
            }
        } else {
            code = "ERR";
            msg = buffer;
        }
        msg = msg.replaceAll("^[\r\n]+|[\r\n]+$", "");
        LuaTable t = new LuaTable();
        t.set("err", code + " " + msg);
        return t;
    }

    /** Redis's luaReplyToRedisReply. */
    private void toResp(Object v, ReplySink out, int resp, int depth, io.jredis.application.server.Stats stats) {
        if (v == null) {
            out.nullBulk();
        } else if (v instanceof String s) {
            out.bulk(s.getBytes(StandardCharsets.ISO_8859_1));
        } else if (v instanceof Boolean b) {
            if (resp == 2) {
                if (b) {
                    out.integer(1);
                } else {
                    out.nullBulk();
                }
            } else {
                out.bool(b);
            }
        } else if (v instanceof Double d) {
            out.integer(Interp.toLongC(d));
        } else if (v instanceof LuaTable t) {
            if (depth > 1000) {
                out.error("ERR reached lua stack limit");
                return;
            }
            Object err = t.get("err");
            if (err instanceof String s) {
                String text = replyLine(s);
                out.error(text);
                if (sink.counted.containsKey(t)) {
                    stats.errorUncounted(text);
                }
                return;
            }
            Object ok = t.get("ok");
            if (ok instanceof String s) {
                out.status(replyLine(s));
                return;
            }
            if (resp == 3) {
                if (t.get("double") instanceof Double d) {
                    out.doubleValue(d);
                    return;
                }
                if (t.get("big_number") instanceof String s) {
                    out.bigNumber(s);
                    return;
                }
                if (t.get("map") instanceof LuaTable m) {
                    int n = 0;
                    for (Object[] kv = m.next(null); kv != null; kv = m.next(kv[0])) {
                        n++;
                    }
                    out.map(n);
                    for (Object[] kv = m.next(null); kv != null; kv = m.next(kv[0])) {
                        toResp(kv[0], out, resp, depth + 1, stats);
                        toResp(kv[1], out, resp, depth + 1, stats);
                    }
                    return;
                }
                if (t.get("set") instanceof LuaTable m) {
                    int n = 0;
                    for (Object[] kv = m.next(null); kv != null; kv = m.next(kv[0])) {
                        n++;
                    }
                    out.set(n);
                    for (Object[] kv = m.next(null); kv != null; kv = m.next(kv[0])) {
                        toResp(kv[0], out, resp, depth + 1, stats);
                    }
                    return;
                }
            }
            int n = 0;
            while (t.get(n + 1) != null) {
                n++;
            }
            out.array(n);
            for (int i = 1; i <= n; i++) {
                toResp(t.get(i), out, resp, depth + 1, stats);
            }
        } else {
            out.nullBulk();
        }
    }

    // ---------------------------------------------------------------- the redis table

    /**
     * An {err=} or {ok=} text as Redis replies it: read as a C string (cut at the first NUL) and
     * with CR and LF turned into spaces, so it stays one protocol line.
     */
    private static String replyLine(String s) {
        int nul = s.indexOf('\0');
        return (nul < 0 ? s : s.substring(0, nul)).replace('\r', ' ').replace('\n', ' ');
    }

    private LuaTable redisTable() {
        LuaTable r = new LuaTable();
        r.set("call", new Builtin("call", (in, a) -> new Object[] {call(a, true)}));
        r.set("pcall", new Builtin("pcall", (in, a) -> new Object[] {call(a, false)}));
        r.set("error_reply", new Builtin("error_reply", (in, a) -> {
            if (a.length != 1 || !(a[0] instanceof String)) {
                return new Object[] {errorTable("wrong number or type of arguments")}; // returned, not raised
            }
            String s = (String) a[0];
            return new Object[] {errorTable(s.startsWith("-") ? s : "-" + s)};
        }));
        r.set("status_reply", new Builtin("status_reply", (in, a) -> {
            if (a.length != 1 || !(a[0] instanceof String)) {
                return new Object[] {errorTable("wrong number or type of arguments")}; // returned, not raised
            }
            LuaTable t = new LuaTable();
            t.set("ok", a[0]);
            return new Object[] {t};
        }));
        r.set("sha1hex", new Builtin("sha1hex", (in, a) -> {
            if (a.length != 1) {
                throw new LuaError(errorTable("wrong number of arguments"));
            }
            String s = a[0] instanceof Double d ? Interp.numberToString(d) : a[0] instanceof String x ? x : "";
            return new Object[] {sha1hex(s.getBytes(StandardCharsets.ISO_8859_1))};
        }));
        r.set("log", new Builtin("log", (in, a) -> {
            if (a.length < 2) {
                throw new LuaError(errorTable("redis.log() requires two arguments or more."));
            }
            if (!(a[0] instanceof Double d)) {
                throw new LuaError(errorTable("First argument must be a number (log level)."));
            }
            if (d < 0 || d > 3) {
                throw new LuaError(errorTable("Invalid debug level."));
            }
            return Interp.NONE; // no log port in the application: the line is dropped
        }));
        r.set("setresp", new Builtin("setresp", (in, a) -> {
            if (a.length != 1) {
                throw new LuaError(errorTable("redis.setresp() requires one argument."));
            }
            Double v = Interp.toNumber(a[0]);
            if (v == null || v != 2 && v != 3) {
                throw new LuaError(errorTable("RESP version must be 2 or 3."));
            }
            if (run != null) {
                run.resp = (int) v.doubleValue();
            }
            return Interp.NONE;
        }));
        r.set("set_repl", new Builtin("set_repl", (in, a) -> {
            if (a.length != 1) {
                throw new LuaError(errorTable("redis.set_repl() requires one argument."));
            }
            Double v = Interp.toNumber(a[0]);
            if (v == null || v < 0 || v > 3 || v != Math.floor(v)) {
                throw new LuaError(errorTable(
                        "Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE."));
            }
            return Interp.NONE; // TODO: selective propagation (REPL_NONE/AOF/REPLICA) is not applied
        }));
        r.set("replicate_commands", new Builtin("replicate_commands", (in, a) -> new Object[] {Boolean.TRUE}));
        r.set("breakpoint", new Builtin("breakpoint", (in, a) -> new Object[] {Boolean.FALSE}));
        r.set("debug", new Builtin("debug", (in, a) -> Interp.NONE));
        r.set("LOG_DEBUG", 0.0);
        r.set("LOG_VERBOSE", 1.0);
        r.set("LOG_NOTICE", 2.0);
        r.set("LOG_WARNING", 3.0);
        r.set("REPL_NONE", 0.0);
        r.set("REPL_AOF", 1.0);
        r.set("REPL_SLAVE", 2.0);
        r.set("REPL_REPLICA", 2.0);
        r.set("REPL_ALL", 3.0);
        r.set("REDIS_VERSION", io.jredis.application.command.connection.HelloCommand.REDIS_VERSION);
        r.set("REDIS_VERSION_NUM", (double) versionNum(io.jredis.application.command.connection.HelloCommand.REDIS_VERSION));
        return r;
    }

    private static int versionNum(String v) {
        String[] p = v.split("\\.");
        int n = 0;
        for (int i = 0; i < 3; i++) {
            n = n * 256 + (i < p.length ? Integer.parseInt(p[i]) : 0);
        }
        return n;
    }

    /** redis.call / redis.pcall: runs one command as the script's client. */
    private Object call(Object[] a, boolean raise) {
        Run r = run;
        if (r == null) {
            return fail(Errors.SCRIPT_UNKNOWN_COMMAND, raise); // outside a script run
        }
        if (a.length == 0) {
            return fail(Errors.SCRIPT_NO_ARGUMENTS, raise);
        }
        byte[][] argv = new byte[a.length][];
        for (int i = 0; i < a.length; i++) {
            if (a[i] instanceof String s) {
                argv[i] = s.getBytes(StandardCharsets.ISO_8859_1);
            } else if (a[i] instanceof Double d) {
                double x = d;
                argv[i] = (x == (long) x && Math.abs(x) < 1e17 ? Long.toString((long) x)
                        : Interp.formatG(x, 17, false, false)).getBytes(StandardCharsets.ISO_8859_1);
            } else {
                return fail(Errors.SCRIPT_BAD_ARGUMENT, raise);
            }
        }
        Arguments args = Arguments.of(argv);
        Command command = r.executor.resolve(args);
        if (command == null) {
            return fail(Errors.SCRIPT_UNKNOWN_COMMAND, raise);
        }
        if (!command.spec().arityAccepts(args.count())) {
            return fail(Errors.SCRIPT_WRONG_ARITY, raise);
        }
        if (command.spec().has(CommandFlag.NOSCRIPT)) {
            return fail(Errors.SCRIPT_NOT_ALLOWED, raise);
        }
        String aclError = aclDenial(r, command, args);
        if (aclError != null) {
            return fail(aclError, raise);
        }
        if (r.readOnly && command.spec().has(CommandFlag.WRITE)) {
            return fail(Errors.SCRIPT_WRITE_IN_READONLY, raise);
        }
        // EVAL is not a write itself: a read-only replica refuses the writes it would run
        if (command.spec().has(CommandFlag.WRITE) && !r.session.mustObey()
                && r.executor.server().readOnlyReplica()) {
            return fail("-" + Errors.READONLY_REPLICA, raise);
        }
        // Redis's scriptVerifyOOM: only before the script's first write, so it never stops half-way
        if (r.executor.server().config().maxmemory != 0 && !r.session.mustObey() && !r.writeDirty
                && r.executor.server().eviction().preCommandOom() && command.spec().has(CommandFlag.DENYOOM)) {
            return fail("-" + Errors.OOM, raise);
        }
        if (command.spec().has(CommandFlag.WRITE)) {
            r.writeDirty = true;
        }
        sink.reset(r.resp, r.executor.server().stats());
        r.executor.call(r.session, command, args, sink);
        Object result = sink.result();
        if (raise && sink.isError()) {
            throw new LuaError(result);
        }
        return result;
    }

    /**
     * Redis's scriptVerifyACL: the script's user must be allowed the command, its keys and its
     * channels; a refusal is logged with context "lua". Null when allowed.
     */
    private static String aclDenial(Run r, Command command, Arguments args) {
        AclUser user = r.session.user();
        if (user.unrestricted()) {
            return null;
        }
        AclUsers.Denial d = r.executor.server().acl().check(user, command, args, 0);
        if (d == null) {
            return null;
        }
        AclDenials.log(r.ctx, d, command.spec(), args, 0, "lua");
        return switch (d.reason()) {
            case AclUsers.DENIED_COMMAND -> Errors.SCRIPT_ACL_COMMAND;
            case AclUsers.DENIED_KEY -> Errors.SCRIPT_ACL_KEY;
            default -> Errors.SCRIPT_ACL_CHANNEL;
        };
    }

    private static Object fail(String message, boolean raise) {
        LuaTable t = errorTable(message);
        if (raise) {
            throw new LuaError(t);
        }
        return t;
    }
}
