package io.jredis.application.script.lua;

import static io.jredis.application.script.lua.Lib.*;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Lua 5.1's string library; strings are byte strings held as chars 0-255. */
final class StringLib {

    private StringLib() {
    }

    private static final String SPECIALS = "^$*+?.([%-";

    static void install(Interp in) {
        LuaTable s = new LuaTable();
        register(s, "len", (i, a) -> one((double) checkString(a, 0, "len").length()));
        register(s, "sub", (i, a) -> {
            String str = checkString(a, 0, "sub");
            long l = str.length();
            long st = posrelat(checkInt(a, 1, "sub"), l);
            long en = posrelat(optInt(a, 2, "sub", -1), l);
            if (st < 1) {
                st = 1;
            }
            if (en > l) {
                en = l;
            }
            return one(st <= en ? str.substring((int) st - 1, (int) en) : "");
        });
        register(s, "upper", (i, a) -> {
            char[] c = checkString(a, 0, "upper").toCharArray();
            for (int k = 0; k < c.length; k++) {
                if (c[k] >= 'a' && c[k] <= 'z') {
                    c[k] -= 32;
                }
            }
            return one(new String(c));
        });
        register(s, "lower", (i, a) -> {
            char[] c = checkString(a, 0, "lower").toCharArray();
            for (int k = 0; k < c.length; k++) {
                if (c[k] >= 'A' && c[k] <= 'Z') {
                    c[k] += 32;
                }
            }
            return one(new String(c));
        });
        register(s, "rep", (i, a) -> {
            String str = checkString(a, 0, "rep");
            long n = checkInt(a, 1, "rep");
            if (n <= 0) {
                return one("");
            }
            if ((long) str.length() * n > 512L * 1024 * 1024) {
                throw LuaError.where("not enough memory");
            }
            return one(str.repeat((int) n));
        });
        register(s, "reverse", (i, a) -> one(new StringBuilder(checkString(a, 0, "reverse")).reverse().toString()));
        register(s, "byte", (i, a) -> {
            String str = checkString(a, 0, "byte");
            long l = str.length();
            long st = posrelat(optInt(a, 1, "byte", 1), l);
            long en = posrelat(optInt(a, 2, "byte", st), l);
            if (st <= 0) {
                st = 1;
            }
            if (en > l) {
                en = l;
            }
            if (st > en) {
                return Interp.NONE;
            }
            Object[] out = new Object[(int) (en - st + 1)];
            for (int k = 0; k < out.length; k++) {
                out[k] = (double) str.charAt((int) st - 1 + k);
            }
            return out;
        });
        register(s, "char", (i, a) -> {
            char[] c = new char[a.length];
            for (int k = 0; k < a.length; k++) {
                long v = checkInt(a, k, "char");
                if (v < 0 || v > 255) {
                    throw argError(k, "char", "invalid value");
                }
                c[k] = (char) v;
            }
            return one(new String(c));
        });
        register(s, "format", StringLib::format);
        register(s, "find", (i, a) -> find(a, true));
        register(s, "match", (i, a) -> find(a, false));
        register(s, "gmatch", (i, a) -> {
            String str = checkString(a, 0, "gmatch");
            String pat = checkString(a, 1, "gmatch");
            LuaPattern m = new LuaPattern(str, pat);
            int[] pos = {0};
            return one(new Builtin("gmatch_iter", (i2, a2) -> {
                for (int src = pos[0]; src <= str.length(); src++) {
                    m.reset();
                    int e = m.match(src, 0);
                    if (e != -1) {
                        pos[0] = e == src ? e + 1 : e;
                        return m.captures(src, e, true);
                    }
                }
                return one(null);
            }));
        });
        register(s, "gsub", StringLib::gsub);
        in.globals.set("string", s);
        LuaTable meta = new LuaTable();
        meta.set("__index", s);
        in.stringMeta = meta;
    }

    private static long posrelat(long pos, long len) {
        return pos < 0 ? len + pos + 1 : pos;
    }

