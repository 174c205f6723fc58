package io.jredis.application.command;

/** ASCII case folding, as Redis's strcasecmp does it (only A-Z fold). */
public final class Ascii {

    private Ascii() {
    }

    public static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
