package io.jredis.application.server;

/**
 * CLIENT PAUSE: until {@code end} (unix ms of the server clock) clients' commands — all of them,
 * or in WRITE mode those that may write — wait, and run in arrival order when the pause ends.
 */
public final class ClientPause {

    /** What a pause holds back. */
    public enum Mode { WRITE, ALL }

    private Mode mode;
    private long end;

    /** A new pause replaces a weaker or shorter one, as Redis's pauseClients keeps the longest, strongest. */
    public void pause(Mode newMode, long newEnd) {
        if (mode == null) {
            mode = newMode;
            end = newEnd;
            return;
        }
        if (newMode == Mode.ALL) {
            mode = Mode.ALL;
        }
        end = Math.max(end, newEnd);
    }

    public void unpause() {
        mode = null;
        end = 0;
    }

    /** The pause in force, or null. */
    public Mode mode() {
        return mode;
    }

    /** The end of the pause in force in unix ms, 0 when none. */
    public long end() {
        return mode == null ? 0 : end;
    }
}
