package io.jredis.application.command.sort;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.KeyReference;
import io.jredis.application.command.zset.Strtod;
import io.jredis.application.port.ReplySink;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.HashValue;
import io.jredis.domain.value.ListValue;
import io.jredis.domain.value.SetValue;
import io.jredis.domain.value.SortedSet;
import io.jredis.domain.value.Strings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * SORT and SORT_RO key [BY pattern] [LIMIT offset count] [GET pattern ...] [ASC|DESC] [ALPHA]
 * [STORE destination], as Redis 7.0's sortCommandGeneric: options parsed before the key is
 * looked up, a missing key sorted as an empty list, numeric weights read by strtod with ties
 * broken by comparing the elements, BY without '*' skipping the sort (lists and sorted sets keep
 * their order, and LIMIT picks the range straight from it), a set unsorted only when its order
 * cannot reach a replica (not with STORE, where it is sorted ALPHA), and the result stored as a
 * list. Like Redis, sorting a sorted set converts it to its skiplist encoding.
 */
public final class SortCommand implements Command {

    private static final String BY_GET_NOTES = "For the optional BY/GET keyword. It is marked 'unknown' because"
            + " the key names derive from the content of the key we sort";
    private static final String COMPLEXITY = "O(N+M*log(M)) where N is the number of elements in the list or set"
            + " to sort, and M the number of returned elements. When the elements are not sorted, complexity is O(N).";
    private static final List<String> SOURCE_FLAGS = List.of("RO", "access");
    private static final List<String> STORE_FLAGS = List.of("OW", "update");

    private final CommandSpec spec;
    private final boolean readonly;

    private SortCommand(CommandSpec spec, boolean readonly) {
        this.spec = spec;
        this.readonly = readonly;
    }

