package io.jredis.benchmarks;

import io.jredis.domain.value.HashValue;
import io.jredis.domain.value.SetValue;

import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * Heap bytes per element of hashes and sets, small and large, to put next to Redis's MEMORY
 * USAGE for the same data. Method: build many values of one shape, hold them, and divide the
 * growth of the used heap after full GCs by the number of elements (the value objects only: no
 * key, no keyspace entry). Run with
 * {@code java -cp benchmarks/target/classes:redis-domain/target/classes io.jredis.benchmarks.CollectionMemory}.
 */
public final class CollectionMemory {

    private CollectionMemory() {
    }

    public static void main(String[] args) {
        measure("hash listpack, 10 fields of 8 B + 12 B values", 20_000, 10, n -> {
            HashValue h = new HashValue();
            for (int i = 0; i < 10; i++) {
                h.put(b(String.format("field:%02d", i)), b(String.format("value:%06d", n * 10 + i)));
            }
            return h;
        });
        measure("hash hashtable, 100000 fields of 12 B + 12 B values", 4, 100_000, n -> {
            HashValue h = new HashValue();
            for (int i = 0; i < 100_000; i++) {
                h.put(b(String.format("field:%06d", i)), b(String.format("value:%06d", i)));
            }
            return h;
        });
        measure("set intset, 10 integers", 20_000, 10, n -> {
            SetValue s = new SetValue();
            for (int i = 0; i < 10; i++) {
                s.add(b(Integer.toString(i)));
            }
            return s;
        });
        measure("set intset, 500 integers", 400, 500, n -> {
            SetValue s = new SetValue();
            for (int i = 0; i < 500; i++) {
                s.add(b(Integer.toString(i)));
            }
            return s;
        });
        measure("set hashtable, 10 members of 9 B", 20_000, 10, n -> {
            SetValue s = new SetValue();
            for (int i = 0; i < 10; i++) {
                s.add(b(String.format("member:%02d", i)));
            }
            return s;
        });
        measure("set hashtable, 100000 members of 13 B", 4, 100_000, n -> {
            SetValue s = new SetValue();
            for (int i = 0; i < 100_000; i++) {
                s.add(b(String.format("member:%06d", i)));
            }
            return s;
        });
        measure("set hashtable, 100000 integers", 4, 100_000, n -> {
            SetValue s = new SetValue();
            for (int i = 0; i < 100_000; i++) {
                s.add(b(Integer.toString(i)));
            }
            return s;
        });
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void measure(String what, int values, int elementsEach, IntFunction<Object> make) {
        Object[] hold = new Object[values];
        long before = used();
        for (int i = 0; i < values; i++) {
            hold[i] = make.apply(i);
        }
        long after = used();
        double perElement = (double) (after - before) / ((long) values * elementsEach);
        System.out.printf("%-55s %7.1f bytes/element (%d values)%n", what, perElement, hold.length);
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
