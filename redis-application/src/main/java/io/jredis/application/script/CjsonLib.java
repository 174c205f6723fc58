package io.jredis.application.script;

import io.jredis.application.script.lua.Builtin;
import io.jredis.application.script.lua.Interp;
import io.jredis.application.script.lua.Lib;
import io.jredis.application.script.lua.LuaError;
import io.jredis.application.script.lua.LuaFunction;
import io.jredis.application.script.lua.LuaTable;

import java.nio.charset.StandardCharsets;

/**
 * Lua CJSON 2.1 ("cjson") as Redis bundles it, with its default settings: numbers as "%.14g",
 * '/' escaped, sparse arrays up to ratio 2 / safe 10, depth 1000, and its error texts.
 */
final class CjsonLib {

    /** cjson.null: a light userdata in C, a unique value here. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "userdata: (nil)";
        }
    };

    private static final int MAX_DEPTH = 1000;

    private CjsonLib() {
    }

    static void install(Interp in) {
        LuaTable c = new LuaTable();
        c.set("null", NULL);
        c.set("_NAME", "cjson");
        c.set("_VERSION", "2.1.0");
        c.set("encode", new Builtin("encode", (i, a) -> {
            if (a.length != 1) {
                throw LuaError.where("bad argument #1 to 'encode' (expected 1 argument)");
            }
            StringBuilder b = new StringBuilder();
            encode(b, a[0], 0);
            return Lib.one(b.toString());
        }));
        c.set("decode", new Builtin("decode", (i, a) -> {
            if (a.length != 1) {
                throw LuaError.where("bad argument #1 to 'decode' (expected 1 argument)");
            }
            String s = Lib.checkString(a, 0, "decode");
            return Lib.one(new Decoder(s).document());
        }));
        for (String setting : new String[] {"encode_sparse_array", "encode_max_depth", "decode_max_depth",
                "encode_number_precision", "encode_keep_buffer", "encode_invalid_numbers",
                "decode_invalid_numbers"}) {
            c.set(setting, new Builtin(setting, (i, a) -> a)); // settings are accepted, defaults kept
        }
        in.globals.set("cjson", c);
    }

    // ---------------------------------------------------------------- encode

    private static void encode(StringBuilder b, Object v, int depth) {
        if (v == null || v == NULL) {
            b.append("null");
        } else if (v instanceof Boolean bo) {
            b.append(bo ? "true" : "false");
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw LuaError.where("Cannot serialise number: must not be NaN or Inf");
            }
            b.append(Interp.formatG(d, 14, false, false));
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof LuaTable t) {
            if (depth + 1 > MAX_DEPTH) {
                throw LuaError.where("Cannot serialise, excessive nesting (" + (depth + 1) + ")");
            }
            int n = arrayLength(t);
            if (n > 0) {
                b.append('[');
                for (int k = 1; k <= n; k++) {
                    if (k > 1) {
                        b.append(',');
                    }
                    encode(b, t.get(k), depth + 1);
                }
                b.append(']');
            } else {
                b.append('{');
                boolean first = true;
                for (Object[] kv = t.next(null); kv != null; kv = t.next(kv[0])) {
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    if (kv[0] instanceof String s) {
                        string(b, s);
                    } else if (kv[0] instanceof Double d) {
                        b.append('"').append(Interp.formatG(d, 14, false, false)).append('"');
                    } else {
                        throw LuaError.where("Cannot serialise " + Interp.typeName(kv[0]) + ": table key must be a number or string");
                    }
                    b.append(':');
                    encode(b, kv[1], depth + 1);
                }
                b.append('}');
            }
        } else if (v instanceof LuaFunction) {
            throw LuaError.where("Cannot serialise function: type not supported");
        } else {
            throw LuaError.where("Cannot serialise " + Interp.typeName(v) + ": type not supported");
        }
    }

    /** lua_array_length: the array size, -1 when the table is an object; errors on excessive sparseness. */
    private static int arrayLength(LuaTable t) {
        int max = 0;
        int items = 0;
        for (Object[] kv = t.next(null); kv != null; kv = t.next(kv[0])) {
            if (kv[0] instanceof Double d && d >= 1 && d == Math.floor(d)) {
                if (d > max) {
                    max = (int) Math.min(d, Integer.MAX_VALUE);
                }
                items++;
            } else {
                return -1;
            }
        }
        if (max > items * 2 && max > 10) {
            throw LuaError.where("Cannot serialise table: excessively sparse array");
        }
        return max;
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '/' -> b.append("\\/");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 32 || c == 127) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    // ---------------------------------------------------------------- decode

