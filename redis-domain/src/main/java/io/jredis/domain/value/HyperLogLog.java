package io.jredis.domain.value;

/**
 * Redis's HyperLogLog as a string value, byte for byte: a 16-byte header ("HYLL", encoding,
 * three unused bytes, the cached cardinality little-endian with its top bit meaning "stale"),
 * then either the sparse run-length form (ZERO, XZERO and VAL opcodes) or 16384 dense 6-bit
 * registers. Keeping Redis's exact layout is what lets GET, RDB files and replication carry
 * HLLs between jredis and Redis; updating it with the same steps keeps the bytes identical.
 */
public final class HyperLogLog {

    public static final int REGISTERS = 1 << 14;
    public static final int HEADER = 16;
    /** Header plus 16384 six-bit registers. */
    public static final int DENSE_SIZE = HEADER + (REGISTERS * 6 + 7) / 8;

    private static final int P = 14;
    private static final int Q = 64 - P;
    private static final int DENSE = 0;
    private static final int SPARSE = 1;
    private static final int VAL_MAX_VALUE = 32;
    private static final int VAL_MAX_LEN = 4;
    private static final int ZERO_MAX_LEN = 64;
    private static final int XZERO_MAX_LEN = 16384;
    private static final long SEED = 0xadc83b19L;
    /** 0.5 / ln 2: the estimator's constant for an infinite number of registers. */
    private static final double ALPHA_INF = 0.721347520444481703680;

    private HyperLogLog() {
    }

    /** A new empty HLL: sparse, one XZERO covering every register, cached cardinality 0. */
    public static MutableString create() {
        byte[] b = new byte[HEADER + 2 + 16];
        b[0] = 'H';
        b[1] = 'Y';
        b[2] = 'L';
        b[3] = 'L';
        b[4] = SPARSE;
        putXzero(b, HEADER, REGISTERS);
        return new MutableString(b, HEADER + 2);
    }

    /** Redis's isHLLObject: long enough, the magic, a known encoding, a dense one of the exact size. */
    public static boolean isValid(byte[] a, int len) {
        if (len < HEADER || a[0] != 'H' || a[1] != 'Y' || a[2] != 'L' || a[3] != 'L') {
            return false;
        }
        int encoding = a[4] & 0xff;
        return encoding == SPARSE || encoding == DENSE && len == DENSE_SIZE;
    }

    public static boolean isSparse(byte[] a) {
        return a[4] == SPARSE;
    }

    // ------------------------------------------------------------------ cached cardinality

    public static boolean cacheValid(byte[] a) {
        return (a[15] & 0x80) == 0;
    }

    public static long cachedCardinality(byte[] a) {
        long card = 0;
        for (int i = 7; i >= 0; i--) {
            card = card << 8 | (a[8 + i] & 0xff);
        }
        return card;
    }

    public static void storeCardinality(byte[] a, long card) {
        for (int i = 0; i < 8; i++) {
            a[8 + i] = (byte) (card >>> (8 * i));
        }
    }

    public static void invalidateCache(byte[] a) {
        a[15] |= (byte) 0x80;
    }

    // ------------------------------------------------------------------ adding

    /**
     * Adds one element: 1 if a register grew, 0 if not, -1 if the sparse form is corrupt. May turn
     * the value dense (a count past what VAL holds, or past {@code sparseMaxBytes}).
     */
    public static int add(MutableString hll, byte[] ele, int off, int len, long sparseMaxBytes) {
        long hash = hash(ele, off, len);
        int index = (int) (hash & (REGISTERS - 1));
        int count = Long.numberOfTrailingZeros(hash >>> P | 1L << Q) + 1;
        return set(hll, index, count, sparseMaxBytes);
    }

    /** Raises register {@code index} to {@code count} if lower; 1 if it changed, 0 if not, -1 if corrupt. */
    public static int set(MutableString hll, int index, int count, long sparseMaxBytes) {
        if (isSparse(hll.array())) {
            return sparseSet(hll, index, count, sparseMaxBytes);
        }
        return denseSet(hll.array(), index, count);
    }

    private static int denseSet(byte[] a, int index, int count) {
        if (count > register(a, index)) {
            setRegister(a, index, count);
            return 1;
        }
        return 0;
    }