    private static Object[] find(Object[] a, boolean find) {
        String fname = find ? "find" : "match";
        String str = checkString(a, 0, fname);
        String pat = checkString(a, 1, fname);
        long init = posrelat(optInt(a, 2, fname, 1), str.length()) - 1;
        if (init < 0) {
            init = 0;
        } else if (init > str.length()) {
            init = str.length(); // Lua 5.1 clamps (5.2 returns nil)
        }
        if (find && (Interp.truthy(arg(a, 3)) || noSpecials(pat))) {
            int idx = str.indexOf(pat, (int) init);
            return idx < 0 ? one(null) : new Object[] {(double) idx + 1, (double) idx + pat.length()};
        }
        LuaPattern m = new LuaPattern(str, pat);
        boolean anchor = pat.startsWith("^");
        int pi = anchor ? 1 : 0;
        int si = (int) init;
        do {
            m.reset();
            int e = m.match(si, pi);
            if (e != -1) {
                if (find) {
                    Object[] caps = m.captures(si, e, false);
                    Object[] out = new Object[caps.length + 2];
                    out[0] = (double) si + 1;
                    out[1] = (double) e;
                    System.arraycopy(caps, 0, out, 2, caps.length);
                    return out;
                }
                return m.captures(si, e, true);
            }
            si++;
        } while (si <= str.length() && !anchor);
        return one(null);
    }

