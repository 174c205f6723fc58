package io.jredis.application.command.zset;

import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.command.KeyReference;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.SortedSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD, as Redis's
 * zunionInterDiffGenericCommand: numkeys keys, then WEIGHTS and AGGREGATE SUM|MIN|MAX (not for
 * ZDIFF), WITHSCORES (not for the STORE forms), LIMIT (ZINTERCARD only).
 */
public final class ZsetOperationCommand implements Command {

    private enum Op { UNION, INTER, DIFF }

    private enum Aggregate { SUM, MIN, MAX }

    private final CommandSpec spec;
    private final Op op;
    private final boolean store;
    private final boolean cardinalityOnly;

    private ZsetOperationCommand(CommandSpec spec, Op op, boolean store, boolean cardinalityOnly) {
        this.spec = spec;
        this.op = op;
        this.store = store;
        this.cardinalityOnly = cardinalityOnly;
    }

    public static ZsetOperationCommand zunion() {
        return new ZsetOperationCommand(CommandSpec.command("zunion", -3)
            .flags(CommandFlag.READONLY, CommandFlag.MOVABLEKEYS).keys(0, 0, 0)
            .acl("read", "sortedset", "slow")
            .group("sorted-set").since("6.2.0")
            .summary("Add multiple sorted sets")
            .complexity("O(N)+O(M*log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.")
            .keyFlags("RO", "access")
                .keySpec(CommandSpec.index(1), CommandSpec.keynum(0, 1, 1), "RO", "access")
                .build(), Op.UNION, false, false);
    }

    public static ZsetOperationCommand zinter() {
        return new ZsetOperationCommand(CommandSpec.command("zinter", -3)
            .flags(CommandFlag.READONLY, CommandFlag.MOVABLEKEYS).keys(0, 0, 0)
            .acl("read", "sortedset", "slow")
            .group("sorted-set").since("6.2.0")
            .summary("Intersect multiple sorted sets")
            .complexity("O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.")
            .keyFlags("RO", "access")
                .keySpec(CommandSpec.index(1), CommandSpec.keynum(0, 1, 1), "RO", "access")
                .build(), Op.INTER, false, false);
    }

    public static ZsetOperationCommand zdiff() {
        return new ZsetOperationCommand(CommandSpec.command("zdiff", -3)
            .flags(CommandFlag.READONLY, CommandFlag.MOVABLEKEYS).keys(0, 0, 0)
            .acl("read", "sortedset", "slow")
            .group("sorted-set").since("6.2.0")
            .summary("Subtract multiple sorted sets")
            .complexity("O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.")
            .keyFlags("RO", "access")
                .keySpec(CommandSpec.index(1), CommandSpec.keynum(0, 1, 1), "RO", "access")
                .build(), Op.DIFF, false, false);
    }

