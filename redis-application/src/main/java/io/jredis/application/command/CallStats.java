package io.jredis.application.command;

/** Calls, time and failures of one command on one server, as INFO commandstats reports them. */
public final class CallStats {
    public long calls;
    public long micros;
    public long rejected;
    public long failed;

    public void reset() {
        calls = 0;
        micros = 0;
        rejected = 0;
        failed = 0;
    }
}
