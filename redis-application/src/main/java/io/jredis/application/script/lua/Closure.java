package io.jredis.application.script.lua;

/** A Lua function value: its prototype and the cells of its upvalues. */
final class Closure extends LuaFunction {

    final Parser.Proto p;
    final Cell[] up;

    Closure(Parser.Proto p, Cell[] up) {
        this.p = p;
        this.up = up;
    }

    @Override
    public Object[] call(Interp in, Object[] args) {
        Ast.Frame f = new Ast.Frame(in, p.nslots, up);
        Ast.Var[] params = p.params;
        int n = params.length;
        for (int i = 0; i < n; i++) {
            Ast.assignLocal(f, params[i], i < args.length ? args[i] : null);
        }
        if (p.vararg && args.length > n) {
            Object[] va = new Object[args.length - n];
            System.arraycopy(args, n, va, 0, va.length);
            f.varargs = va;
        }
        return p.body.exec(f) == Ast.RETURN ? f.ret : Interp.NONE;
    }

    @Override
    public String name() {
        return p.name;
    }
}
