package io.jredis.application.script.lua;

/** A callable Lua value: a closure or a library function. */
public abstract class LuaFunction {

    /** Calls the function; the result array may be shared and must not be modified by callers. */
    public abstract Object[] call(Interp in, Object[] args);

    public abstract String name();
}
