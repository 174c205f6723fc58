package io.jredis.application.script.lua;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * One Lua state: its globals, and the semantics of Lua 5.1's operators (coercions, metamethods,
 * error texts) shared by the tree nodes and the libraries.
 */
public final class Interp {

    /** The chunk name Redis gives scripts ("@user_script"), as it shows in messages. */
    public static final String CHUNK = "user_script";
    public static final Object[] NONE = new Object[0];
    private static final int MAX_DEPTH = 190;

    public final LuaTable globals = new LuaTable();
    public LuaTable stringMeta;
    int depth;
    /** Counts loop iterations and calls between host checks. */
    int ticks;
    /** Called every few thousand steps; may throw a LuaError to stop the script. */
    public Runnable hook;

    final MathLib.Rand48 rand;

    public Interp() {
        this(new MathLib.Rand48());
    }

    /** A state whose math.random continues {@code rand} (Redis's generator is process-wide). */
    public Interp(MathLib.Rand48 rand) {
        this.rand = rand;
        Base.install(this);
        StringLib.install(this);
        TableLib.install(this);
        MathLib.install(this);
    }

    /** Compiles a chunk; throws LuaError with Lua's message when it does not parse. */
    public LuaFunction load(String source) {
        return load(source, CHUNK);
    }

    /** Compiles a chunk under a name for messages ("user_script", "[string \"...\"]"). */
    public LuaFunction load(String source, String chunk) {
        Parser.Proto p = new Parser(source, chunk).parseChunk();
        return new Closure(p, new Cell[0]);
    }

    public MathLib.Rand48 random() {
        return rand;
    }

    /** A loop's back-edge at {@code line}: the host's check runs every 10000 of them. */
    void tick(int line) {
        if (++ticks >= 10000) {
            ticks = 0;
            if (hook != null) {
                try {
                    hook.run();
                } catch (LuaError e) {
                    throw Ast.located(e, line); // Redis names the line the script was stopped at
                }
            }
        }
    }

    /** The line of each active call site, by depth: error(msg, level) names the caller's line. */
    private final int[] callLines = new int[MAX_DEPTH + 2];

    /** The line of the call {@code level} levels up (1 = the current call site), or -1. */
    int callLine(int level) {
        int d = depth - level + 1;
        return d >= 1 && d <= depth ? callLines[d] : -1;
    }

    void enter(int line) {
        if (depth + 1 < callLines.length) {
            callLines[depth + 1] = line;
        }
        if (++depth > MAX_DEPTH) {
            depth = 0; // let the handlers run
            throw LuaError.at(line, "stack overflow");
        }
    }

    void leave() {
        if (depth > 0) {
            depth--;
        }
    }

    // ---------------------------------------------------------------- types

    public static String typeName(Object v) {
        if (v == null) {
            return "nil";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof Double) {
            return "number";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof LuaTable) {
            return "table";
        }
        if (v instanceof LuaFunction) {
            return "function";
        }
        return "userdata";
    }

    public static boolean truthy(Object v) {
        return v != null && v != Boolean.FALSE;
    }

    // ---------------------------------------------------------------- numbers

    /** Lua's lua_str2number: decimal or hex (0x), surrounding spaces allowed; null if not a number. */
    public static Double parseNumber(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        // strip() trims Unicode spaces; Lua only trims C isspace, close enough for bytes < 128
        boolean neg = false;
        String body = t;
        if (body.startsWith("-") || body.startsWith("+")) {
            neg = body.charAt(0) == '-';
            body = body.substring(1);
        }
        if (body.length() > 2 && body.charAt(0) == '0' && (body.charAt(1) == 'x' || body.charAt(1) == 'X')) {
            long v = 0;
            for (int i = 2; i < body.length(); i++) {
                int d = Character.digit(body.charAt(i), 16);
                if (d < 0 || body.charAt(i) > 127) {
                    return null;
                }
                v = v * 16 + d;
            }
            return neg ? -(double) v : (double) v;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                String lower = body.toLowerCase();
                if (lower.equals("inf") || lower.equals("infinity")) {
                    return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                }
                if (lower.equals("nan")) {
                    return Double.NaN;
                }
                return null;
            }
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * C's (long long) cast of a double as x86-64 does it: NaN and values out of range become
     * LLONG_MIN (Java would saturate), what Redis replies for such script results.
     */
    public static long toLongC(double d) {
        if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) d;
    }