    public static ZsetOperationCommand zunionstore() {
        return new ZsetOperationCommand(CommandSpec.command("zunionstore", -4)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.MOVABLEKEYS).keys(1, 1, 1)
            .acl("write", "sortedset", "slow")
            .group("sorted-set").since("2.0.0")
            .summary("Add multiple sorted sets and store the resulting sorted set in a new key")
            .complexity("O(N)+O(M log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.")
            .keyFlags("OW", "update")
                .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "OW", "update")
                .keySpec(CommandSpec.index(2), CommandSpec.keynum(0, 1, 1), "RO", "access")
                .build(), Op.UNION, true, false);
    }

    public static ZsetOperationCommand zinterstore() {
        return new ZsetOperationCommand(CommandSpec.command("zinterstore", -4)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.MOVABLEKEYS).keys(1, 1, 1)
            .acl("write", "sortedset", "slow")
            .group("sorted-set").since("2.0.0")
            .summary("Intersect multiple sorted sets and store the resulting sorted set in a new key")
            .complexity("O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.")
            .keyFlags("OW", "update")
                .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "OW", "update")
                .keySpec(CommandSpec.index(2), CommandSpec.keynum(0, 1, 1), "RO", "access")
                .build(), Op.INTER, true, false);
    }

    public static ZsetOperationCommand zdiffstore() {
        return new ZsetOperationCommand(CommandSpec.command("zdiffstore", -4)
            .flags(CommandFlag.WRITE, CommandFlag.DENYOOM, CommandFlag.MOVABLEKEYS).keys(1, 1, 1)
            .acl("write", "sortedset", "slow")
            .group("sorted-set").since("6.2.0")
            .summary("Subtract multiple sorted sets and store the resulting sorted set in a new key")
            .complexity("O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.")
            .keyFlags("OW", "update")
                .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "OW", "update")
                .keySpec(CommandSpec.index(2), CommandSpec.keynum(0, 1, 1), "RO", "access")
                .build(), Op.DIFF, true, false);
    }

    public static ZsetOperationCommand zintercard() {
        return new ZsetOperationCommand(CommandSpec.command("zintercard", -3)
            .flags(CommandFlag.READONLY, CommandFlag.MOVABLEKEYS).keys(0, 0, 0)
            .acl("read", "sortedset", "slow")
            .group("sorted-set").since("7.0.0")
            .summary("Intersect multiple sorted sets and return the cardinality of the result")
            .complexity("O(N*K) worst case with N being the smallest input sorted set, K being the number of input sorted sets.")
            .keyFlags("RO", "access")
                .keySpec(CommandSpec.index(1), CommandSpec.keynum(0, 1, 1), "RO", "access")
                .build(), Op.INTER, false, true);
    }

    /** The destination of the STORE forms first, then the sources counted by numkeys, as Redis's key specs. */
    @Override
    public List<KeyReference> keys(Arguments args, int base) {
        List<KeyReference> keys = new ArrayList<>();
        if (store) {
            keys.add(new KeyReference(1, KeyReference.OW_UPDATE));
        }
        return KeyReference.addCounted(keys, args, base, store ? 2 : 1, KeyReference.RO_ACCESS) ? keys : List.of();
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    /** One input: its set (null for a missing key) and weight. */
    private static final class Source {
        final SortedSet set;
        double weight = 1.0;

        Source(SortedSet set) {
            this.set = set;
        }

        int size() {
            return set == null ? 0 : set.size();
        }
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        int numkeysArg = store ? 2 : 1;
        if (!args.isLong(numkeysArg)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return;
        }
        long setnum = args.longValue(numkeysArg);
        if (setnum < 1) {
            ctx.reply().error(Errors.zsetNoInputKey(spec.name()));
            return;
        }
        if (setnum > args.count() - (numkeysArg + 1)) {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        // keys are looked up (and their types checked) before the options are read, as in Redis
        List<Source> src = new ArrayList<>((int) setnum);
        int j = numkeysArg + 1;
        for (int i = 0; i < setnum; i++, j++) {
            // a read look-up even for the STORE forms, as Redis 7.0; plain sets count with score 1
            SortedSet z = ZSets.readSetOperand(ctx, j);
            if (z == ZSets.WRONG_TYPE) {
                return;
            }
            src.add(new Source(z));
        }
        Aggregate aggregate = Aggregate.SUM;
        boolean withScores = false;
        long limit = 0;
        int remaining = args.count() - j;
        while (remaining > 0) {
            if (op != Op.DIFF && !cardinalityOnly && remaining >= setnum + 1 && args.is(j, "WEIGHTS")) {
                j++;
                remaining--;
                for (int i = 0; i < setnum; i++, j++, remaining--) {
                    double w = Strtod.strict(args.array(), args.offset(j), args.length(j));
                    if (Double.isNaN(w)) {
                        ctx.reply().error(Errors.ZSET_WEIGHT_NOT_FLOAT);
                        return;
                    }
                    src.get(i).weight = w;
                }
            } else if (op != Op.DIFF && !cardinalityOnly && remaining >= 2 && args.is(j, "AGGREGATE")) {
                j++;
                if (args.is(j, "SUM")) {
                    aggregate = Aggregate.SUM;
                } else if (args.is(j, "MIN")) {
                    aggregate = Aggregate.MIN;
                } else if (args.is(j, "MAX")) {
                    aggregate = Aggregate.MAX;
                } else {
                    ctx.reply().error(Errors.SYNTAX);
                    return;
                }
                j++;
                remaining -= 2;
            } else if (!store && !cardinalityOnly && args.is(j, "WITHSCORES")) {
                j++;
                remaining--;
                withScores = true;
            } else if (cardinalityOnly && remaining >= 2 && args.is(j, "LIMIT")) {
                j++;
                if (!args.isLong(j) || args.longValue(j) < 0) {
                    ctx.reply().error(Errors.LIMIT_NEGATIVE);
                    return;
                }
                limit = args.longValue(j);
                j++;
                remaining -= 2;
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
        }
        if (op != Op.DIFF) {
            src.sort((a, b) -> Integer.compare(a.size(), b.size())); // stable, as glibc's merge sort
        }
        SortedSet result = new SortedSet();
        result.convertToSkipListForm();
        long cardinality = 0;
        switch (op) {
            case INTER -> {
                Source first = src.get(0);
                if (first.size() > 0) {
                    int n = first.set.size();
                    for (int rank = 0; rank < n; rank++) {
                        byte[] member = first.set.memberAt(rank);
                        double value0 = first.set.scoreAt(rank);
                        double score = first.weight * value0;
                        if (Double.isNaN(score)) {
                            score = 0;
                        }
                        int k;
                        for (k = 1; k < src.size(); k++) {
                            Source s = src.get(k);
                            double value;
                            if (s.set == first.set) {
                                value = value0 * s.weight;
                            } else {
                                double found = s.set == null ? Double.NaN : s.set.score(member);
                                if (Double.isNaN(found)) {
                                    break;
                                }
                                value = found * s.weight;
                            }
                            score = aggregate(score, value, aggregate);
                        }
                        if (k == src.size()) {
                            if (cardinalityOnly) {
                                cardinality++;
                                if (limit > 0 && cardinality >= limit) {
                                    break;
                                }
                            } else {
                                result.put(member, score);
                            }
                        }
                    }
                }
            }
            case UNION -> {
                Map<Member, double[]> acc = new HashMap<>();
                List<Member> order = new ArrayList<>();
                for (Source s : src) {
                    if (s.size() == 0) {
                        continue;
                    }
                    int n = s.set.size();
                    for (int rank = 0; rank < n; rank++) {
                        byte[] member = s.set.memberAt(rank);
                        double score = s.weight * s.set.scoreAt(rank);
                        if (Double.isNaN(score)) {
                            score = 0;
                        }
                        Member key = new Member(member);
                        double[] existing = acc.get(key);
                        if (existing == null) {
                            acc.put(key, new double[] {score});
                            order.add(key);
                        } else {
                            existing[0] = aggregate(existing[0], score, aggregate);
                        }
                    }
                }
                for (Member m : order) {
                    result.put(m.bytes, acc.get(m)[0]);
                }
            }
            case DIFF -> {
                Source first = src.get(0);
                if (first.size() > 0) {
                    int n = first.set.size();
                    for (int rank = 0; rank < n; rank++) {
                        byte[] member = first.set.memberAt(rank);
                        boolean elsewhere = false;
                        for (int k = 1; k < src.size() && !elsewhere; k++) {
                            SortedSet other = src.get(k).set;
                            elsewhere = other != null && !Double.isNaN(other.score(member));
                        }
                        if (!elsewhere) {
                            result.put(member, first.set.scoreAt(rank));
                        }
                    }
                }
            }
        }
        if (cardinalityOnly) {
            ctx.reply().integer(cardinality);
        } else if (store) {
            store(ctx, result);
        } else {
            ZSets.Elements out = new ZSets.Elements();
            result.visit(0, false, out);
            if (result.size() == 0) {
                ctx.reply().array(0);
            } else {
                out.reply(ctx, withScores);
            }
        }
    }

    private static double aggregate(double target, double value, Aggregate aggregate) {
        return switch (aggregate) {
            case SUM -> {
                double sum = target + value;
                yield Double.isNaN(sum) ? 0.0 : sum; // inf + -inf: Redis makes it 0
            }
            case MIN -> value < target ? value : target;
            case MAX -> value > target ? value : target;
        };
    }

    private static void store(CommandContext ctx, SortedSet result) {
        Arguments args = ctx.args();
        Database db = ctx.db();
        if (result.size() == 0) {
            ctx.reply().integer(0);
            if (db.remove(args.array(), args.offset(1), args.length(1), ctx.now()) != null) {
                ctx.keyModified(args, 1);
                ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", args, 1);
            }
            return;
        }
        result.compactIfSmall();
        db.put(args.array(), args.offset(1), args.length(1), result, Database.NO_EXPIRY, ctx.now());
        ctx.keyModified(args, 1);
        if (ctx.server().keyspaceEvents().enabled(KeyspaceEvents.ZSET)) {
            // the event is the command's name: zunionstore, zinterstore, zdiffstore
            ctx.notifyKeyspaceEvent(KeyspaceEvents.ZSET, args.text(0).toLowerCase(java.util.Locale.ROOT), args, 1);
        }
        ctx.reply().integer(result.size());
    }

    /** A member as a hash key, by content. */
    private record Member(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Member m && java.util.Arrays.equals(bytes, m.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }
    }
}