    private static final class Decoder {
        private final String s;
        private int pos;
        private int depth;

        Decoder(String s) {
            this.s = s;
        }

        Object document() {
            Object v = value();
            skipSpace();
            if (pos < s.length()) {
                throw expected("the end", tokenName(), pos);
            }
            return v;
        }

        private void skipSpace() {
            while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        private String tokenName() {
            if (pos >= s.length()) {
                return "T_END";
            }
            return switch (s.charAt(pos)) {
                case '{' -> "T_OBJ_BEGIN";
                case '}' -> "T_OBJ_END";
                case '[' -> "T_ARR_BEGIN";
                case ']' -> "T_ARR_END";
                case '"' -> "T_STRING";
                case ':' -> "T_COLON";
                case ',' -> "T_COMMA";
                case 't', 'f' -> "T_BOOLEAN";
                case 'n' -> "T_NULL";
                default -> Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '-' ? "T_NUMBER" : "invalid token";
            };
        }

        private static LuaError expected(String what, String found, int at) {
            return LuaError.where("Expected " + what + " but found " + found + " at character " + (at + 1));
        }

        private Object value() {
            skipSpace();
            if (pos >= s.length()) {
                throw expected("value", "T_END", pos);
            }
            char c = s.charAt(pos);
            switch (c) {
                case '{' -> {
                    return object();
                }
                case '[' -> {
                    return array();
                }
                case '"' -> {
                    return string();
                }
                default -> {
                }
            }
            if (s.startsWith("true", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", pos)) {
                pos += 4;
                return NULL;
            }
            if (c == '-' || Character.isDigit(c)) {
                int start = pos;
                while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                    pos++;
                }
                Double d = Interp.parseNumber(s.substring(start, pos));
                if (d == null) {
                    throw expected("value", "invalid number", start);
                }
                return d;
            }
            throw expected("value", "invalid token", pos);
        }

        private void enter() {
            if (++depth > MAX_DEPTH) {
                throw LuaError.where("Found too many nested data structures (" + depth + ") at character " + (pos + 1));
            }
        }

        private LuaTable object() {
            enter();
            pos++;
            LuaTable t = new LuaTable();
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                depth--;
                return t;
            }
            while (true) {
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != '"') {
                    throw expected("object key string", tokenName(), pos);
                }
                String key = string();
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != ':') {
                    throw expected("colon", tokenName(), pos);
                }
                pos++;
                Object v = value();
                t.set(key, v);
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                if (pos < s.length() && s.charAt(pos) == '}') {
                    pos++;
                    depth--;
                    return t;
                }
                throw expected("comma or object end", tokenName(), pos);
            }
        }

        private LuaTable array() {
            enter();
            pos++;
            LuaTable t = new LuaTable();
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                depth--;
                return t;
            }
            int n = 0;
            while (true) {
                Object v = value();
                t.set(++n, v);
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                if (pos < s.length() && s.charAt(pos) == ']') {
                    pos++;
                    depth--;
                    return t;
                }
                throw expected("comma or array end", tokenName(), pos);
            }
        }

        private String string() {
            int start = pos;
            pos++;
            StringBuilder b = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw expected("value", "invalid token", start);
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (pos >= s.length()) {
                    throw expected("value", "invalid token", start);
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw expected("value", "invalid unicode escape code", start);
                        }
                        int cp;
                        try {
                            cp = Integer.parseInt(s.substring(pos, pos + 4), 16);
                        } catch (NumberFormatException x) {
                            throw expected("value", "invalid unicode escape code", start);
                        }
                        pos += 4;
                        if (cp >= 0xD800 && cp <= 0xDBFF && s.startsWith("\\u", pos)) {
                            int lo = Integer.parseInt(s.substring(pos + 2, pos + 6), 16);
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                            pos += 6;
                        }
                        byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                        b.append(new String(utf8, StandardCharsets.ISO_8859_1));
                    }
                    default -> throw expected("value", "invalid escape code", start);
                }
            }
        }
    }
}
