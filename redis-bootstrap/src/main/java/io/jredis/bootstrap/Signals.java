package io.jredis.bootstrap;

import sun.misc.Signal;

import java.util.function.Consumer;

/**
 * SIGTERM and SIGINT stop the server cleanly, as Redis does, and the process then exits with
 * status 0. A JVM shutdown hook alone would not do: the JVM exits with 143 or 130 after it.
 */
final class Signals {

    private Signals() {
    }

    /** Calls {@code handler} with "TERM" or "INT" on the signal's thread. */
    static void onTermination(Consumer<String> handler) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), s -> handler.accept(s.getName()));
        }
    }
}
