package io.jredis.domain.value;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Heap bytes per element of lists, measured as the growth of used heap after GC while many
 * lists are alive (divided by lists x elements), with 6-byte elements "v1xxxx" as in the
 * README's comparison with real Redis's MEMORY USAGE. The key and the keyspace entry are not
 * included (MEMORY USAGE includes the key: about 8-16 bytes more).
 */
class ListValueMemoryTest {

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }

    private static double bytesPerElement(int elements, int lists) {
        ListValue[] keep = new ListValue[lists];
        long before = usedAfterGc();
        for (int l = 0; l < lists; l++) {
            ListValue v = new ListValue();
            for (int i = 0; i < elements; i++) {
                v.pushBack(("v" + (10000 + i % 90000)).getBytes(StandardCharsets.US_ASCII));
            }
            keep[l] = v;
        }
        long after = usedAfterGc();
        double per = (double) (after - before) / ((long) lists * elements);
        assertTrue(keep[lists - 1].size() == elements);
        return per;
    }

    @Test
    void smallListsCostAFewBytesPerElement() {
        double per10 = bytesPerElement(10, 20_000);
        double per100 = bytesPerElement(100, 4_000);
        double per1000 = bytesPerElement(1000, 400);
        System.out.printf("ListValue heap bytes per element (6-byte elements): 10 -> %.1f, 100 -> %.1f, 1000 -> %.1f%n",
                per10, per100, per1000);
        // Each element packs into its chunk as 1 + 6 + 1 bytes; chunk and list headers are shared.
        assertTrue(per1000 < 16, "1000-element lists: " + per1000);
        assertTrue(per100 < 20, "100-element lists: " + per100);
    }
}
