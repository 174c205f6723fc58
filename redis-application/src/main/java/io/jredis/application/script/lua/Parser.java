package io.jredis.application.script.lua;

import io.jredis.application.script.lua.Ast.Expr;
import io.jredis.application.script.lua.Ast.Stat;
import io.jredis.application.script.lua.Ast.Var;

import java.util.ArrayList;
import java.util.List;

/**
 * Lua 5.1's grammar, by recursive descent, straight to executable nodes. Locals resolve to frame
 * slots here; a local a closure captures is marked so its slot holds a cell.
 */
final class Parser {

    /** A compiled function. */
    static final class Proto {
        String name = "?";
        Var[] params = new Var[0];
        boolean vararg;
        int nslots;
        Ast.Block body;
        boolean[] upFromLocal;
        int[] upIndex;
    }

    private static final class FuncState {
        final FuncState parent;
        final List<Var> actives = new ArrayList<>();
        int freeSlot;
        int maxSlots;
        final List<String> upNames = new ArrayList<>();
        final List<Boolean> upFromLocal = new ArrayList<>();
        final List<Integer> upIndex = new ArrayList<>();
        boolean vararg;
        int loopDepth;

        FuncState(FuncState parent) {
            this.parent = parent;
        }
    }

    private final Lexer lx;
    private FuncState fs;

    Parser(String source, String chunk) {
        this.lx = new Lexer(source, chunk);
    }

    Proto parseChunk() {
        fs = new FuncState(null);
        fs.vararg = true;
        lx.next();
        Ast.Block body = block();
        if (lx.kind != Lexer.EOF) {
            throw error("'<eof>' expected");
        }
        Proto p = new Proto();
        p.name = "main";
        p.vararg = true;
        p.body = body;
        p.nslots = fs.maxSlots;
        p.upFromLocal = new boolean[0];
        p.upIndex = new int[0];
        return p;
    }

    // ---------------------------------------------------------------- helpers

    private LuaError error(String msg) {
        return new LuaError(lx.chunk + ":" + lx.line + ": " + msg + " near '" + lx.raw + "'");
    }

    private boolean check(String kind) {
        return lx.kind.equals(kind);
    }

    private boolean accept(String kind) {
        if (lx.kind.equals(kind)) {
            lx.next();
            return true;
        }
        return false;
    }

    private void expect(String kind) {
        if (!accept(kind)) {
            throw error("'" + kind + "' expected");
        }
    }

    private void expectMatch(String what, String who, int line) {
        if (!accept(what)) {
            if (line == lx.line) {
                throw error("'" + what + "' expected");
            }
            throw error("'" + what + "' expected (to close '" + who + "' at line " + line + ")");
        }
    }

    private String name() {
        if (!check(Lexer.NAME)) {
            throw error("<name> expected");
        }
        String n = lx.text;
        lx.next();
        return n;
    }

    private Var declare(String name) {
        Var v = new Var(name, fs.freeSlot++);
        if (fs.freeSlot > fs.maxSlots) {
            fs.maxSlots = fs.freeSlot;
        }
        return v;
    }

    private void activate(Var v) {
        fs.actives.add(v);
    }

    private static boolean blockEnd(String k) {
        return k.equals("else") || k.equals("elseif") || k.equals("end") || k.equals("until") || k.equals(Lexer.EOF);
    }

    // ---------------------------------------------------------------- name resolution

    private Expr resolve(String name, int line) {
        Expr e = resolveIn(fs, name);
        if (e == null) {
            e = new Ast.Global(name);
        }
        e.line = line;
        return e;
    }