    private static int sparseSet(MutableString hll, int index, int count, long sparseMaxBytes) {
        if (count > VAL_MAX_VALUE) {
            return promote(hll, index, count);
        }
        // An XZERO split in the middle needs up to three more bytes.
        hll.reserve(3);
        byte[] a = hll.array();
        int end = hll.length();
        // Find the opcode covering the register.
        int p = HEADER;
        int first = 0;
        int prev = -1;
        int span = 0;
        while (p < end) {
            int b = a[p] & 0xff;
            int oplen = 1;
            if (isZero(b)) {
                span = (b & 0x3f) + 1;
            } else if (isVal(b)) {
                span = (b & 0x3) + 1;
            } else {
                span = xzeroLen(a, p, end);
                oplen = 2;
            }
            if (index <= first + span - 1) {
                break;
            }
            prev = p;
            p += oplen;
            first += span;
        }
        if (span == 0 || p >= end) {
            return -1;
        }
        int op = a[p] & 0xff;
        int next = isXzero(op) ? p + 2 : p + 1;
        if (next >= end) {
            next = -1;
        }
        boolean zero = isZero(op);
        boolean xzero = isXzero(op);
        boolean val = isVal(op);
        int runlen = zero ? (op & 0x3f) + 1 : xzero ? xzeroLen(a, p, end) : (op & 0x3) + 1;

        boolean inPlace = false;
        if (val) {
            if (valValue(op) >= count) {
                return 0;
            }
            if (runlen == 1) {
                a[p] = valOp(count, 1);
                inPlace = true;
            }
        }
        if (!inPlace && zero && runlen == 1) {
            a[p] = valOp(count, 1);
            inPlace = true;
        }
        if (!inPlace) {
            // Split the opcode into up to three: the run before, our register, the run after.
            byte[] seq = new byte[5];
            int n = 0;
            int last = first + span - 1;
            if (zero || xzero) {
                if (index != first) {
                    n = putZeros(seq, n, index - first);
                }
                seq[n++] = valOp(count, 1);
                if (index != last) {
                    n = putZeros(seq, n, last - index);
                }
            } else {
                int current = valValue(op);
                if (index != first) {
                    seq[n++] = valOp(current, index - first);
                }
                seq[n++] = valOp(count, 1);
                if (index != last) {
                    seq[n++] = valOp(current, last - index);
                }
            }
            int oldlen = xzero ? 2 : 1;
            int delta = n - oldlen;
            if (delta > 0 && hll.length() + delta > sparseMaxBytes) {
                return promote(hll, index, count);
            }
            if (delta != 0 && next >= 0) {
                System.arraycopy(a, next, a, next + delta, end - next);
            }
            hll.setLength(hll.length() + delta);
            System.arraycopy(seq, 0, a, p, n);
            end += delta;
        }
        // Merge adjacent VALs of equal value, scanning up to five opcodes from the previous one.
        p = prev >= 0 ? prev : HEADER;
        int scan = 5;
        while (p < end && scan-- > 0) {
            int b = a[p] & 0xff;
            if (isXzero(b)) {
                p += 2;
                continue;
            } else if (isZero(b)) {
                p++;
                continue;
            }
            if (p + 1 < end && isVal(a[p + 1] & 0xff)) {
                int b2 = a[p + 1] & 0xff;
                if (valValue(b) == valValue(b2)) {
                    int len = (b & 0x3) + 1 + (b2 & 0x3) + 1;
                    if (len <= VAL_MAX_LEN) {
                        a[p + 1] = valOp(valValue(b), len);
                        System.arraycopy(a, p + 1, a, p, end - p - 1);
                        hll.setLength(hll.length() - 1);
                        end--;
                        continue;
                    }
                }
            }
            p++;
        }
        invalidateCache(a);
        return 1;
    }

    private static int promote(MutableString hll, int index, int count) {
        if (!toDense(hll)) {
            return -1;
        }
        return denseSet(hll.array(), index, count);
    }

