package io.jredis.application.script.lua;

/** A library function written in Java. */
public final class Builtin extends LuaFunction {

    /** The body of a library function. */
    @FunctionalInterface
    public interface Body {
        Object[] call(Interp in, Object[] args);
    }

    private final String name;
    private final Body body;

    public Builtin(String name, Body body) {
        this.name = name;
        this.body = body;
    }

    @Override
    public Object[] call(Interp in, Object[] args) {
        return body.call(in, args);
    }

    @Override
    public String name() {
        return name;
    }
}