    private static Expr resolveIn(FuncState f, String name) {
        for (int i = f.actives.size() - 1; i >= 0; i--) {
            Var v = f.actives.get(i);
            if (v.name.equals(name)) {
                return new Ast.Local(v);
            }
        }
        int u = f.upNames.indexOf(name);
        if (u >= 0) {
            return new Ast.Upval(u, name);
        }
        if (f.parent == null) {
            return null;
        }
        Expr outer = resolveIn(f.parent, name);
        if (outer == null) {
            return null;
        }
        if (outer instanceof Ast.Local l) {
            l.v.captured = true;
            f.upFromLocal.add(true);
            f.upIndex.add(l.v.slot);
        } else {
            f.upFromLocal.add(false);
            f.upIndex.add(((Ast.Upval) outer).idx);
        }
        f.upNames.add(name);
        return new Ast.Upval(f.upNames.size() - 1, name);
    }

    // ---------------------------------------------------------------- statements

    private Ast.Block block() {
        int savedActives = fs.actives.size();
        int savedFree = fs.freeSlot;
        List<Stat> stats = new ArrayList<>();
        while (!blockEnd(lx.kind)) {
            if (check("return")) {
                stats.add(returnStat());
                break;
            }
            if (check("break")) {
                int line = lx.line;
                lx.next();
                if (fs.loopDepth == 0) {
                    throw new LuaError(lx.chunk + ":" + line + ": no loop to break near '" + lx.raw + "'");
                }
                Stat s = new Ast.Break();
                s.line = line;
                stats.add(s);
                accept(";");
                break;
            }
            stats.add(statement());
            accept(";");
        }
        while (fs.actives.size() > savedActives) {
            fs.actives.remove(fs.actives.size() - 1);
        }
        fs.freeSlot = savedFree;
        return new Ast.Block(stats.toArray(new Stat[0]));
    }

    private Stat returnStat() {
        int line = lx.line;
        lx.next();
        Expr[] es = blockEnd(lx.kind) || check(";") ? new Expr[0] : exprList();
        if (es.length == 1 && es[0] instanceof Ast.Call c) {
            c.tail = true;
        } else if (es.length == 1 && es[0] instanceof Ast.MethodCall m) {
            m.tail = true;
        }
        accept(";");
        if (!blockEnd(lx.kind)) {
            throw error("'<eof>' expected");
        }
        Stat s = new Ast.Return(es);
        s.line = line;
        return s;
    }

    private Stat statement() {
        int line = lx.line;
        Stat s = switch (lx.kind) {
            case "if" -> ifStat(line);
            case "while" -> {
                lx.next();
                Expr cond = expr();
                expect("do");
                fs.loopDepth++;
                Ast.Block body = block();
                fs.loopDepth--;
                expectMatch("end", "while", line);
                yield new Ast.While(cond, body);
            }
            case "do" -> {
                lx.next();
                Ast.Block body = block();
                expectMatch("end", "do", line);
                yield new Ast.Do(body);
            }
            case "for" -> forStat(line);
            case "repeat" -> {
                lx.next();
                fs.loopDepth++;
                // the condition sees the body's locals: parse both in one scope
                int savedActives = fs.actives.size();
                int savedFree = fs.freeSlot;
                List<Stat> stats = new ArrayList<>();
                while (!blockEnd(lx.kind)) {
                    if (check("return")) {
                        stats.add(returnStat());
                        break;
                    }
                    if (check("break")) {
                        lx.next();
                        stats.add(new Ast.Break());
                        accept(";");
                        break;
                    }
                    stats.add(statement());
                    accept(";");
                }
                fs.loopDepth--;
                expectMatch("until", "repeat", line);
                Expr cond = expr();
                while (fs.actives.size() > savedActives) {
                    fs.actives.remove(fs.actives.size() - 1);
                }
                fs.freeSlot = savedFree;
                yield new Ast.Repeat(new Ast.Block(stats.toArray(new Stat[0])), cond);
            }
            case "function" -> {
                lx.next();
                String n = name();
                Expr target = resolve(n, line);
                String fullName = n;
                boolean method = false;
                while (check(".") || check(":")) {
                    boolean colon = check(":");
                    lx.next();
                    String key = name();
                    fullName = key;
                    Expr k = new Ast.Const(key);
                    target = new Ast.Index(target, k);
                    target.line = line;
                    if (colon) {
                        method = true;
                        break;
                    }
                }
                Ast.Function fn = body(method, line, fullName);
                yield new Ast.Assign(new Expr[] {target}, new Expr[] {fn});
            }
            case "local" -> {
                lx.next();
                if (accept("function")) {
                    String n = name();
                    Var v = declare(n);
                    activate(v);
                    yield new Ast.LocalFunction(v, body(false, line, n));
                }
                List<Var> vars = new ArrayList<>();
                do {
                    vars.add(declare(name()));
                } while (accept(","));
                Expr[] es = accept("=") ? exprList() : new Expr[0];
                for (Var v : vars) {
                    activate(v);
                }
                yield new Ast.LocalStat(vars.toArray(new Var[0]), es);
            }
            default -> exprStat();
        };
        s.line = line;
        return s;
    }