    /** Turns a sparse HLL dense, keeping the header; false (and no change) if it is corrupt. */
    public static boolean toDense(MutableString hll) {
        byte[] a = hll.array();
        if (!isSparse(a)) {
            return true;
        }
        byte[] dense = new byte[DENSE_SIZE];
        System.arraycopy(a, 0, dense, 0, HEADER);
        dense[4] = DENSE;
        int end = hll.length();
        int idx = 0;
        int p = HEADER;
        while (p < end) {
            int b = a[p] & 0xff;
            if (isZero(b)) {
                idx += (b & 0x3f) + 1;
                p++;
            } else if (isXzero(b)) {
                idx += xzeroLen(a, p, end);
                p += 2;
            } else {
                int runlen = (b & 0x3) + 1;
                int value = valValue(b);
                if (runlen + idx > REGISTERS) {
                    break;
                }
                for (int k = 0; k < runlen; k++) {
                    setRegister(dense, idx++, value);
                }
                p++;
            }
        }
        if (idx != REGISTERS) {
            return false;
        }
        hll.replace(dense, DENSE_SIZE);
        return true;
    }

    // ------------------------------------------------------------------ counting

    /** Raises each of {@code max}'s 16384 registers to this HLL's; false if it is corrupt. */
    public static boolean merge(byte[] max, byte[] a, int len) {
        if (!isSparse(a)) {
            for (int i = 0; i < REGISTERS; i++) {
                int v = register(a, i);
                if (v > max[i]) {
                    max[i] = (byte) v;
                }
            }
            return true;
        }
        int i = 0;
        int p = HEADER;
        while (p < len) {
            int b = a[p] & 0xff;
            if (isZero(b)) {
                i += (b & 0x3f) + 1;
                p++;
            } else if (isXzero(b)) {
                i += xzeroLen(a, p, len);
                p += 2;
            } else {
                int runlen = (b & 0x3) + 1;
                int value = valValue(b);
                if (runlen + i > REGISTERS) {
                    break;
                }
                for (int k = 0; k < runlen; k++, i++) {
                    if (value > max[i]) {
                        max[i] = (byte) value;
                    }
                }
                p++;
            }
        }
        return i == REGISTERS;
    }

    /** The estimated cardinality, or -1 if the sparse form does not cover exactly 16384 registers. */
    public static long count(byte[] a, int len) {
        int[] histogram = new int[64];
        if (!isSparse(a)) {
            for (int i = 0; i < REGISTERS; i++) {
                histogram[register(a, i)]++;
            }
            return estimate(histogram);
        }
        int idx = 0;
        int p = HEADER;
        while (p < len) {
            int b = a[p] & 0xff;
            if (isZero(b)) {
                int run = (b & 0x3f) + 1;
                idx += run;
                histogram[0] += run;
                p++;
            } else if (isXzero(b)) {
                int run = xzeroLen(a, p, len);
                idx += run;
                histogram[0] += run;
                p += 2;
            } else {
                int run = (b & 0x3) + 1;
                idx += run;
                histogram[valValue(b)] += run;
                p++;
            }
        }
        return idx == REGISTERS ? estimate(histogram) : -1;
    }

    /** The cardinality of 16384 registers held one per byte (the union PFCOUNT builds). */
    public static long countRegisters(byte[] registers) {
        int[] histogram = new int[64];
        for (int i = 0; i < REGISTERS; i++) {
            histogram[registers[i]]++;
        }
        return estimate(histogram);
    }

    /** Ertl's improved estimator ("New cardinality estimation algorithms for HyperLogLog sketches"), as Redis 5+ uses it. */
    private static long estimate(int[] histogram) {
        double m = REGISTERS;
        double z = m * tau((m - histogram[Q + 1]) / m);
        for (int j = Q; j >= 1; --j) {
            z += histogram[j];
            z *= 0.5;
        }
        z += m * sigma(histogram[0] / m);
        return Math.round(ALPHA_INF * m * m / z);
    }

