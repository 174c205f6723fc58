package io.jredis.adapter.replication.rdb;

/** The file is not a loadable RDB: corrupt, truncated, or holding what we cannot load. */
public final class RdbFormatException extends Exception {
    private static final long serialVersionUID = 1L;


    private final long offset;

    public RdbFormatException(long offset, String problem) {
        super(problem);
        this.offset = offset;
    }

    /** Byte offset in the file where the problem was found, or -1 when unknown. */
    public long offset() {
        return offset;
    }

    /** The problem without the offset (for a sink to throw; the reader adds the offset). */
    public static RdbFormatException unsupported(String problem) {
        return new RdbFormatException(-1, problem);
    }
}