    private Stat ifStat(int line) {
        List<Expr> conds = new ArrayList<>();
        List<Ast.Block> blocks = new ArrayList<>();
        Ast.Block orElse = null;
        lx.next();
        conds.add(expr());
        expect("then");
        blocks.add(block());
        while (true) {
            if (check("elseif")) {
                lx.next();
                conds.add(expr());
                expect("then");
                blocks.add(block());
            } else if (check("else")) {
                lx.next();
                orElse = block();
                expectMatch("end", "if", line);
                break;
            } else {
                expectMatch("end", "if", line);
                break;
            }
        }
        return new Ast.If(conds.toArray(new Expr[0]), blocks.toArray(new Ast.Block[0]), orElse);
    }

    private Stat forStat(int line) {
        lx.next();
        String first = name();
        if (check("=")) {
            lx.next();
            Expr start = expr();
            expect(",");
            Expr limit = expr();
            Expr step = accept(",") ? expr() : null;
            expect("do");
            int savedActives = fs.actives.size();
            int savedFree = fs.freeSlot;
            Var v = declare(first);
            activate(v);
            fs.loopDepth++;
            Ast.Block body = block();
            fs.loopDepth--;
            truncate(savedActives, savedFree);
            expectMatch("end", "for", line);
            return new Ast.NumericFor(v, start, limit, step, body);
        }
        if (!check(",") && !check("in")) {
            throw error("'=' or 'in' expected");
        }
        List<String> names = new ArrayList<>();
        names.add(first);
        while (accept(",")) {
            names.add(name());
        }
        expect("in");
        Expr[] es = exprList();
        expect("do");
        int savedActives = fs.actives.size();
        int savedFree = fs.freeSlot;
        Var[] vars = new Var[names.size()];
        for (int i = 0; i < vars.length; i++) {
            vars[i] = declare(names.get(i));
        }
        for (Var v : vars) {
            activate(v);
        }
        fs.loopDepth++;
        Ast.Block body = block();
        fs.loopDepth--;
        truncate(savedActives, savedFree);
        expectMatch("end", "for", line);
        return new Ast.GenericFor(vars, es, body, line);
    }

    private void truncate(int actives, int free) {
        while (fs.actives.size() > actives) {
            fs.actives.remove(fs.actives.size() - 1);
        }
        fs.freeSlot = free;
    }

    private Stat exprStat() {
        Expr e = suffixedExpr();
        if (!(e instanceof Ast.Call) && !(e instanceof Ast.MethodCall)) {
            List<Expr> targets = new ArrayList<>();
            targets.add(assignable(e));
            while (accept(",")) {
                targets.add(assignable(suffixedExpr()));
            }
            expect("=");
            Expr[] es = exprList();
            return new Ast.Assign(targets.toArray(new Expr[0]), es);
        }
        return new Ast.ExprStat(e);
    }

    private Expr assignable(Expr e) {
        if (e instanceof Ast.Local || e instanceof Ast.Upval || e instanceof Ast.Global || e instanceof Ast.Index) {
            return e;
        }
        throw error("syntax error");
    }

    // ---------------------------------------------------------------- functions

