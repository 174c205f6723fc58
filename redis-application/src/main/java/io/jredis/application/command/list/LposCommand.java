package io.jredis.application.command.list;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.domain.value.ListValue;

import java.util.Arrays;

/** LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]. */
public final class LposCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("lpos", -3)
            .flags(CommandFlag.READONLY).keys(1, 1, 1)
            .keyFlags("RO", "access")
            .acl("read", "list", "slow")
            .group("list").since("6.0.6").summary("Return the index of matching elements on a list")
            .complexity("O(N) where N is the number of elements in the list, for the average case. When searching for elements near the head or the tail of the list, or when the MAXLEN option is provided, the command may run in constant time.")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments a = ctx.args();
        long rank = 1;
        long count = -1;
        long maxlen = 0;
        for (int j = 3; j < a.count(); j++) {
            boolean more = j + 1 < a.count();
            if (a.is(j, "RANK") && more) {
                j++;
                if (!a.isLong(j)) {
                    ctx.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                rank = a.longValue(j);
                if (rank == 0) {
                    ctx.reply().error(Errors.LPOS_RANK_ZERO);
                    return;
                }
            } else if (a.is(j, "COUNT") && more) {
                j++;
                if (!a.isLong(j) || (count = a.longValue(j)) < 0) {
                    ctx.reply().error(Errors.LPOS_COUNT_NEGATIVE);
                    return;
                }
            } else if (a.is(j, "MAXLEN") && more) {
                j++;
                if (!a.isLong(j) || (maxlen = a.longValue(j)) < 0) {
                    ctx.reply().error(Errors.LPOS_MAXLEN_NEGATIVE);
                    return;
                }
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
        }
        boolean fromTail = false;
        if (rank < 0) {
            rank = -rank; // as Redis: LLONG_MIN stays negative, so every match counts
            fromTail = true;
        }
        Object v = ctx.db().get(a.array(), a.offset(1), a.length(1), ctx.now());
        if (v == null) {
            if (count != -1) {
                ctx.reply().array(0);
            } else {
                ctx.reply().nullBulk();
            }
            return;
        }
        if (!(v instanceof ListValue list)) {
            ctx.reply().error(Errors.WRONG_TYPE);
            return;
        }
        long llen = list.size();
        byte[] buf = a.array();
        int eoff = a.offset(2);
        int elen = a.length(2);
        long[][] matches = {new long[8]};
        // index, matches, found
        long[] st = {0, 0, 0};
        final long r = rank;
        final long c = count;
        final long ml = maxlen;
        final boolean tail = fromTail;
        list.forEach(tail ? list.size() - 1 : 0, !tail, (b, off, len) -> {
            if (ml != 0 && st[0] >= ml) {
                return false;
            }
            if (Arrays.equals(b, off, off + len, buf, eoff, eoff + elen)) {
                st[1]++;
                long matchIndex = tail ? llen - st[0] - 1 : st[0];
                if (st[1] >= r) {
                    if (c != -1) {
                        if (st[2] == matches[0].length) {
                            matches[0] = Arrays.copyOf(matches[0], matches[0].length * 2);
                        }
                        matches[0][(int) st[2]++] = matchIndex;
                        if (c != 0 && st[1] - r + 1 >= c) {
                            return false;
                        }
                    } else {
                        st[2] = 1;
                        matches[0][0] = matchIndex;
                        return false;
                    }
                }
            }
            st[0]++;
            return true;
        });
        if (count != -1) {
            int n = (int) st[2];
            ctx.reply().array(n);
            for (int i = 0; i < n; i++) {
                ctx.reply().integer(matches[0][i]);
            }
        } else if (st[2] == 1) {
            ctx.reply().integer(matches[0][0]);
        } else {
            ctx.reply().nullBulk();
        }
    }
}
