package io.jredis.application.script;

import io.jredis.application.script.lua.Interp;

/** Lua CJSON ("cjson") as Redis bundles it. */
final class CjsonLib {

    private CjsonLib() {
    }

    static void install(Interp in) {
    }
}
