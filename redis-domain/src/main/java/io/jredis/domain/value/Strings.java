package io.jredis.domain.value;

/** Reading string values, whichever of the two representations holds them. */
public final class Strings {

    /** Redis keeps strings up to this length in one allocation with their header ("embstr"). */
    public static final int EMBSTR_LIMIT = 44;

    private Strings() {
    }

    public static boolean isString(Object value) {
        return value instanceof byte[] || value instanceof MutableString;
    }

    public static int length(Object value) {
        return value instanceof byte[] b ? b.length : ((MutableString) value).length();
    }

    /** The value's bytes; a copy only for a mutable string. */
    public static byte[] bytes(Object value) {
        return value instanceof byte[] b ? b : ((MutableString) value).toBytes();
    }

    /** The encoding OBJECT ENCODING reports: int, embstr or raw. */
    public static String encoding(Object value) {
        if (value instanceof MutableString) {
            return "raw";
        }
        byte[] b = (byte[]) value;
        if (b.length <= 20 && Numbers.isCanonicalLong(b, 0, b.length)) {
            return "int";
        }
        return b.length <= EMBSTR_LIMIT ? "embstr" : "raw";
    }
}
