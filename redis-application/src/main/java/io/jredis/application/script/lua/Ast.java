package io.jredis.application.script.lua;

/** The executable tree the parser builds: expressions evaluate, statements execute. */
final class Ast {

    private Ast() {
    }

    static final int NORMAL = 0, BREAK = 1, RETURN = 2;

    /** A function activation: local slots, varargs, upvalues and the values being returned. */
    static final class Frame {
        final Object[] slots;
        final Cell[] up;
        Object[] varargs = Interp.NONE;
        Object[] ret = Interp.NONE;
        final Interp in;

        Frame(Interp in, int nslots, Cell[] up) {
            this.in = in;
            this.slots = new Object[nslots];
            this.up = up;
        }
    }

    /** A local variable as the parser resolved it. */
    static final class Var {
        final String name;
        final int slot;
        boolean captured;

        Var(String name, int slot) {
            this.name = name;
            this.slot = slot;
        }
    }

    abstract static class Expr {
        int line;

        abstract Object eval(Frame f);

        /** All values (calls and "..." may give several). */
        Object[] evalMulti(Frame f) {
            return new Object[] {eval(f)};
        }

        boolean multi() {
            return false;
        }

        /** How error messages name this expression ("local 'x'"), or null. */
        String what() {
            return null;
        }
    }

    abstract static class Stat {
        int line;

        abstract int exec(Frame f);
    }

    static LuaError located(LuaError e, int line) {
        if (e.line < 0) {
            e.line = line;
        }
        if (e.addWhere) {
            e.addWhere = false;
            if (e.value instanceof String || e.value instanceof Double) {
                e.value = Interp.CHUNK + ":" + line + ": " + Interp.rawToString(e.value);
            }
        }
        return e;
    }

    static Object first(Object[] r) {
        return r.length == 0 ? null : r[0];
    }

