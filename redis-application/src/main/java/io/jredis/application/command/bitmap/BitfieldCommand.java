package io.jredis.application.command.bitmap;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.domain.value.Bitmaps;
import io.jredis.domain.value.MutableString;
import io.jredis.domain.value.Strings;

/**
 * BITFIELD key [GET type offset | SET type offset value | INCRBY type offset increment |
 * OVERFLOW WRAP|SAT|FAIL]... and its read-only twin BITFIELD_RO (GET only). Every operation is
 * parsed before any runs; a write grows the string up to the farthest bit written. As in Redis
 * 7.0.15 a SET or INCRBY counts as a change (and the command propagates as sent) when it stored a
 * different value or the key was created or extended; one that failed on OVERFLOW FAIL never
 * does, though the key it made room in stays.
 */
public final class BitfieldCommand implements Command {

    private static final int GET = 0;
    private static final int SET = 1;
    private static final int INCRBY = 2;
    private static final int WRAP = 0;
    private static final int SAT = 1;
    private static final int FAIL = 2;

    private final CommandSpec spec;
    private final boolean readOnly;

    private BitfieldCommand(CommandSpec spec, boolean readOnly) {
        this.spec = spec;
        this.readOnly = readOnly;
    }

    public static BitfieldCommand bitfield() {
        return new BitfieldCommand(CommandSpec.command("bitfield", -2)
                .flags(CommandFlag.WRITE, CommandFlag.DENYOOM).keys(1, 1, 1)
                .acl("write", "bitmap", "slow")
                .group("bitmap").since("3.2.0")
                .summary("Perform arbitrary bitfield integer operations on strings")
                .complexity("O(1) for each subcommand specified")
                .keySpec("This command allows both access and modification of the key",
                        CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RW", "access", "update", "variable_flags")
                .build(), false);
    }

    public static BitfieldCommand bitfieldRo() {
        return new BitfieldCommand(CommandSpec.command("bitfield_ro", -2)
                .flags(CommandFlag.READONLY, CommandFlag.FAST).keys(1, 1, 1)
                .acl("read", "bitmap", "fast")
                .group("bitmap").since("6.0.0")
                .summary("Perform arbitrary bitfield integer operations on strings. Read-only variant of BITFIELD")
                .complexity("O(1) for each subcommand specified")
                .keySpec(CommandSpec.index(1), CommandSpec.range(0, 1, 0), "RO", "access")
                .build(), true);
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        int argc = args.count();
        // At most one operation per two arguments: opcode, bits (negative = unsigned), offset, value, overflow.
        int max = argc / 2;
        int[] opcodes = new int[max];
        int[] types = new int[max];
        long[] offsets = new long[max];
        long[] values = new long[max];
        int[] overflows = new int[max];
        int numops = 0;
        int overflow = WRAP;
        boolean writes = false;
        long highestWrite = 0;
        for (int j = 2; j < argc; j++) {
            int remaining = argc - j - 1;
            int opcode;
            if (args.is(j, "get") && remaining >= 2) {
                opcode = GET;
            } else if (args.is(j, "set") && remaining >= 3) {
                opcode = SET;
            } else if (args.is(j, "incrby") && remaining >= 3) {
                opcode = INCRBY;
            } else if (args.is(j, "overflow") && remaining >= 1) {
                j++;
                if (args.is(j, "wrap")) {
                    overflow = WRAP;
                } else if (args.is(j, "sat")) {
                    overflow = SAT;
                } else if (args.is(j, "fail")) {
                    overflow = FAIL;
                } else {
                    ctx.reply().error(Errors.BITFIELD_OVERFLOW_TYPE);
                    return;
                }
                continue;
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
            int type = BitValues.type(ctx, j + 1);
            if (type == 0) {
                return;
            }
            int bits = Math.abs(type);
            long offset = BitValues.offset(ctx, j + 2, true, bits);
            if (offset < 0) {
                return;
            }
            long value = 0;
            if (opcode != GET) {
                writes = true;
                highestWrite = Math.max(highestWrite, offset + bits - 1);
                if (!args.isLong(j + 3)) {
                    ctx.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                value = args.longValue(j + 3);
            }
            opcodes[numops] = opcode;
            types[numops] = type;
            offsets[numops] = offset;
            values[numops] = value;
            overflows[numops] = overflow;
            numops++;
            j += opcode == GET ? 2 : 3;
        }

        byte[] p = null;
        int len = 0;
        MutableString m = null;
        boolean[] grown = new boolean[1];
        if (!writes) {
            Object value = ctx.db().get(args.array(), args.offset(1), args.length(1), ctx.now());
            if (value != null) {
                if (!Strings.isString(value)) {
                    ctx.reply().error(Errors.WRONG_TYPE);
                    return;
                }
                p = BitValues.array(value);
                len = Strings.length(value);
            }
        } else {
            if (readOnly) {
                ctx.reply().error(Errors.BITFIELD_RO_GET_ONLY);
                return;
            }
            m = BitValues.writable(ctx, highestWrite, grown);
            if (m == null) {
                return;
            }
        }

        ctx.reply().array(numops);
        int changes = 0;
        for (int i = 0; i < numops; i++) {
            int bits = Math.abs(types[i]);
            boolean signed = types[i] > 0;
            if (opcodes[i] == GET) {
                if (m != null) {
                    p = m.array();
                    len = m.length();
                }
                long v = p == null ? 0 : signed ? Bitmaps.getSigned(p, len, offsets[i], bits)
                        : Bitmaps.getUnsigned(p, len, offsets[i], bits);
                ctx.reply().integer(v);
                continue;
            }
            byte[] a = m.array();
            int alen = m.length();
            long oldval = signed ? Bitmaps.getSigned(a, alen, offsets[i], bits)
                    : Bitmaps.getUnsigned(a, alen, offsets[i], bits);
            long newval;
            long retval;
            boolean overflowed;
            if (opcodes[i] == INCRBY) {
                long[] limit = new long[1];
                overflowed = signed ? signedOverflow(oldval, values[i], bits, overflows[i], limit)
                        : unsignedOverflow(oldval, values[i], bits, overflows[i], limit);
                newval = overflowed ? limit[0] : oldval + values[i];
                retval = newval;
            } else {
                long[] limit = new long[1];
                newval = values[i];
                overflowed = signed ? signedOverflow(newval, 0, bits, overflows[i], limit)
                        : unsignedOverflow(newval, 0, bits, overflows[i], limit);
                if (overflowed) {
                    newval = limit[0];
                }
                retval = oldval;
            }
            if (overflowed && overflows[i] == FAIL) {
                ctx.reply().nullBulk();
            } else {
                ctx.reply().integer(retval);
                Bitmaps.setField(a, offsets[i], bits, newval);
                if (grown[0] || oldval != newval) {
                    changes++;
                }
            }
        }
        if (changes > 0) {
            ctx.keyModified(args, 1);
            ctx.notifyKeyspaceEvent(KeyspaceEvents.STRING, "setbit", args, 1);
            ctx.dirty(changes - 1);
        }
    }

    /** Redis's checkUnsignedBitfieldOverflow: value and result are unsigned; limit gets the WRAP or SAT result. */
    private static boolean unsignedOverflow(long value, long incr, int bits, int owtype, long[] limit) {
        long max = bits == 64 ? -1L : (1L << bits) - 1;
        long maxincr = max - value;
        long minincr = -value;
        if (Long.compareUnsigned(value, max) > 0 || incr > 0 && incr > maxincr) {
            if (owtype == WRAP) {
                limit[0] = (value + incr) & ~(-1L << bits);
            } else if (owtype == SAT) {
                limit[0] = max;
            }
            return true;
        } else if (incr < 0 && incr < minincr) {
            if (owtype == WRAP) {
                limit[0] = (value + incr) & ~(-1L << bits);
            } else if (owtype == SAT) {
                limit[0] = 0;
            }
            return true;
        }
        return false;
    }

    /** Redis's checkSignedBitfieldOverflow; WRAP keeps the low bits and sign-extends them. */
    private static boolean signedOverflow(long value, long incr, int bits, int owtype, long[] limit) {
        long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        long min = -max - 1;
        long maxincr = max - value;
        long minincr = min - value;
        if (value > max || bits != 64 && incr > maxincr || value >= 0 && incr > 0 && incr > maxincr) {
            if (owtype == WRAP) {
                limit[0] = wrapSigned(value, incr, bits);
            } else if (owtype == SAT) {
                limit[0] = max;
            }
            return true;
        } else if (value < min || bits != 64 && incr < minincr || value < 0 && incr < 0 && incr < minincr) {
            if (owtype == WRAP) {
                limit[0] = wrapSigned(value, incr, bits);
            } else if (owtype == SAT) {
                limit[0] = min;
            }
            return true;
        }
        return false;
    }

    private static long wrapSigned(long value, long incr, int bits) {
        long c = value + incr;
        if (bits < 64) {
            long mask = -1L << bits;
            c = (c & 1L << (bits - 1)) != 0 ? c | mask : c & ~mask;
        }
        return c;
    }
}