    private Ast.Function body(boolean method, int line, String name) {
        FuncState outer = fs;
        fs = new FuncState(outer);
        List<Var> params = new ArrayList<>();
        if (method) {
            Var self = declare("self");
            activate(self);
            params.add(self);
        }
        expect("(");
        if (!check(")")) {
            do {
                if (check("...")) {
                    lx.next();
                    fs.vararg = true;
                    break;
                }
                Var v = declare(name());
                activate(v);
                params.add(v);
            } while (accept(","));
        }
        expect(")");
        fs.loopDepth = 0;
        Ast.Block b = block();
        expectMatch("end", "function", line);
        Proto p = new Proto();
        p.name = name;
        p.params = params.toArray(new Var[0]);
        p.vararg = fs.vararg;
        p.body = b;
        p.nslots = fs.maxSlots;
        p.upFromLocal = new boolean[fs.upNames.size()];
        p.upIndex = new int[fs.upNames.size()];
        for (int i = 0; i < p.upIndex.length; i++) {
            p.upFromLocal[i] = fs.upFromLocal.get(i);
            p.upIndex[i] = fs.upIndex.get(i);
        }
        fs = outer;
        Ast.Function f = new Ast.Function(p);
        f.line = line;
        return f;
    }

    // ---------------------------------------------------------------- expressions

    private Expr[] exprList() {
        List<Expr> es = new ArrayList<>();
        es.add(expr());
        while (accept(",")) {
            es.add(expr());
        }
        return es.toArray(new Expr[0]);
    }

    private Expr expr() {
        return subExpr(0);
    }

    // Lua 5.1's priorities: {left, right}
    private static int[] priority(String op) {
        return switch (op) {
            case "or" -> new int[] {1, 1};
            case "and" -> new int[] {2, 2};
            case "<", ">", "<=", ">=", "~=", "==" -> new int[] {3, 3};
            case ".." -> new int[] {5, 4};
            case "+", "-" -> new int[] {6, 6};
            case "*", "/", "%" -> new int[] {7, 7};
            case "^" -> new int[] {10, 9};
            default -> null;
        };
    }

    private static final int UNARY_PRIORITY = 8;

    private int levels;

    private Expr subExpr(int limit) {
        if (++levels > 200) { // LUAI_MAXCCALLS
            throw new LuaError(lx.chunk + ":" + lx.line + ": chunk has too many syntax levels");
        }
        try {
            return subExprBody(limit);
        } finally {
            levels--;
        }
    }

    private Expr subExprBody(int limit) {
        Expr e;
        int line = lx.line;
        if (check("not") || check("-") || check("#")) {
            String op = lx.kind;
            lx.next();
            Expr a = subExpr(UNARY_PRIORITY);
            if (op.equals("not")) {
                e = new Ast.Not(a);
            } else if (op.equals("-")) {
                e = a instanceof Ast.Const c && c.v instanceof Double d ? new Ast.Const(-d) : new Ast.Arith(Interp.UNM, a, null);
            } else {
                e = new Ast.Len(a);
            }
            e.line = line;
        } else {
            e = simpleExpr();
        }
        while (true) {
            int[] pr = priority(lx.kind);
            if (pr == null || pr[0] <= limit) {
                return e;
            }
            String op = lx.kind;
            int opLine = lx.line;
            lx.next();
            Expr b = subExpr(pr[1]);
            e = binary(op, e, b);
            e.line = opLine;
        }
    }

    private static Expr binary(String op, Expr a, Expr b) {
        return switch (op) {
            case "or" -> new Ast.Or(a, b);
            case "and" -> new Ast.And(a, b);
            case "+" -> new Ast.Arith(Interp.ADD, a, b);
            case "-" -> new Ast.Arith(Interp.SUB, a, b);
            case "*" -> new Ast.Arith(Interp.MUL, a, b);
            case "/" -> new Ast.Arith(Interp.DIV, a, b);
            case "%" -> new Ast.Arith(Interp.MOD, a, b);
            case "^" -> new Ast.Arith(Interp.POW, a, b);
            case ".." -> new Ast.Concat(a, b);
            case "==" -> new Ast.Compare(Ast.Compare.EQ, a, b);
            case "~=" -> new Ast.Compare(Ast.Compare.NE, a, b);
            case "<" -> new Ast.Compare(Ast.Compare.LT, a, b);
            case "<=" -> new Ast.Compare(Ast.Compare.LE, a, b);
            case ">" -> new Ast.Compare(Ast.Compare.GT, a, b);
            default -> new Ast.Compare(Ast.Compare.GE, a, b);
        };
    }