    public static SortCommand sort() {
        return new SortCommand(CommandSpec.command("sort", -2)
                .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.MOVABLEKEYS).keys(1, 1, 1)
                .acl("write", "set", "sortedset", "list", "slow", "dangerous").keyFlags("RO", "access")
                .unknownKeySpec(BY_GET_NOTES, "RO", "access")
                .unknownKeySpec("For the optional STORE keyword. It is marked 'unknown' because the keyword can"
                        + " appear anywhere in the argument array", "OW", "update")
                .group("generic").since("1.0.0").summary("Sort the elements in a list, set or sorted set")
                .complexity(COMPLEXITY)
                .build(), false);
    }

    public static SortCommand sortRo() {
        return new SortCommand(CommandSpec.command("sort_ro", -2)
                .flags(CommandFlag.READONLY, CommandFlag.MOVABLEKEYS).keys(1, 1, 1)
                .acl("read", "set", "sortedset", "list", "slow", "dangerous").keyFlags("RO", "access")
                .unknownKeySpec(BY_GET_NOTES, "RO", "access")
                .group("generic").since("7.0.0")
                .summary("Sort the elements in a list, set or sorted set. Read-only variant of SORT.")
                .complexity(COMPLEXITY)
                .build(), true);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    /**
     * Redis's sortGetKeys: the sorted key, and the last STORE's destination, skipping the
     * arguments of LIMIT, GET and BY (SORT_RO's sortROGetKeys: the sorted key alone).
     */
    @Override
    public List<KeyReference> keys(Arguments args, int base) {
        List<KeyReference> keys = new ArrayList<>(2);
        keys.add(new KeyReference(1, SOURCE_FLAGS));
        if (readonly) {
            return keys;
        }
        int argc = args.count() - base;
        KeyReference store = null;
        for (int i = 2; i < argc; i++) {
            int a = base + i;
            if (args.is(a, "limit")) {
                i += 2;
            } else if (args.is(a, "get") || args.is(a, "by")) {
                i += 1;
            } else if (args.is(a, "store") && i + 1 < argc) {
                store = new KeyReference(i + 1, STORE_FLAGS);
            }
        }
        if (store != null) {
            keys.add(store);
        }
        return keys;
    }

    /** One element to sort, with its numeric weight or the bytes it is compared by (ALPHA BY). */
    private static final class Item {
        final byte[] element;
        double score;
        byte[] by;

        Item(byte[] element) {
            this.element = element;
        }
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        int argc = args.count();
        boolean desc = false;
        boolean alpha = false;
        boolean dontSort = false;
        long limitStart = 0;
        long limitCount = -1;
        int sortBy = -1;
        int store = -1;
        List<Integer> gets = new ArrayList<>();
        for (int j = 2; j < argc; j++) {
            int left = argc - j - 1;
            if (args.is(j, "asc")) {
                desc = false;
            } else if (args.is(j, "desc")) {
                desc = true;
            } else if (args.is(j, "alpha")) {
                alpha = true;
            } else if (args.is(j, "limit") && left >= 2) {
                if (!args.isLong(j + 1) || !args.isLong(j + 2)) {
                    ctx.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                limitStart = args.longValue(j + 1);
                limitCount = args.longValue(j + 2);
                j += 2;
            } else if (!readonly && args.is(j, "store") && left >= 1) {
                store = j + 1;
                j++;
            } else if (args.is(j, "by") && left >= 1) {
                sortBy = j + 1;
                // A pattern without '*' names no per-element key: nothing to sort by (sticky,
                // as in Redis, even if a later BY has a '*').
                if (starIndex(args, j + 1) < 0) {
                    dontSort = true;
                }
                j++;
            } else if (args.is(j, "get") && left >= 1) {
                gets.add(j + 1);
                j++;
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
        }

        Database db = ctx.db();
        Object source = db.get(args.array(), args.offset(1), args.length(1), ctx.now());
        if (store < 0) {
            // SORT without STORE and SORT_RO look the key up for reading (counted), STORE for writing.
            if (source == null) {
                ctx.server().stats().keyspaceMisses++;
            } else {
                ctx.server().stats().keyspaceHits++;
            }
        }
        if (source != null && !(source instanceof ListValue) && !(source instanceof SetValue)
                && !(source instanceof SortedSet)) {
            ctx.reply().error(Errors.WRONG_TYPE);
            return;
        }
        if (source == null) {
            source = new ListValue();
        }
        if (dontSort && source instanceof SetValue && store >= 0) {
            // An unsorted set would store its hash order, which a replica need not share.
            dontSort = false;
            alpha = true;
            sortBy = -1;
        }
        if (source instanceof SortedSet z) {
            z.convertToSkipListForm();
        }

        int length = switch (source) {
            case ListValue l -> l.size();
            case SetValue s -> s.size();
            case SortedSet z -> z.size();
            default -> throw new IllegalStateException();
        };
        long start = limitStart < 0 ? 0 : limitStart;
        long end;
        if (limitCount < 0) {
            end = length - 1;
        } else {
            long sum = start + limitCount;
            // start + count cannot overflow past what clamping to the length gives
            end = ((start ^ sum) & (limitCount ^ sum)) < 0 ? Long.MAX_VALUE : sum - 1;
        }
        if (start >= length) {
            start = length - 1;
            end = length - 2;
        }
        if (end >= length) {
            end = length - 1;
        }

        List<Item> items = new ArrayList<>();
        boolean ranged = false;
        if (dontSort && source instanceof ListValue list) {
            if (end >= start) {
                int count = (int) (end - start + 1);
                int from = (int) (desc ? length - start - 1 : start);
                list.forEach(from, !desc, (buf, off, len) -> {
                    items.add(new Item(Arrays.copyOfRange(buf, off, off + len)));
                    return items.size() < count;
                });
            }
            ranged = true;
        } else if (source instanceof ListValue list) {
            list.forEach(0, true, (buf, off, len) -> {
                items.add(new Item(Arrays.copyOfRange(buf, off, off + len)));
                return true;
            });
        } else if (source instanceof SetValue set) {
            set.forEach((buf, off, len) -> items.add(new Item(Arrays.copyOfRange(buf, off, off + len))));
        } else if (dontSort) {
            SortedSet z = (SortedSet) source;
            if (end >= start) {
                int count = (int) (end - start + 1);
                int from = (int) (desc ? length - start - 1 : start);
                z.visit(from, desc, (member, score) -> {
                    items.add(new Item(member));
                    return items.size() < count;
                });
            }
            ranged = true;
        } else {
            ((SortedSet) source).visit(0, false, (member, score) -> {
                items.add(new Item(member));
                return true;
            });
        }
        if (ranged) {
            end -= start;
            start = 0;
        }

        boolean notDouble = false;
        if (!dontSort) {
            for (Item item : items) {
                byte[] weight = sortBy >= 0 ? lookUpByPattern(ctx, sortBy, item.element) : item.element;
                if (weight == null) {
                    continue;
                }
                if (alpha) {
                    if (sortBy >= 0) {
                        item.by = weight;
                    }
                } else {
                    item.score = Strtod.sortWeight(weight, 0, weight.length);
                    if (Double.isNaN(item.score)) {
                        notDouble = true;
                    }
                }
            }
            if (notDouble) {
                // Redis sorts anyway and then discards the result
                ctx.reply().error(Errors.SORT_NOT_DOUBLE);
                return;
            }
            // A stable sort, as glibc's qsort (a merge sort) is for Redis's vector.
            items.sort(comparator(alpha, sortBy >= 0, store >= 0, desc));
        }

        long selected = end - start + 1;
        long outputLength = gets.isEmpty() ? selected : gets.size() * selected;
        if (store < 0) {
            ReplySink reply = ctx.reply();
            reply.array((int) outputLength);
            for (long j = start; j <= end; j++) {
                byte[] element = items.get((int) j).element;
                if (gets.isEmpty()) {
                    reply.bulk(element);
                }
                for (int g : gets) {
                    byte[] v = lookUpByPattern(ctx, g, element);
                    if (v == null) {
                        reply.nullBulk();
                    } else {
                        reply.bulk(v);
                    }
                }
            }
            return;
        }
        ListValue result = new ListValue();
        for (long j = start; j <= end; j++) {
            byte[] element = items.get((int) j).element;
            if (gets.isEmpty()) {
                result.pushBack(element, 0, element.length);
            }
            for (int g : gets) {
                byte[] v = lookUpByPattern(ctx, g, element);
                if (v == null) {
                    result.pushBack(new byte[0], 0, 0);
                } else {
                    result.pushBack(v, 0, v.length);
                }
            }
        }
        if (outputLength > 0) {
            db.put(args.array(), args.offset(store), args.length(store), result, Database.NO_EXPIRY, ctx.now());
            ctx.keyModified(args, store);
            // Redis counts every stored element as a change toward save points.
            ctx.server().stats().dirty += outputLength - 1;
        } else if (db.remove(args.array(), args.offset(store), args.length(store), ctx.now()) != null) {
            ctx.keyModified(args, store);
        }
        ctx.reply().integer(outputLength);
    }

    /** Redis's sortCompare for the options in force. */
    private static Comparator<Item> comparator(boolean alpha, boolean byPattern, boolean store, boolean desc) {
        Comparator<Item> c;
        if (!alpha) {
            c = (a, b) -> a.score > b.score ? 1 : a.score < b.score ? -1 : binary(a.element, b.element);
        } else if (byPattern) {
            c = (a, b) -> {
                if (a.by == null || b.by == null) {
                    return a.by == b.by ? 0 : a.by == null ? -1 : 1;
                }
                return store ? binary(a.by, b.by) : collate(a.by, b.by);
            };
        } else {
            c = store ? (a, b) -> binary(a.element, b.element) : (a, b) -> collate(a.element, b.element);
        }
        return desc ? c.reversed() : c;
    }

    /** memcmp, then the shorter first: Redis's compareStringObjects. */
    private static int binary(byte[] a, byte[] b) {
        int cmp = Arrays.compareUnsigned(a, b);
        return Integer.signum(cmp);
    }

    /**
     * strcoll on C strings, as Redis's collateStringObjects: in the C locale a byte comparison
     * that ends at the first NUL.
     */
    private static int collate(byte[] a, byte[] b) {
        return Integer.signum(Arrays.compareUnsigned(a, 0, cString(a), b, 0, cString(b)));
    }

    private static int cString(byte[] s) {
        for (int i = 0; i < s.length; i++) {
            if (s[i] == 0) {
                return i;
            }
        }
        return s.length;
    }

    /** Index of the first '*' of argument i as C's strchr sees it (up to a NUL), or -1. */
    private static int starIndex(Arguments args, int i) {
        byte[] buf = args.array();
        int off = args.offset(i);
        for (int k = 0; k < args.length(i); k++) {
            byte c = buf[off + k];
            if (c == '*') {
                return k;
            }
            if (c == 0) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Redis's lookupKeyByPattern: "#" is the element itself; otherwise the first '*' becomes the
     * element, and "->field" after it (with at least one byte of field) reads a hash field
     * instead of a string. Null when there is no '*', no such key, or the wrong type.
     */
    private static byte[] lookUpByPattern(CommandContext ctx, int patternArg, byte[] element) {
        Arguments args = ctx.args();
        byte[] buf = args.array();
        int off = args.offset(patternArg);
        int len = args.length(patternArg);
        if (len >= 1 && buf[off] == '#' && (len == 1 || buf[off + 1] == 0)) {
            return element;
        }
        int star = starIndex(args, patternArg);
        if (star < 0) {
            return null;
        }
        int arrow = -1;
        for (int k = star + 1; k + 1 < len; k++) {
            if (buf[off + k] == 0) {
                break;
            }
            if (buf[off + k] == '-' && buf[off + k + 1] == '>') {
                arrow = k;
                break;
            }
        }
        if (arrow >= 0 && (arrow + 2 >= len || buf[off + arrow + 2] == 0)) {
            arrow = -1; // "->" with nothing after it is part of the key name
        }
        int postfixEnd = arrow >= 0 ? arrow : len;
        byte[] key = new byte[star + element.length + postfixEnd - star - 1];
        System.arraycopy(buf, off, key, 0, star);
        System.arraycopy(element, 0, key, star, element.length);
        System.arraycopy(buf, off + star + 1, key, star + element.length, postfixEnd - star - 1);
        Object v = ctx.db().get(key, ctx.now());
        if (v == null) {
            ctx.server().stats().keyspaceMisses++;
            return null;
        }
        ctx.server().stats().keyspaceHits++;
        if (arrow >= 0) {
            if (!(v instanceof HashValue hash)) {
                return null;
            }
            int fieldOff = off + arrow + 2;
            return hash.get(buf, fieldOff, off + len - fieldOff);
        }
        return Strings.isString(v) ? Strings.bytes(v) : null;
    }
}
