package io.jredis.application.port;

/**
 * The one thread that owns the keyspace, as seen from other threads (a replica link reading its
 * master, a snapshot writer finishing a file): work handed to it runs between commands, never
 * concurrently with one.
 */
public interface CommandThread {

    /** Runs {@code task} on the command thread soon; callable from any thread. */
    void submit(Runnable task);

    /** Unit tests without a loop: the task runs at once on the caller's thread. */
    CommandThread DIRECT = Runnable::run;
}
