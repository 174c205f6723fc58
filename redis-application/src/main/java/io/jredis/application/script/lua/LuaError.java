package io.jredis.application.script.lua;

/**
 * A Lua error in flight: carries the error value (any Lua value). {@code line} is the line of the
 * innermost Lua code running when it was raised (what Redis's error handler reports), -1 until a
 * call site or statement fills it in; {@code addWhere} asks that call site to prefix the message
 * with "user_script:LINE: " as luaL_error does.
 */
public final class LuaError extends RuntimeException {

    public Object value;
    public int line = -1;
    boolean addWhere;
    /** Raised by a table write: positioned when a Lua assignment did it, not when rawset did. */
    boolean fromAssignment;
    /** Not stopped by pcall (a killed script). */
    public boolean uncatchable;

    public LuaError(Object value) {
        super(null, null, false, false);
        this.value = value;
    }

    /** An error raised by a library function: the caller's position is prefixed. */
    public static LuaError where(String message) {
        LuaError e = new LuaError(message);
        e.addWhere = true;
        return e;
    }

    /** An error raised by the interpreter at a known line. */
    public static LuaError at(int line, String message) {
        LuaError e = new LuaError(Interp.CHUNK + ":" + line + ": " + message);
        e.line = line;
        return e;
    }

    @Override
    public String getMessage() {
        return value instanceof String s ? s : String.valueOf(value);
    }
}
