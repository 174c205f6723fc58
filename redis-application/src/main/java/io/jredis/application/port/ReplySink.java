package io.jredis.application.port;

/**
 * Where a command writes its reply. The application says what to reply; the network adapter
 * encodes it as RESP2 or RESP3 for the client's protocol straight into its output buffer, so no
 * reply objects are built and no command knows which protocol is spoken.
 *
 * <p>Aggregates are written as a header with the element count followed by the elements.
 */
public interface ReplySink {

    /** A status reply such as OK or PONG; must not contain CR or LF. */
    void status(String text);

    /** An error reply; the text starts with the error code, e.g. "ERR syntax error". */
    void error(String text);

    void integer(long value);

    void bulk(byte[] value);

    void bulk(byte[] buf, int off, int len);

    void bulk(String value);

    /** A null string reply (RESP2 {@code $-1}, RESP3 {@code _}). */
    void nullBulk();

    /** A null array reply (RESP2 {@code *-1}, RESP3 {@code _}). */
    void nullArray();

    void array(int count);

    /** A map of {@code count} key-value pairs (RESP2: a flat array of 2 * count). */
    void map(int count);

    /** A set (RESP2: an array). */
    void set(int count);

    /** An out-of-band push frame (RESP2: an array). */
    void push(int count);

    /** A double (RESP2: its text as a bulk string). */
    void doubleValue(double value);

    /**
     * A double already printed by the caller (RESP2: that text as a bulk string), for replies
     * Redis formats otherwise than %.17g, e.g. GEOPOS's coordinates.
     */
    void doubleText(String text);

    /** A boolean (RESP2: integer 1 or 0). */
    void bool(boolean value);

    /** A big number given as its decimal digits (RESP2: a bulk string). */
    void bigNumber(String digits);

    /** A verbatim string with a three-letter format such as txt (RESP2: a bulk string). */
    void verbatim(String format, String text);

    /**
     * The client switched protocol (HELLO): this command's reply and every later one use
     * {@code version} (2 or 3), as Redis answers HELLO 3 already in RESP3.
     */
    default void protocol(int version) {
    }

    /** Convenience for the most common reply. */
    default void ok() {
        status("OK");
    }

    /**
     * Replies nobody reads (an AOF being replayed, the master's stream on a replica): everything is
     * dropped; only errors reach the subclass, since one means the data diverged.
     */
    abstract class ErrorsOnly implements ReplySink {

        @Override
        public void status(String text) {
        }

        @Override
        public void integer(long value) {
        }

        @Override
        public void bulk(byte[] value) {
        }

        @Override
        public void bulk(byte[] buf, int off, int len) {
        }

        @Override
        public void bulk(String value) {
        }

        @Override
        public void nullBulk() {
        }

        @Override
        public void nullArray() {
        }

        @Override
        public void array(int count) {
        }

        @Override
        public void map(int count) {
        }

        @Override
        public void set(int count) {
        }

        @Override
        public void push(int count) {
        }

        @Override
        public void doubleValue(double value) {
        }

        @Override
        public void doubleText(String text) {
        }

        @Override
        public void bool(boolean value) {
        }

        @Override
        public void bigNumber(String digits) {
        }

        @Override
        public void verbatim(String format, String text) {
        }
    }
}
