package io.jredis.application.port;

/**
 * The serialized form of one value that DUMP produces and RESTORE reads: Redis's RDB encoding of
 * the value followed by the RDB version and a CRC64, so that payloads travel between jredis and
 * Redis 7.0 both ways. Called on the command thread only.
 */
public interface ValueCodec {

    /** The DUMP payload of a stored value (a string or a typed value). */
    byte[] dump(Object value);

    /**
     * True when the payload's trailer is one this server accepts: an RDB version it reads and a
     * CRC64 matching the bytes before it (Redis's verifyDumpPayload).
     */
    boolean intact(byte[] buf, int off, int len);

    /** The value a payload holds, or null when it is not a well-formed value of a supported type. */
    Object restore(byte[] buf, int off, int len);

    /** No codec attached: every payload is refused, and nothing can be dumped. */
    ValueCodec NONE = new ValueCodec() {
        @Override
        public byte[] dump(Object value) {
            throw new UnsupportedOperationException("no value codec is attached");
        }

        @Override
        public boolean intact(byte[] buf, int off, int len) {
            return false;
        }

        @Override
        public Object restore(byte[] buf, int off, int len) {
            return null;
        }
    };
}
