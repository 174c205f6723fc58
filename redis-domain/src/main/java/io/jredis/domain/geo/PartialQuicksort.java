package io.jredis.domain.geo;

import java.util.Comparator;

/**
 * Redis's pqsort: the Bentley-McIlroy quicksort of BSD libc (median of three, or of nine above
 * 40 elements; equal keys gathered at both ends; insertion sort below 7) that only recurses
 * into the parts overlapping a range of ranks. It is not stable: GEOSEARCH ... COUNT orders
 * equally distant points as Redis does only if it sorts the same way, hence this port of the
 * algorithm rather than a library sort.
 */
final class PartialQuicksort {

    private PartialQuicksort() {
    }

    /** Puts the elements of ranks {@code from..to} (inclusive) of {@code a} in their sorted places. */
    static <T> void sort(T[] a, int n, Comparator<? super T> cmp, int from, int to) {
        sort(a, 0, n, cmp, from, to);
    }

    private static <T> void sort(T[] a, int base, int n, Comparator<? super T> cmp, int from, int to) {
        while (true) {
            if (n < 7) {
                for (int m = base + 1; m < base + n; m++) {
                    for (int l = m; l > base && cmp.compare(a[l - 1], a[l]) > 0; l--) {
                        swap(a, l, l - 1);
                    }
                }
                return;
            }
            int pm = base + n / 2;
            if (n > 7) {
                int pl = base;
                int pn = base + n - 1;
                if (n > 40) {
                    int d = n / 8;
                    pl = med3(a, pl, pl + d, pl + 2 * d, cmp);
                    pm = med3(a, pm - d, pm, pm + d, cmp);
                    pn = med3(a, pn - 2 * d, pn - d, pn, cmp);
                }
                pm = med3(a, pl, pm, pn, cmp);
            }
            swap(a, base, pm);
            int pa = base + 1;
            int pb = pa;
            int pc = base + n - 1;
            int pd = pc;
            while (true) {
                int r;
                while (pb <= pc && (r = cmp.compare(a[pb], a[base])) <= 0) {
                    if (r == 0) {
                        swap(a, pa, pb);
                        pa++;
                    }
                    pb++;
                }
                while (pb <= pc && (r = cmp.compare(a[pc], a[base])) >= 0) {
                    if (r == 0) {
                        swap(a, pc, pd);
                        pd--;
                    }
                    pc--;
                }
                if (pb > pc) {
                    break;
                }
                swap(a, pb, pc);
                pb++;
                pc--;
            }
            int pn = base + n;
            int r = Math.min(pa - base, pb - pa);
            vecswap(a, base, pb - r, r);
            r = Math.min(pd - pc, pn - pd - 1);
            vecswap(a, pb, pn - r, r);
            r = pb - pa;
            if (r > 1 && overlaps(base, r, from, to)) {
                sort(a, base, r, cmp, from, to);
            }
            r = pd - pc;
            if (r <= 1) {
                return;
            }
            base = pn - r;
            n = r;
            if (!overlaps(base, n, from, to)) {
                return;
            }
        }
    }

    private static boolean overlaps(int start, int count, int from, int to) {
        return !((from < start && to < start) || (from >= start + count && to >= start + count));
    }

    private static <T> int med3(T[] a, int x, int y, int z, Comparator<? super T> cmp) {
        if (cmp.compare(a[x], a[y]) < 0) {
            return cmp.compare(a[y], a[z]) < 0 ? y : (cmp.compare(a[x], a[z]) < 0 ? z : x);
        }
        return cmp.compare(a[y], a[z]) > 0 ? y : (cmp.compare(a[x], a[z]) < 0 ? x : z);
    }

    private static <T> void swap(T[] a, int i, int j) {
        T t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static <T> void vecswap(T[] a, int i, int j, int n) {
        for (int k = 0; k < n; k++) {
            swap(a, i + k, j + k);
        }
    }
}
