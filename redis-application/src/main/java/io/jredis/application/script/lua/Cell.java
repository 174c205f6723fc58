package io.jredis.application.script.lua;

/** A local captured by a closure: the variable lives here instead of in its frame slot. */
final class Cell {
    Object v;

    Cell(Object v) {
        this.v = v;
    }
}
