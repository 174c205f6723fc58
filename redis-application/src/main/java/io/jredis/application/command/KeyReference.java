package io.jredis.application.command;

import java.util.List;

/**
 * One key of a call as a command with movable keys finds it (Redis's getkeys_proc): the
 * argument index and the key spec flags COMMAND GETKEYSANDFLAGS reports for it.
 */
public record KeyReference(int index, List<String> flags) {

    /** Key spec flags of keys only read (ZUNION's sources, XREAD's streams). */
    public static final List<String> RO_ACCESS = List.of("RO", "access");
    /** Key spec flags of keys popped from (LMPOP, ZMPOP). */
    public static final List<String> RW_ACCESS_DELETE = List.of("RW", "access", "delete");
    /** Key spec flags of a destination overwritten (ZUNIONSTORE's). */
    public static final List<String> OW_UPDATE = List.of("OW", "update");

    /**
     * Redis's keynum key spec: the argument {@code numkeysAt} (relative to {@code base}, the
     * command name's index) counts the keys right after it, which are added to {@code out} with
     * {@code flags}. False, adding nothing, when the count is no integer, below 1, or more than
     * the arguments left — Redis then finds no keys ("Invalid arguments specified").
     */
    public static boolean addCounted(List<KeyReference> out, Arguments args, int base, int numkeysAt,
                                     List<String> flags) {
        int argc = args.count() - base;
        if (numkeysAt >= argc || !args.isLong(base + numkeysAt)) {
            return false;
        }
        long n = args.longValue(base + numkeysAt);
        if (n < 1 || n > argc - numkeysAt - 1) {
            return false;
        }
        for (int i = 1; i <= n; i++) {
            out.add(new KeyReference(numkeysAt + i, flags));
        }
        return true;
    }

    /**
     * XREAD's and XREADGROUP's key spec: the keys follow the first STREAMS at or after
     * {@code startFrom} and make up half of what follows it (the other half are ids).
     */
    public static boolean addStreams(List<KeyReference> out, Arguments args, int base, int startFrom,
                                     List<String> flags) {
        int argc = args.count() - base;
        for (int i = startFrom; i < argc; i++) {
            if (args.is(base + i, "streams")) {
                int count = (argc - i - 1) / 2;
                for (int k = 1; k <= count; k++) {
                    out.add(new KeyReference(i + k, flags));
                }
                return count > 0;
            }
        }
        return false;
    }
}