    /** A number or a string convertible to one; null otherwise. */
    public static Double toNumber(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof String s) {
            return parseNumber(s);
        }
        return null;
    }

    /** Lua's number to string: "%.14g". */
    public static String numberToString(double d) {
        if (d == (long) d && Math.abs(d) < 1e15) {
            if (d == 0 && 1 / d < 0) {
                return "-0";
            }
            return Long.toString((long) d);
        }
        return formatG(d, 14, false, false);
    }

    /** C's %g with precision {@code prec}; {@code alt} keeps trailing zeros (#), {@code upper} %G. */
    public static String formatG(double d, int prec, boolean alt, boolean upper) {
        if (Double.isNaN(d)) {
            return upper ? "-NAN" : "-nan";
        }
        if (Double.isInfinite(d)) {
            String s = d > 0 ? "inf" : "-inf";
            return upper ? s.toUpperCase() : s;
        }
        if (prec == 0) {
            prec = 1;
        }
        if (d == 0) {
            String z = (1 / d < 0 ? "-" : "") + (alt ? "0." + "0".repeat(prec - 1) : "0");
            return z;
        }
        BigDecimal bd = new BigDecimal(d).round(new MathContext(prec, RoundingMode.HALF_EVEN));
        int exp = bd.precision() - bd.scale() - 1;
        String out;
        if (exp < -4 || exp >= prec) {
            BigDecimal mant = bd.movePointLeft(exp);
            String m = mant.setScale(prec - 1, RoundingMode.HALF_EVEN).toPlainString();
            if (!alt) {
                m = stripZeros(m);
            }
            String es = Integer.toString(Math.abs(exp));
            out = m + (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + (es.length() < 2 ? "0" + es : es);
        } else {
            String m = bd.setScale(Math.max(0, prec - 1 - exp), RoundingMode.HALF_EVEN).toPlainString();
            out = alt ? m : stripZeros(m);
        }
        return out;
    }

    private static String stripZeros(String m) {
        if (m.indexOf('.') < 0) {
            return m;
        }
        int e = m.length();
        while (m.charAt(e - 1) == '0') {
            e--;
        }
        if (m.charAt(e - 1) == '.') {
            e--;
        }
        return m.substring(0, e);
    }

    // ---------------------------------------------------------------- tostring

    /** The line of the Lua operation running now, for metamethods it calls (set on slow paths only). */
    int vmLine = -1;

    /** Calls a metamethod for an operation of Lua code at {@link #vmLine}. */
    Object[] meta(Object h, Object... args) {
        if (h instanceof LuaFunction f) {
            enter(vmLine);
            try {
                return f.call(this, args);
            } finally {
                leave();
            }
        }
        return call(h, args);
    }

    /** Calls a value from a library function: the frame has no Lua line (a C caller in Lua 5.1). */
    public Object[] call(Object fn, Object... args) {
        if (fn instanceof LuaFunction f) {
            enter(-1);
            try {
                return f.call(this, args);
            } finally {
                leave();
            }
        }
        Object h = metamethod(fn, "__call");
        if (h == null) {
            throw LuaError.where("attempt to call a " + typeName(fn) + " value");
        }
        Object[] a = new Object[args.length + 1];
        a[0] = fn;
        System.arraycopy(args, 0, a, 1, args.length);
        return call(h, a);
    }

    public String tostring(Object v) {
        Object h = metamethod(v, "__tostring");
        if (h != null) {
            Object[] r = call(h, v);
            Object s = r.length > 0 ? r[0] : null;
            if (!(s instanceof String) && !(s instanceof Double)) {
                throw LuaError.where("'__tostring' must return a string");
            }
            return s instanceof Double d ? numberToString(d) : (String) s;
        }
        return rawToString(v);
    }

    public static String rawToString(Object v) {
        if (v == null) {
            return "nil";
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (v instanceof Double d) {
            return numberToString(d);
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof LuaTable) {
            return "table: 0x" + String.format("%08x", System.identityHashCode(v));
        }
        if (v instanceof Builtin) {
            return "builtin: 0x" + String.format("%08x", System.identityHashCode(v));
        }
        return "function: 0x" + String.format("%08x", System.identityHashCode(v));
    }

    // ---------------------------------------------------------------- metatables

    public LuaTable metatableOf(Object v) {
        if (v instanceof LuaTable t) {
            return t.metatable;
        }
        if (v instanceof String) {
            return stringMeta;
        }
        return null;
    }

    Object metamethod(Object v, String event) {
        LuaTable mt = metatableOf(v);
        return mt == null ? null : mt.get(event);
    }

    // ---------------------------------------------------------------- indexing

    /** v[k] with __index; {@code what} names v for the error ("local 't'"), may be null. */
    public Object index(Object v, Object k, String what) {
        for (int loop = 0; loop < 100; loop++) {
            Object h;
            if (v instanceof LuaTable t) {
                Object r = t.get(k);
                if (r != null) {
                    return r;
                }
                if (t.metatable == null || (h = t.metatable.get("__index")) == null) {
                    return null;
                }
            } else {
                h = metamethod(v, "__index");
                if (h == null) {
                    throw LuaError.where("attempt to index " + describe(what, v));
                }
            }
            if (h instanceof LuaFunction) {
                Object[] r = meta(h, v, k);
                return r.length > 0 ? r[0] : null;
            }
            v = h;
            what = null;
        }
        throw LuaError.where("loop in gettable");
    }

    public void setIndex(Object v, Object k, Object val, String what) {
        for (int loop = 0; loop < 100; loop++) {
            Object h;
            if (v instanceof LuaTable t) {
                if (t.metatable == null || t.get(k) != null || (h = t.metatable.get("__newindex")) == null) {
                    rawSet(t, k, val);
                    return;
                }
            } else {
                h = metamethod(v, "__newindex");
                if (h == null) {
                    throw LuaError.where("attempt to index " + describe(what, v));
                }
            }
            if (h instanceof LuaFunction) {
                meta(h, v, k, val);
                return;
            }
            v = h;
            what = null;
        }
        throw LuaError.where("loop in settable");
    }

    public static void rawSet(LuaTable t, Object k, Object val) {
        if (k == null) {
            throw LuaError.where("table index is nil");
        }
        if (k instanceof Double d && d.isNaN()) {
            throw LuaError.where("table index is NaN");
        }
        if (t.readonly) {
            LuaError e = new LuaError("Attempt to modify a readonly table");
            e.fromAssignment = true;
            throw e;
        }
        t.set(k, val);
    }

    static String describe(String what, Object v) {
        return (what == null ? "a " : what + " (a ") + typeName(v) + " value" + (what == null ? "" : ")");
    }

    // ---------------------------------------------------------------- arithmetic

    static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, MOD = 4, POW = 5, UNM = 6;
    private static final String[] EVENTS = {"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm"};

    public static double arithRaw(int op, double a, double b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case MOD -> a - Math.floor(a / b) * b;
            case POW -> Math.pow(a, b);
            default -> -a;
        };
    }

    Object arith(int op, Object a, Object b, String whatA, String whatB) {
        Double x = toNumber(a);
        Double y = toNumber(b);
        if (x != null && y != null) {
            return arithRaw(op, x, y);
        }
        Object h = metamethod(a, EVENTS[op]);
        if (h == null) {
            h = metamethod(b, EVENTS[op]);
        }
        if (h == null) {
            boolean blameB = x != null;
            throw LuaError.where("attempt to perform arithmetic on " + describe(blameB ? whatB : whatA, blameB ? b : a));
        }
        Object[] r = meta(h, a, b);
        return r.length > 0 ? r[0] : null;
    }

    Object concat(Object a, Object b, String whatA, String whatB) {
        if ((a instanceof String || a instanceof Double) && (b instanceof String || b instanceof Double)) {
            return str(a).concat(str(b));
        }
        Object h = metamethod(a, "__concat");
        if (h == null) {
            h = metamethod(b, "__concat");
        }
        if (h == null) {
            boolean blameB = a instanceof String || a instanceof Double;
            throw LuaError.where("attempt to concatenate " + describe(blameB ? whatB : whatA, blameB ? b : a));
        }
        Object[] r = meta(h, a, b);
        return r.length > 0 ? r[0] : null;
    }

    static String str(Object v) {
        return v instanceof String s ? s : numberToString((Double) v);
    }

    Object len(Object v, String what) {
        if (v instanceof String s) {
            return (double) s.length();
        }
        if (v instanceof LuaTable t) {
            return (double) t.length();
        }
        Object h = metamethod(v, "__len");
        if (h == null) {
            throw LuaError.where("attempt to get length of " + describe(what, v));
        }
        Object[] r = meta(h, v);
        return r.length > 0 ? r[0] : null;
    }

    // ---------------------------------------------------------------- comparison

    public boolean eq(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof String x && b instanceof String y) {
            return x.equals(y);
        }
        if (a instanceof LuaTable ta && b instanceof LuaTable tb) {
            Object h1 = ta.metatable == null ? null : ta.metatable.get("__eq");
            Object h2 = tb.metatable == null ? null : tb.metatable.get("__eq");
            if (h1 != null && h1 == h2 || h1 != null && eqRaw(h1, h2)) {
                Object[] r = meta(h1, a, b);
                return r.length > 0 && truthy(r[0]);
            }
        }
        return false;
    }

    private static boolean eqRaw(Object a, Object b) {
        return a == b || a != null && !(a instanceof LuaTable) && !(a instanceof LuaFunction) && a.equals(b);
    }

    public boolean lt(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return x < y;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y) < 0;
        }
        return orderMeta(a, b, "__lt");
    }

    public boolean le(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return x <= y;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y) <= 0;
        }
        if (typeName(a).equals(typeName(b)) && (metamethod(a, "__le") != null)) {
            return orderMeta(a, b, "__le");
        }
        if (typeName(a).equals(typeName(b)) && metamethod(a, "__lt") != null) {
            return !orderMeta(b, a, "__lt");
        }
        return orderMeta(a, b, "__le");
    }

    private boolean orderMeta(Object a, Object b, String event) {
        String ta = typeName(a);
        String tb = typeName(b);
        if (ta.equals(tb)) {
            Object h1 = metamethod(a, event);
            Object h2 = metamethod(b, event);
            if (h1 != null && eqRaw(h1, h2)) {
                Object[] r = meta(h1, a, b);
                return r.length > 0 && truthy(r[0]);
            }
            throw LuaError.where("attempt to compare two " + ta + " values");
        }
        throw LuaError.where("attempt to compare " + ta + " with " + tb);
    }
}