    private Expr simpleExpr() {
        int line = lx.line;
        Expr e;
        switch (lx.kind) {
            case Lexer.NUMBER -> {
                e = new Ast.Const(lx.number);
                lx.next();
            }
            case Lexer.STRING -> {
                e = new Ast.Const(lx.text);
                lx.next();
            }
            case "nil" -> {
                e = new Ast.Const(null);
                lx.next();
            }
            case "true" -> {
                e = new Ast.Const(Boolean.TRUE);
                lx.next();
            }
            case "false" -> {
                e = new Ast.Const(Boolean.FALSE);
                lx.next();
            }
            case "..." -> {
                if (!fs.vararg) {
                    throw error("cannot use '...' outside a vararg function");
                }
                e = new Ast.Vararg();
                lx.next();
            }
            case "{" -> e = table();
            case "function" -> {
                lx.next();
                return body(false, line, "anonymous");
            }
            default -> {
                return suffixedExpr();
            }
        }
        e.line = line;
        return e;
    }

    private Expr primaryExpr() {
        int line = lx.line;
        if (check(Lexer.NAME)) {
            return resolve(name(), line);
        }
        if (accept("(")) {
            Expr e = expr();
            expectMatch(")", "(", line);
            Expr p = new Ast.Paren(e);
            p.line = line;
            return p;
        }
        throw error("unexpected symbol");
    }

    private Expr suffixedExpr() {
        Expr e = primaryExpr();
        while (true) {
            int line = lx.line;
            switch (lx.kind) {
                case "." -> {
                    lx.next();
                    e = new Ast.Index(e, new Ast.Const(name()));
                    e.line = line;
                }
                case "[" -> {
                    lx.next();
                    Expr k = expr();
                    expect("]");
                    e = new Ast.Index(e, k);
                    e.line = line;
                }
                case ":" -> {
                    lx.next();
                    String n = name();
                    e = new Ast.MethodCall(e, n, callArgs(), line);
                }
                case "(", Lexer.STRING, "{" -> {
                    e = new Ast.Call(e, callArgs());
                    e.line = line;
                }
                default -> {
                    return e;
                }
            }
        }
    }

    private Expr[] callArgs() {
        if (check(Lexer.STRING)) {
            Expr s = new Ast.Const(lx.text);
            lx.next();
            return new Expr[] {s};
        }
        if (check("{")) {
            return new Expr[] {table()};
        }
        int line = lx.line;
        expect("(");
        if (accept(")")) {
            return new Expr[0];
        }
        Expr[] es = exprList();
        expectMatch(")", "(", line);
        return es;
    }

    private Expr table() {
        int line = lx.line;
        expect("{");
        List<Expr> items = new ArrayList<>();
        List<Expr> keys = new ArrayList<>();
        List<Expr> vals = new ArrayList<>();
        while (!check("}")) {
            if (check("[")) {
                lx.next();
                keys.add(expr());
                expect("]");
                expect("=");
                vals.add(expr());
            } else if (check(Lexer.NAME) && lx.peek().equals("=")) {
                keys.add(new Ast.Const(name()));
                lx.next();
                vals.add(expr());
            } else {
                items.add(expr());
            }
            if (!accept(",") && !accept(";")) {
                break;
            }
        }
        expectMatch("}", "{", line);
        Expr t = new Ast.TableCons(items.toArray(new Expr[0]), keys.toArray(new Expr[0]), vals.toArray(new Expr[0]));
        t.line = line;
        return t;
    }
}