    private static double sigma(double x) {
        if (x == 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        double zPrime;
        double y = 1;
        double z = x;
        do {
            x *= x;
            zPrime = z;
            z += x * y;
            y += y;
        } while (zPrime != z);
        return z;
    }

    private static double tau(double x) {
        if (x == 0.0 || x == 1.0) {
            return 0.0;
        }
        double zPrime;
        double y = 1.0;
        double z = 1 - x;
        do {
            x = Math.sqrt(x);
            zPrime = z;
            y *= 0.5;
            double d = 1 - x;
            z -= d * d * y;
        } while (zPrime != z);
        return z / 3;
    }

    // ------------------------------------------------------------------ registers and opcodes

    /** Dense register {@code index} (6 bits, little-endian bit order across bytes). */
    public static int register(byte[] a, int index) {
        int bit = index * 6;
        int at = HEADER + (bit >> 3);
        int fb = bit & 7;
        int b0 = a[at] & 0xff;
        int b1 = at + 1 < DENSE_SIZE ? a[at + 1] & 0xff : 0;
        return ((b0 >> fb) | (b1 << (8 - fb))) & 63;
    }

    private static void setRegister(byte[] a, int index, int value) {
        int bit = index * 6;
        int at = HEADER + (bit >> 3);
        int fb = bit & 7;
        int fb8 = 8 - fb;
        a[at] = (byte) ((a[at] & ~(63 << fb)) | (value << fb));
        if (at + 1 < DENSE_SIZE) {
            a[at + 1] = (byte) ((a[at + 1] & ~(63 >> fb8)) | (value >> fb8));
        }
    }

    /** PFDEBUG DECODE's text: "z:len" (ZERO), "Z:len" (XZERO), "v:value,len" (VAL), space-separated. */
    public static String decode(byte[] a, int len) {
        StringBuilder sb = new StringBuilder();
        int p = HEADER;
        while (p < len) {
            int b = a[p] & 0xff;
            if (isZero(b)) {
                sb.append("z:").append((b & 0x3f) + 1).append(' ');
                p++;
            } else if (isXzero(b)) {
                sb.append("Z:").append(xzeroLen(a, p, len)).append(' ');
                p += 2;
            } else {
                sb.append("v:").append(valValue(b)).append(',').append((b & 0x3) + 1).append(' ');
                p++;
            }
        }
        int n = sb.length();
        while (n > 0 && sb.charAt(n - 1) == ' ') {
            n--;
        }
        sb.setLength(n);
        return sb.toString();
    }

    private static boolean isZero(int b) {
        return (b & 0xc0) == 0;
    }

    private static boolean isXzero(int b) {
        return (b & 0xc0) == 0x40;
    }

    private static boolean isVal(int b) {
        return (b & 0x80) != 0;
    }

    private static int valValue(int b) {
        return ((b >> 2) & 0x1f) + 1;
    }

    private static byte valOp(int value, int len) {
        return (byte) (0x80 | (value - 1) << 2 | (len - 1));
    }

    /** An XZERO's run; a truncated one (corrupt data) reads its missing byte as zero. */
    private static int xzeroLen(byte[] a, int p, int end) {
        int low = p + 1 < end ? a[p + 1] & 0xff : 0;
        return ((a[p] & 0x3f) << 8 | low) + 1;
    }

    private static void putXzero(byte[] b, int at, int len) {
        int l = len - 1;
        b[at] = (byte) (l >> 8 | 0x40);
        b[at + 1] = (byte) l;
    }

    private static int putZeros(byte[] seq, int n, int len) {
        if (len > ZERO_MAX_LEN) {
            putXzero(seq, n, len);
            return n + 2;
        }
        seq[n] = (byte) (len - 1);
        return n + 1;
    }

    // ------------------------------------------------------------------ hashing

    /** MurmurHash64A (Austin Appleby) with Redis's seed, reading 8-byte blocks little-endian. */
    public static long hash(byte[] data, int off, int len) {
        final long m = 0xc6a4a7935bd1e995L;
        final int r = 47;
        long h = SEED ^ (len * m);
        int blocks = len - (len & 7);
        int i = off;
        for (int end = off + blocks; i < end; i += 8) {
            long k = (data[i] & 0xffL) | (data[i + 1] & 0xffL) << 8 | (data[i + 2] & 0xffL) << 16
                    | (data[i + 3] & 0xffL) << 24 | (data[i + 4] & 0xffL) << 32 | (data[i + 5] & 0xffL) << 40
                    | (data[i + 6] & 0xffL) << 48 | (data[i + 7] & 0xffL) << 56;
            k *= m;
            k ^= k >>> r;
            k *= m;
            h ^= k;
            h *= m;
        }
        int tail = len & 7;
        if (tail > 0) {
            for (int t = tail - 1; t >= 0; t--) {
                h ^= (data[i + t] & 0xffL) << (8 * t);
            }
            h *= m;
        }
        h ^= h >>> r;
        h *= m;
        h ^= h >>> r;
        return h;
    }
}