    private static boolean noSpecials(String p) {
        for (int k = 0; k < p.length(); k++) {
            if (SPECIALS.indexOf(p.charAt(k)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static Object[] gsub(Interp in, Object[] a) {
        String src = checkString(a, 0, "gsub");
        String pat = checkString(a, 1, "gsub");
        Object repl = arg(a, 2);
        if (!(repl instanceof Double || repl instanceof String || repl instanceof LuaTable
                || repl instanceof LuaFunction)) {
            throw argError(2, "gsub", "string/function/table expected");
        }
        long maxN = optInt(a, 3, "gsub", src.length() + 1);
        boolean anchor = pat.startsWith("^");
        int pi = anchor ? 1 : 0;
        LuaPattern m = new LuaPattern(src, pat);
        StringBuilder b = new StringBuilder();
        int si = 0;
        long n = 0;
        while (n < maxN) {
            m.reset();
            int e = m.match(si, pi);
            if (e != -1) {
                n++;
                addValue(in, m, b, si, e, repl);
            }
            if (e != -1 && e > si) {
                si = e;
            } else if (si < src.length()) {
                b.append(src.charAt(si++));
            } else {
                break;
            }
            if (anchor) {
                break;
            }
        }
        b.append(src, si, src.length());
        return new Object[] {b.toString(), (double) n};
    }

    private static void addValue(Interp in, LuaPattern m, StringBuilder b, int s, int e, Object repl) {
        Object value;
        if (repl instanceof String || repl instanceof Double) {
            String r = Interp.str(repl);
            for (int k = 0; k < r.length(); k++) {
                char c = r.charAt(k);
                if (c == '%' && k + 1 < r.length()) {
                    char d = r.charAt(++k);
                    if (d >= '0' && d <= '9') {
                        Object cap = d == '0' ? m.src.substring(s, e) : m.capture(d - '1', s, e);
                        b.append(Interp.str(cap));
                    } else {
                        b.append(d);
                    }
                } else {
                    b.append(c);
                }
            }
            return;
        }
        Object key = m.capture(0, s, e);
        if (repl instanceof LuaTable t) {
            value = in.index(t, key, null);
        } else {
            Object[] r = in.call(repl, m.captures(s, e, true));
            value = r.length > 0 ? r[0] : null;
        }
        if (!Interp.truthy(value)) {
            b.append(m.src, s, e);
        } else if (value instanceof String || value instanceof Double) {
            b.append(Interp.str(value));
        } else {
            throw LuaError.where("invalid replacement value (a " + Interp.typeName(value) + ")");
        }
    }

    // ---------------------------------------------------------------- format

    private static Object[] format(Interp in, Object[] a) {
        String fmt = checkString(a, 0, "format");
        StringBuilder b = new StringBuilder();
        int arg = 0;
        int k = 0;
        while (k < fmt.length()) {
            char c = fmt.charAt(k++);
            if (c != '%') {
                b.append(c);
                continue;
            }
            if (k < fmt.length() && fmt.charAt(k) == '%') {
                b.append('%');
                k++;
                continue;
            }
            int start = k;
            while (k < fmt.length() && "-+ #0".indexOf(fmt.charAt(k)) >= 0) {
                k++;
            }
            if (k - start > 5) {
                throw LuaError.where("invalid format (repeated flags)");
            }
            int digits = 0;
            while (k < fmt.length() && Character.isDigit(fmt.charAt(k))) {
                k++;
                digits++;
            }
            if (digits > 2) {
                throw LuaError.where("invalid format (width or precision too long)");
            }
            if (k < fmt.length() && fmt.charAt(k) == '.') {
                k++;
                digits = 0;
                while (k < fmt.length() && Character.isDigit(fmt.charAt(k))) {
                    k++;
                    digits++;
                }
                if (digits > 2) {
                    throw LuaError.where("invalid format (width or precision too long)");
                }
            }
            if (k >= fmt.length()) {
                throw LuaError.where("invalid option '%' to 'format'");
            }
            String spec = fmt.substring(start, k);
            char conv = fmt.charAt(k++);
            arg++;
            if (arg >= a.length && conv != '%') {
                throw argError(arg, "format", "no value");
            }
            switch (conv) {
                case 'c' -> b.append((char) (checkInt(a, arg, "format") & 0xFF));
                case 'd', 'i' -> b.append(cFormat(spec, 'd', checkNumber(a, arg, "format")));
                case 'o', 'u', 'x', 'X' -> b.append(cFormat(spec, conv, checkNumber(a, arg, "format")));
                case 'e', 'E', 'f', 'g', 'G' -> b.append(cFormat(spec, conv, checkNumber(a, arg, "format")));
                case 'q' -> quote(b, checkString(a, arg, "format"));
                case 's' -> {
                    String str = checkString(a, arg, "format");
                    b.append(pad(spec, precisionCut(spec, str), false));
                }
                default -> throw LuaError.where("invalid option '%" + conv + "' to 'format'");
            }
        }
        return one(b.toString());
    }

    private static String precisionCut(String spec, String s) {
        int dot = spec.indexOf('.');
        if (dot < 0) {
            return s;
        }
        int p = dot + 1 < spec.length() ? Integer.parseInt(spec.substring(dot + 1)) : 0;
        return s.length() > p ? s.substring(0, p) : s;
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"', '\\' -> b.append('\\').append(c);
                case '\n' -> b.append("\\\n");
                case '\r' -> b.append("\\r");
                case '\0' -> b.append("\\000");
                default -> b.append(c);
            }
        }
        b.append('"');
    }

    /** Pads to the spec's width: '-' left-justifies, '0' pads numbers with zeros after the sign. */
    private static String pad(String spec, String body, boolean numeric) {
        boolean left = false;
        boolean zero = false;
        int k = 0;
        while (k < spec.length() && "-+ #0".indexOf(spec.charAt(k)) >= 0) {
            if (spec.charAt(k) == '-') {
                left = true;
            } else if (spec.charAt(k) == '0') {
                zero = true;
            }
            k++;
        }
        int w = 0;
        while (k < spec.length() && Character.isDigit(spec.charAt(k))) {
            w = w * 10 + spec.charAt(k++) - '0';
        }
        if (body.length() >= w) {
            return body;
        }
        int fill = w - body.length();
        if (left) {
            return body + " ".repeat(fill);
        }
        if (zero && numeric) {
            int signLen = body.startsWith("-") || body.startsWith("+") || body.startsWith(" ") ? 1 : 0;
            if (body.startsWith("0x", signLen) || body.startsWith("0X", signLen)) {
                signLen += 2;
            }
            return body.substring(0, signLen) + "0".repeat(fill) + body.substring(signLen);
        }
        return " ".repeat(fill) + body;
    }

    /** One numeric conversion as C's printf does it. */
    static String cFormat(String spec, char conv, double v) {
        boolean plus = spec.indexOf('+') >= 0;
        boolean space = spec.indexOf(' ') >= 0;
        boolean alt = spec.indexOf('#') >= 0;
        int dot = spec.indexOf('.');
        int prec = -1;
        if (dot >= 0) {
            prec = dot + 1 < spec.length() ? Integer.parseInt(spec.substring(dot + 1)) : 0;
        }
        String body;
        boolean neg = false;
        switch (conv) {
            case 'd' -> {
                long l = Interp.toLongC(v);
                neg = l < 0;
                body = Long.toString(Math.abs(l));
                if (l == Long.MIN_VALUE) {
                    body = "9223372036854775808";
                }
                if (prec >= 0) {
                    body = prec == 0 && l == 0 ? "" : "0".repeat(Math.max(0, prec - body.length())) + body;
                }
            }
            case 'o', 'u', 'x', 'X' -> {
                // (unsigned long) of a double, as x86-64 gcc converts it (2^70 gives 0)
                long l = v >= 0x1p63 && v < 0x1p64 ? new BigDecimal(v).toBigInteger().longValue()
                        : v >= 0x1p64 || Double.isNaN(v) ? 0 : Interp.toLongC(v);
                body = switch (conv) {
                    case 'o' -> Long.toOctalString(l);
                    case 'u' -> Long.toUnsignedString(l);
                    case 'x' -> Long.toHexString(l);
                    default -> Long.toHexString(l).toUpperCase();
                };
                if (prec >= 0) {
                    body = prec == 0 && l == 0 ? "" : "0".repeat(Math.max(0, prec - body.length())) + body;
                }
                if (alt && l != 0 && conv != 'u') {
                    body = (conv == 'o' ? "0" : conv == 'x' ? "0x" : "0X") + body;
                }
                plus = false;
                space = false;
            }
            default -> {
                neg = v < 0 || (v == 0 && 1 / v < 0);
                double x = Math.abs(v);
                if (Double.isNaN(v)) {
                    neg = true; // glibc prints 0/0 as -nan
                    body = Character.isUpperCase(conv) ? "NAN" : "nan";
                } else if (Double.isInfinite(v)) {
                    body = Character.isUpperCase(conv) ? "INF" : "inf";
                } else {
                    int p = prec < 0 ? 6 : prec;
                    body = switch (conv) {
                        case 'f' -> {
                            String f = new BigDecimal(x).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
                            yield alt && p == 0 ? f + "." : f;
                        }
                        case 'e', 'E' -> {
                            String e = formatE(x, p, alt);
                            yield conv == 'E' ? e.toUpperCase() : e;
                        }
                        default -> Interp.formatG(x, p, alt, conv == 'G');
                    };
                }
            }
        }
        String sign = neg ? "-" : plus ? "+" : space ? " " : "";
        return pad(spec, sign + body, true);
    }

    private static String formatE(double x, int p, boolean alt) {
        if (x == 0) {
            return "0" + (p > 0 ? "." + "0".repeat(p) : alt ? "." : "") + "e+00";
        }
        BigDecimal bd = new BigDecimal(x).round(new java.math.MathContext(p + 1, RoundingMode.HALF_EVEN));
        int exp = bd.precision() - bd.scale() - 1;
        String m = bd.movePointLeft(exp).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
        if (alt && p == 0) {
            m += ".";
        }
        String es = Integer.toString(Math.abs(exp));
        return m + "e" + (exp < 0 ? "-" : "+") + (es.length() < 2 ? "0" + es : es);
    }
}
