package io.jredis.adapter.net;

import java.util.ArrayDeque;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Buffers lent to connections only while they hold unparsed input or unwritten output, so an
 * idle connection holds none. Bounded in total bytes: what does not fit, or grew past
 * {@code maxCapacity}, is left to the garbage collector. Event-loop thread only.
 */
final class BufferPool<B> {

    private final ArrayDeque<B> free = new ArrayDeque<>();
    private final Supplier<B> factory;
    private final ToIntFunction<B> capacity;
    private final int maxCapacity;
    private final long maxBytes;
    private long bytes;

    BufferPool(Supplier<B> factory, ToIntFunction<B> capacity, int maxCapacity, long maxBytes) {
        this.factory = factory;
        this.capacity = capacity;
        this.maxCapacity = maxCapacity;
        this.maxBytes = maxBytes;
    }

    /** A pooled buffer (the most recently returned: warm in cache) or a new one. */
    B take() {
        B b = free.pollLast();
        if (b == null) {
            return factory.get();
        }
        bytes -= capacity.applyAsInt(b);
        return b;
    }

    /** The borrower is done with {@code b}; nothing may use it after this. */
    void give(B b) {
        int cap = capacity.applyAsInt(b);
        if (cap <= maxCapacity && bytes + cap <= maxBytes) {
            free.addLast(b);
            bytes += cap;
        }
    }

    /** Bytes held by the pool itself (tests). */
    long pooledBytes() {
        return bytes;
    }
}