    static Object[] evalList(Expr[] es, Frame f) {
        int n = es.length;
        if (n == 0) {
            return Interp.NONE;
        }
        if (!es[n - 1].multi()) {
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) {
                out[i] = es[i].eval(f);
            }
            return out;
        }
        Object[] head = new Object[n - 1];
        for (int i = 0; i < n - 1; i++) {
            head[i] = es[i].eval(f);
        }
        Object[] tail = es[n - 1].evalMulti(f);
        if (n == 1) {
            return tail;
        }
        Object[] out = new Object[n - 1 + tail.length];
        System.arraycopy(head, 0, out, 0, n - 1);
        System.arraycopy(tail, 0, out, n - 1, tail.length);
        return out;
    }

    // ---------------------------------------------------------------- expressions

    static final class Const extends Expr {
        final Object v;

        Const(Object v) {
            this.v = v;
        }

        @Override
        Object eval(Frame f) {
            return v;
        }
    }

    static final class Vararg extends Expr {
        @Override
        Object eval(Frame f) {
            return f.varargs.length == 0 ? null : f.varargs[0];
        }

        @Override
        Object[] evalMulti(Frame f) {
            return f.varargs;
        }

        @Override
        boolean multi() {
            return true;
        }
    }

    static final class Paren extends Expr {
        final Expr e;

        Paren(Expr e) {
            this.e = e;
        }

        @Override
        Object eval(Frame f) {
            return e.eval(f);
        }

        /** Parentheses leave a single value in its register: Lua 5.1 still names it. */
        @Override
        String what() {
            return e.what();
        }
    }

    static final class Local extends Expr {
        final Var v;

        Local(Var v) {
            this.v = v;
        }

        @Override
        Object eval(Frame f) {
            Object o = f.slots[v.slot];
            return v.captured ? ((Cell) o).v : o;
        }

        @Override
        String what() {
            return "local '" + v.name + "'";
        }
    }

    static final class Upval extends Expr {
        final int idx;
        final String name;

        Upval(int idx, String name) {
            this.idx = idx;
            this.name = name;
        }

        @Override
        Object eval(Frame f) {
            return f.up[idx].v;
        }

        @Override
        String what() {
            return "upvalue '" + name + "'";
        }
    }

    static final class Global extends Expr {
        final String name;

        Global(String name) {
            this.name = name;
        }

        @Override
        Object eval(Frame f) {
            LuaTable g = f.in.globals;
            Object v = g.get(name);
            if (v != null || g.metatable == null) {
                return v;
            }
            try {
                f.in.vmLine = line;
                return f.in.index(g, name, null);
            } catch (LuaError e) {
                throw located(e, line);
            }
        }

        @Override
        String what() {
            return "global '" + name + "'";
        }
    }

    static final class Index extends Expr {
        final Expr obj;
        final Expr key;

        Index(Expr obj, Expr key) {
            this.obj = obj;
            this.key = key;
        }

        @Override
        Object eval(Frame f) {
            Object o = obj.eval(f);
            Object k = key.eval(f);
            if (o instanceof LuaTable t) {
                Object v = t.get(k);
                if (v != null || t.metatable == null) {
                    return v;
                }
            }
            try {
                f.in.vmLine = line;
                return f.in.index(o, k, obj.what());
            } catch (LuaError e) {
                throw located(e, line);
            }
        }

        @Override
        String what() {
            // Lua 5.1's getobjname: an indexed value is a field, named by a constant string key, else '?'
            return key instanceof Const c && c.v instanceof String s ? "field '" + s + "'" : "field '?'";
        }
    }

    static final class Call extends Expr {
        final Expr fn;
        final Expr[] args;
        /** "return f(...)": Lua 5.1 forgets the caller's line for a tail call (error level 2 sees none). */
        boolean tail;

        Call(Expr fn, Expr[] args) {
            this.fn = fn;
            this.args = args;
        }

        @Override
        Object eval(Frame f) {
            return first(evalMulti(f));
        }

        @Override
        Object[] evalMulti(Frame f) {
            Object fv = fn.eval(f);
            Object[] a = evalList(args, f);
            return invoke(f, fv, a, fn.what(), false);
        }

        /** For a method call, argument numbers in library errors leave out self, as luaL_argerror. */
        Object[] invoke(Frame f, Object fv, Object[] a, String what, boolean method) {
            Interp in = f.in;
            try {
                if (fv instanceof LuaFunction lf) {
                    in.enter(tail ? -1 : line);
                    try {
                        return lf.call(in, a);
                    } finally {
                        in.leave();
                    }
                }
                if (in.metamethod(fv, "__call") == null) {
                    throw LuaError.where("attempt to call " + Interp.describe(what, fv));
                }
                return in.call(fv, a);
            } catch (LuaError e) {
                if (method && e.addWhere && e.value instanceof String s && s.startsWith("bad argument #")) {
                    e.value = methodArgument(s);
                }
                throw located(e, line);
            } catch (StackOverflowError e) {
                throw located(LuaError.where("stack overflow"), line);
            }
        }

        @Override
        boolean multi() {
            return true;
        }

        private static String methodArgument(String s) {
            int hash = s.indexOf('#');
            int sp = s.indexOf(' ', hash);
            int n = Integer.parseInt(s.substring(hash + 1, sp)) - 1;
            if (n > 0) {
                return "bad argument #" + n + s.substring(sp);
            }
            int open = s.indexOf('\'', sp);
            int close = s.indexOf('\'', open + 1);
            int paren = s.indexOf('(', close);
            return "calling '" + s.substring(open + 1, close) + "' on bad self " + s.substring(paren);
        }
    }

    static final class MethodCall extends Expr {
        boolean tail;
        final Expr obj;
        final String name;
        final Expr[] args;
        final Call helper;

        MethodCall(Expr obj, String name, Expr[] args, int line) {
            this.obj = obj;
            this.name = name;
            this.args = args;
            this.line = line;
            this.helper = new Call(null, null);
            helper.line = line;
        }

        @Override
        Object eval(Frame f) {
            return first(evalMulti(f));
        }

        @Override
        Object[] evalMulti(Frame f) {
            Object o = obj.eval(f);
            Object fv;
            try {
                f.in.vmLine = line;
                fv = f.in.index(o, name, obj.what());
            } catch (LuaError e) {
                throw located(e, line);
            }
            Object[] rest = evalList(args, f);
            Object[] a = new Object[rest.length + 1];
            a[0] = o;
            System.arraycopy(rest, 0, a, 1, rest.length);
            helper.tail = tail;
            try {
                return helper.invoke(f, fv, a, "method '" + name + "'", true);
            } catch (LuaError e) {
                throw located(e, line);
            }
        }

        @Override
        boolean multi() {
            return true;
        }
    }

    static final class And extends Expr {
        final Expr a, b;

        And(Expr a, Expr b) {
            this.a = a;
            this.b = b;
        }

        @Override
        Object eval(Frame f) {
            Object x = a.eval(f);
            return Interp.truthy(x) ? b.eval(f) : x;
        }
    }

    static final class Or extends Expr {
        final Expr a, b;

        Or(Expr a, Expr b) {
            this.a = a;
            this.b = b;
        }

        @Override
        Object eval(Frame f) {
            Object x = a.eval(f);
            return Interp.truthy(x) ? x : b.eval(f);
        }
    }

    static final class Not extends Expr {
        final Expr a;

        Not(Expr a) {
            this.a = a;
        }

        @Override
        Object eval(Frame f) {
            return !Interp.truthy(a.eval(f));
        }
    }

    static final class Arith extends Expr {
        final int op;
        final Expr a, b;

        Arith(int op, Expr a, Expr b) {
            this.op = op;
            this.a = a;
            this.b = b;
        }

        @Override
        Object eval(Frame f) {
            Object x = a.eval(f);
            Object y = b == null ? x : b.eval(f);
            if (x instanceof Double dx && y instanceof Double dy) {
                return Interp.arithRaw(op, dx, dy);
            }
            try {
                f.in.vmLine = line;
                return f.in.arith(op, x, y, a.what(), b == null ? a.what() : b.what());
            } catch (LuaError e) {
                throw located(e, line);
            }
        }
    }

    static final class Concat extends Expr {
        final Expr a, b;

        Concat(Expr a, Expr b) {
            this.a = a;
            this.b = b;
        }

        @Override
        Object eval(Frame f) {
            Object x = a.eval(f);
            Object y = b.eval(f);
            try {
                f.in.vmLine = line;
                return f.in.concat(x, y, a.what(), b.what());
            } catch (LuaError e) {
                throw located(e, line);
            }
        }
    }

    static final class Len extends Expr {
        final Expr a;

        Len(Expr a) {
            this.a = a;
        }

        @Override
        Object eval(Frame f) {
            Object x = a.eval(f);
            try {
                f.in.vmLine = line;
                return f.in.len(x, a.what());
            } catch (LuaError e) {
                throw located(e, line);
            }
        }
    }

    static final class Compare extends Expr {
        static final int EQ = 0, NE = 1, LT = 2, LE = 3, GT = 4, GE = 5;
        final int op;
        final Expr a, b;

        Compare(int op, Expr a, Expr b) {
            this.op = op;
            this.a = a;
            this.b = b;
        }

        @Override
        Object eval(Frame f) {
            Object x = a.eval(f);
            Object y = b.eval(f);
            Interp in = f.in;
            in.vmLine = line;
            try {
                return switch (op) {
                    case EQ -> in.eq(x, y);
                    case NE -> !in.eq(x, y);
                    case LT -> in.lt(x, y);
                    case LE -> in.le(x, y);
                    case GT -> in.lt(y, x);
                    default -> in.le(y, x);
                };
            } catch (LuaError e) {
                throw located(e, line);
            }
        }
    }

    static final class TableCons extends Expr {
        final Expr[] arrayItems;
        final Expr[] keys;
        final Expr[] vals;

        TableCons(Expr[] arrayItems, Expr[] keys, Expr[] vals) {
            this.arrayItems = arrayItems;
            this.keys = keys;
            this.vals = vals;
        }

        @Override
        Object eval(Frame f) {
            LuaTable t = new LuaTable(arrayItems.length, keys.length);
            try {
                for (int i = 0; i < keys.length; i++) {
                    Object k = keys[i].eval(f);
                    Interp.rawSet(t, k, vals[i].eval(f));
                }
            } catch (LuaError e) {
                throw located(e, line);
            }
            int n = arrayItems.length;
            for (int i = 0; i < n; i++) {
                if (i == n - 1 && arrayItems[i].multi()) {
                    Object[] rest = arrayItems[i].evalMulti(f);
                    for (int j = 0; j < rest.length; j++) {
                        t.set(i + 1 + j, rest[j]);
                    }
                } else {
                    t.set(i + 1, arrayItems[i].eval(f));
                }
            }
            return t;
        }
    }

    static final class Function extends Expr {
        final Parser.Proto p;

        Function(Parser.Proto p) {
            this.p = p;
        }

        @Override
        Object eval(Frame f) {
            Cell[] ups = new Cell[p.upFromLocal.length];
            for (int i = 0; i < ups.length; i++) {
                ups[i] = p.upFromLocal[i] ? (Cell) f.slots[p.upIndex[i]] : f.up[p.upIndex[i]];
            }
            return new Closure(p, ups);
        }
    }

    // ---------------------------------------------------------------- statements

    static final class Block extends Stat {
        final Stat[] stats;

        Block(Stat[] stats) {
            this.stats = stats;
        }

        @Override
        int exec(Frame f) {
            for (Stat s : stats) {
                int r = s.exec(f);
                if (r != NORMAL) {
                    return r;
                }
            }
            return NORMAL;
        }
    }

    static final class ExprStat extends Stat {
        final Expr e;

        ExprStat(Expr e) {
            this.e = e;
        }

        @Override
        int exec(Frame f) {
            e.evalMulti(f);
            return NORMAL;
        }
    }

    static void assignLocal(Frame f, Var v, Object value) {
        if (v.captured) {
            f.slots[v.slot] = new Cell(value);
        } else {
            f.slots[v.slot] = value;
        }
    }

    static final class LocalStat extends Stat {
        final Var[] vars;
        final Expr[] exprs;

        LocalStat(Var[] vars, Expr[] exprs) {
            this.vars = vars;
            this.exprs = exprs;
        }

        @Override
        int exec(Frame f) {
            if (vars.length == 1 && exprs.length == 1) {
                assignLocal(f, vars[0], exprs[0].eval(f));
                return NORMAL;
            }
            Object[] vals = evalList(exprs, f);
            for (int i = 0; i < vars.length; i++) {
                assignLocal(f, vars[i], i < vals.length ? vals[i] : null);
            }
            return NORMAL;
        }
    }

    /** local function f: the variable exists (for recursion) before the closure is made. */
    static final class LocalFunction extends Stat {
        final Var var;
        final Function fn;

        LocalFunction(Var var, Function fn) {
            this.var = var;
            this.fn = fn;
        }

        @Override
        int exec(Frame f) {
            if (var.captured) {
                Cell c = new Cell(null);
                f.slots[var.slot] = c;
                c.v = fn.eval(f);
            } else {
                f.slots[var.slot] = fn.eval(f);
            }
            return NORMAL;
        }
    }

    static final class Assign extends Stat {
        final Expr[] targets;
        final Expr[] exprs;

        Assign(Expr[] targets, Expr[] exprs) {
            this.targets = targets;
            this.exprs = exprs;
        }

        @Override
        int exec(Frame f) {
            if (targets.length == 1 && exprs.length == 1) {
                Expr t = targets[0];
                if (t instanceof Index ix) {
                    Object o = ix.obj.eval(f);
                    Object k = ix.key.eval(f);
                    store(f, t, o, k, exprs[0].eval(f));
                } else {
                    store(f, t, null, null, exprs[0].eval(f));
                }
                return NORMAL;
            }
            Object[] objs = new Object[targets.length];
            Object[] ks = new Object[targets.length];
            for (int i = 0; i < targets.length; i++) {
                if (targets[i] instanceof Index ix) {
                    objs[i] = ix.obj.eval(f);
                    ks[i] = ix.key.eval(f);
                }
            }
            Object[] vals = evalList(exprs, f);
            for (int i = 0; i < targets.length; i++) {
                store(f, targets[i], objs[i], ks[i], i < vals.length ? vals[i] : null);
            }
            return NORMAL;
        }

        private void store(Frame f, Expr t, Object o, Object k, Object v) {
            try {
                if (t instanceof Local l) {
                    if (l.v.captured) {
                        ((Cell) f.slots[l.v.slot]).v = v;
                    } else {
                        f.slots[l.v.slot] = v;
                    }
                } else if (t instanceof Upval u) {
                    f.up[u.idx].v = v;
                } else if (t instanceof Global g) {
                    f.in.vmLine = line;
                    f.in.setIndex(f.in.globals, g.name, v, null);
                } else {
                    Index ix = (Index) t;
                    if (o instanceof LuaTable tab && tab.metatable == null && !tab.readonly && k instanceof String) {
                        tab.set(k, v);
                    } else {
                        f.in.vmLine = line;
                        f.in.setIndex(o, k, v, ix.obj.what());
                    }
                }
            } catch (LuaError e) {
                if (e.fromAssignment) {
                    e.fromAssignment = false;
                    e.addWhere = true;
                }
                throw located(e, line);
            }
        }
    }

    static final class Do extends Stat {
        final Block body;

        Do(Block body) {
            this.body = body;
        }

        @Override
        int exec(Frame f) {
            return body.exec(f);
        }
    }

    static final class While extends Stat {
        final Expr cond;
        final Block body;

        While(Expr cond, Block body) {
            this.cond = cond;
            this.body = body;
        }

        @Override
        int exec(Frame f) {
            while (Interp.truthy(cond.eval(f))) {
                f.in.tick(line);
                int r = body.exec(f);
                if (r == BREAK) {
                    break;
                }
                if (r == RETURN) {
                    return r;
                }
            }
            return NORMAL;
        }
    }

    static final class Repeat extends Stat {
        final Block body;
        final Expr cond;

        Repeat(Block body, Expr cond) {
            this.body = body;
            this.cond = cond;
        }

        @Override
        int exec(Frame f) {
            while (true) {
                f.in.tick(line);
                int r = body.exec(f);
                if (r == BREAK) {
                    break;
                }
                if (r == RETURN) {
                    return r;
                }
                if (Interp.truthy(cond.eval(f))) {
                    break;
                }
            }
            return NORMAL;
        }
    }

    static final class If extends Stat {
        final Expr[] conds;
        final Block[] blocks;
        final Block orElse;

        If(Expr[] conds, Block[] blocks, Block orElse) {
            this.conds = conds;
            this.blocks = blocks;
            this.orElse = orElse;
        }

        @Override
        int exec(Frame f) {
            for (int i = 0; i < conds.length; i++) {
                if (Interp.truthy(conds[i].eval(f))) {
                    return blocks[i].exec(f);
                }
            }
            return orElse == null ? NORMAL : orElse.exec(f);
        }
    }

    static final class NumericFor extends Stat {
        final Var var;
        final Expr start, limit, step;
        final Block body;

        NumericFor(Var var, Expr start, Expr limit, Expr step, Block body) {
            this.var = var;
            this.start = start;
            this.limit = limit;
            this.step = step;
            this.body = body;
        }

        @Override
        int exec(Frame f) {
            Double a = Interp.toNumber(start.eval(f));
            if (a == null) {
                throw LuaError.at(line, "'for' initial value must be a number");
            }
            Double b = Interp.toNumber(limit.eval(f));
            if (b == null) {
                throw LuaError.at(line, "'for' limit must be a number");
            }
            Double c = step == null ? Double.valueOf(1) : Interp.toNumber(step.eval(f));
            if (c == null) {
                throw LuaError.at(line, "'for' step must be a number");
            }
            double i = a;
            double lim = b;
            double st = c;
            while (st > 0 ? i <= lim : i >= lim) {
                f.in.tick(line);
                assignLocal(f, var, i);
                int r = body.exec(f);
                if (r == BREAK) {
                    break;
                }
                if (r == RETURN) {
                    return r;
                }
                i += st;
            }
            return NORMAL;
        }
    }

    static final class GenericFor extends Stat {
        final Var[] vars;
        final Expr[] exprs;
        final Block body;
        final Call caller = new Call(null, null);

        GenericFor(Var[] vars, Expr[] exprs, Block body, int line) {
            this.vars = vars;
            this.exprs = exprs;
            this.body = body;
            this.line = line;
            caller.line = line;
        }

        @Override
        int exec(Frame f) {
            Object[] init = evalList(exprs, f);
            Object fn = init.length > 0 ? init[0] : null;
            Object state = init.length > 1 ? init[1] : null;
            Object control = init.length > 2 ? init[2] : null;
            // pairs/next over a plain table: walk it without calling next() through the interpreter
            if (fn == Base.NEXT && state instanceof LuaTable t) {
                Object k = control;
                while (true) {
                    f.in.tick(line);
                    Object[] kv;
                    try {
                        kv = t.next(k);
                    } catch (LuaError e) {
                        throw located(e, line);
                    }
                    if (kv == null) {
                        return NORMAL;
                    }
                    k = kv[0];
                    assignLocal(f, vars[0], kv[0]);
                    if (vars.length > 1) {
                        assignLocal(f, vars[1], kv[1]);
                        for (int i = 2; i < vars.length; i++) {
                            assignLocal(f, vars[i], null);
                        }
                    }
                    int r = body.exec(f);
                    if (r == BREAK) {
                        return NORMAL;
                    }
                    if (r == RETURN) {
                        return r;
                    }
                }
            }
            while (true) {
                f.in.tick(line);
                Object[] r0 = caller.invoke(f, fn, new Object[] {state, control}, null, false);
                Object v0 = r0.length > 0 ? r0[0] : null;
                if (v0 == null) {
                    return NORMAL;
                }
                control = v0;
                for (int i = 0; i < vars.length; i++) {
                    assignLocal(f, vars[i], i < r0.length ? r0[i] : null);
                }
                int r = body.exec(f);
                if (r == BREAK) {
                    return NORMAL;
                }
                if (r == RETURN) {
                    return r;
                }
            }
        }
    }

    static final class Return extends Stat {
        final Expr[] exprs;

        Return(Expr[] exprs) {
            this.exprs = exprs;
        }

        @Override
        int exec(Frame f) {
            // A tail call of a Lua function could reuse the frame; depth limits keep this simple.
            f.ret = evalList(exprs, f);
            return RETURN;
        }
    }

    static final class Break extends Stat {
        @Override
        int exec(Frame f) {
            return BREAK;
        }
    }
}
