package io.jredis.application.script.lua;

import static io.jredis.application.script.lua.Lib.*;

/** Lua 5.1's math library, with Redis's own rand48 behind math.random. */
public final class MathLib {

    private MathLib() {
    }

    /**
     * Redis's redisLrand48: the 48-bit lrand48 generator, never seeded by Redis 7.0 (its state
     * starts at rand48's constants and carries over from script to script).
     */
    public static final class Rand48 {
        private long x = 0x1234ABCD330EL;

        void seed(int s) {
            x = ((long) s << 16 | 0x330EL) & 0xFFFFFFFFFFFFL;
        }

        int next() {
            x = (x * 0x5DEECE66DL + 0xB) & 0xFFFFFFFFFFFFL;
            return (int) (x >>> 17);
        }
    }

    static void install(Interp in) {
        LuaTable m = new LuaTable();
        Rand48 rand = in.rand;
        register(m, "abs", (i, a) -> one(Math.abs(checkNumber(a, 0, "abs"))));
        register(m, "ceil", (i, a) -> one(Math.ceil(checkNumber(a, 0, "ceil"))));
        register(m, "floor", (i, a) -> one(Math.floor(checkNumber(a, 0, "floor"))));
        register(m, "sqrt", (i, a) -> one(Math.sqrt(checkNumber(a, 0, "sqrt"))));
        register(m, "exp", (i, a) -> one(Math.exp(checkNumber(a, 0, "exp"))));
        register(m, "log", (i, a) -> one(Math.log(checkNumber(a, 0, "log"))));
        register(m, "log10", (i, a) -> one(Math.log10(checkNumber(a, 0, "log10"))));
        register(m, "sin", (i, a) -> one(Math.sin(checkNumber(a, 0, "sin"))));
        register(m, "cos", (i, a) -> one(Math.cos(checkNumber(a, 0, "cos"))));
        register(m, "tan", (i, a) -> one(Math.tan(checkNumber(a, 0, "tan"))));
        register(m, "asin", (i, a) -> one(Math.asin(checkNumber(a, 0, "asin"))));
        register(m, "acos", (i, a) -> one(Math.acos(checkNumber(a, 0, "acos"))));
        register(m, "atan", (i, a) -> one(Math.atan(checkNumber(a, 0, "atan"))));
        register(m, "atan2", (i, a) -> one(Math.atan2(checkNumber(a, 0, "atan2"), checkNumber(a, 1, "atan2"))));
        register(m, "sinh", (i, a) -> one(Math.sinh(checkNumber(a, 0, "sinh"))));
        register(m, "cosh", (i, a) -> one(Math.cosh(checkNumber(a, 0, "cosh"))));
        register(m, "tanh", (i, a) -> one(Math.tanh(checkNumber(a, 0, "tanh"))));
        register(m, "deg", (i, a) -> one(checkNumber(a, 0, "deg") * (180.0 / Math.PI)));
        register(m, "rad", (i, a) -> one(checkNumber(a, 0, "rad") * (Math.PI / 180.0)));
        register(m, "pow", (i, a) -> one(Math.pow(checkNumber(a, 0, "pow"), checkNumber(a, 1, "pow"))));
        register(m, "fmod", (i, a) -> {
            double x = checkNumber(a, 0, "fmod");
            double y = checkNumber(a, 1, "fmod");
            return one(x % y); // Java's % on doubles is C's fmod
        });
        register(m, "modf", (i, a) -> {
            double x = checkNumber(a, 0, "modf");
            double ip = x >= 0 ? Math.floor(x) : Math.ceil(x);
            double frac = Double.isInfinite(x) ? 0.0 : x - ip;
            return new Object[] {ip, frac};
        });
        register(m, "frexp", (i, a) -> {
            double x = checkNumber(a, 0, "frexp");
            if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
                return new Object[] {x, 0.0};
            }
            int e = Math.getExponent(x) + 1;
            double mant = x / Math.pow(2, e);
            if (Math.abs(mant) < 0.5) { // subnormals
                while (Math.abs(mant) < 0.5) {
                    mant *= 2;
                    e--;
                }
            }
            return new Object[] {mant, (double) e};
        });
        register(m, "ldexp", (i, a) -> one(checkNumber(a, 0, "ldexp") * Math.pow(2, checkInt(a, 1, "ldexp"))));
        register(m, "min", (i, a) -> {
            double v = checkNumber(a, 0, "min");
            for (int k = 1; k < a.length; k++) {
                double d = checkNumber(a, k, "min");
                if (d < v) {
                    v = d;
                }
            }
            return one(v);
        });
        register(m, "max", (i, a) -> {
            double v = checkNumber(a, 0, "max");
            for (int k = 1; k < a.length; k++) {
                double d = checkNumber(a, k, "max");
                if (d > v) {
                    v = d;
                }
            }
            return one(v);
        });
        register(m, "random", (i, a) -> {
            double r = (double) (rand.next() % Integer.MAX_VALUE) / Integer.MAX_VALUE;
            switch (a.length) {
                case 0 -> {
                    return one(r);
                }
                case 1 -> {
                    int u = (int) checkInt(a, 0, "random");
                    if (u < 1) {
                        throw argError(0, "random", "interval is empty");
                    }
                    return one(Math.floor(r * u) + 1);
                }
                case 2 -> {
                    int l = (int) checkInt(a, 0, "random");
                    int u = (int) checkInt(a, 1, "random");
                    if (l > u) {
                        throw argError(1, "random", "interval is empty");
                    }
                    return one(Math.floor(r * (u - l + 1)) + l);
                }
                default -> throw LuaError.where("wrong number of arguments");
            }
        });
        register(m, "randomseed", (i, a) -> {
            rand.seed((int) checkInt(a, 0, "randomseed"));
            return Interp.NONE;
        });
        m.set("pi", Math.PI);
        m.set("huge", Double.POSITIVE_INFINITY);
        in.globals.set("math", m);
    }
}
