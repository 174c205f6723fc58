package io.jredis.application.command.generic;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.command.KeyReference;
import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.port.MigrationLink;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.Numbers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * MIGRATE host port key|"" destination-db timeout [COPY] [REPLACE] [AUTH password]
 * [AUTH2 username password] [KEYS key...]: DUMPs the keys, sends AUTH, SELECT and one RESTORE per
 * key to the target, and deletes each key the target accepted (unless COPY). The exchange blocks
 * the command thread, as Redis's MIGRATE blocks its server, so no other command sees the keys
 * half-moved. Propagated as DEL of the keys moved (nothing when only copied).
 */
public final class MigrateCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("migrate", -6)
            .flags(CommandFlag.WRITE, CommandFlag.MOVABLEKEYS).keys(3, 3, 1)
            .acl("keyspace", "write", "slow", "dangerous")
            .group("generic").since("2.6.0").summary("Atomically transfer a key from a Redis instance to another one.")
            .complexity("This command actually executes a DUMP+DEL in the source instance, and a RESTORE in the target "
                    + "instance. See the pages of these commands for time complexity. Also an O(N) data transfer "
                    + "between the two instances is performed.")
            .tips("nondeterministic_output")
            .keySpec(CommandSpec.index(3), CommandSpec.range(0, 1, 0), "RW", "access", "delete")
            .keySpec(CommandSpec.keyword("KEYS", -2), CommandSpec.range(-1, 1, 0), "RW", "access", "delete",
                    "incomplete")
            .build();

    private static final List<String> KEY_FLAGS = List.of("RW", "access", "delete");

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    /** Redis's migrateGetKeys: the key argument, or what follows KEYS (AUTH and AUTH2 values skipped). */
    @Override
    public List<KeyReference> keys(Arguments args, int base) {
        int argc = args.count() - base;
        int first = 3;
        int num = 1;
        for (int i = 6; i < argc; i++) {
            int a = base + i;
            if (args.is(a, "KEYS")) {
                if (args.length(base + 3) > 0) {
                    return List.of();
                }
                first = i + 1;
                num = argc - first;
                break;
            } else if (args.is(a, "AUTH")) {
                i += 1;
            } else if (args.is(a, "AUTH2")) {
                i += 2;
            }
        }
        List<KeyReference> keys = new ArrayList<>(num);
        for (int i = 0; i < num; i++) {
            keys.add(new KeyReference(first + i, KEY_FLAGS));
        }
        return keys;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        boolean copy = false;
        boolean replace = false;
        byte[] username = null;
        byte[] password = null;
        int firstKey = 3;
        int numKeys = 1;
        for (int j = 6; j < args.count(); j++) {
            int moreargs = args.count() - 1 - j;
            if (args.is(j, "COPY")) {
                copy = true;
            } else if (args.is(j, "REPLACE")) {
                replace = true;
            } else if (args.is(j, "AUTH")) {
                if (moreargs == 0) {
                    ctx.reply().error(Errors.SYNTAX);
                    return;
                }
                password = args.bytes(++j);
            } else if (args.is(j, "AUTH2")) {
                if (moreargs < 2) {
                    ctx.reply().error(Errors.SYNTAX);
                    return;
                }
                username = args.bytes(++j);
                password = args.bytes(++j);
            } else if (args.is(j, "KEYS")) {
                if (args.length(3) != 0) {
                    ctx.reply().error(Errors.MIGRATE_KEYS_WITH_KEY);
                    return;
                }
                firstKey = j + 1;
                numKeys = args.count() - j - 1;
                break;
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
        }
        if (!args.isLong(5) || !args.isLong(4)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return;
        }
        long timeout = args.longValue(5);
        long dbid = args.longValue(4);
        if (timeout <= 0) {
            timeout = 1000;
        }
        Database db = ctx.db();
        long now = ctx.now();
        List<byte[]> keys = new ArrayList<>(numKeys);
        List<Object> values = new ArrayList<>(numKeys);
        for (int j = 0; j < numKeys; j++) {
            Object v = KeyLookups.read(ctx, db, firstKey + j);
            if (v != null) {
                keys.add(args.bytes(firstKey + j));
                values.add(v);
            }
        }
        if (keys.isEmpty()) {
            ctx.reply().status("NOKEY");
            return;
        }
        List<List<byte[]>> request = new ArrayList<>(keys.size() + 2);
        if (password != null) {
            if (username != null) {
                request.add(List.of(ascii("AUTH"), username, password));
            } else {
                request.add(List.of(ascii("AUTH"), password));
            }
        }
        request.add(List.of(ascii("SELECT"), Numbers.toBytes(dbid))); // a fresh link always selects
        int preamble = request.size();
        for (int j = 0; j < keys.size(); j++) {
            long ttl = 0;
            long expireAt = db.expireAt(keys.get(j), now);
            if (expireAt != Database.NO_EXPIRY) {
                ttl = Math.max(1, expireAt - now);
            }
            byte[] payload = ctx.server().valueCodec().dump(values.get(j));
            if (replace) {
                request.add(List.of(ascii("RESTORE"), keys.get(j), Numbers.toBytes(ttl), payload, ascii("REPLACE")));
            } else {
                request.add(List.of(ascii("RESTORE"), keys.get(j), Numbers.toBytes(ttl), payload));
            }
        }
        MigrationLink.Exchange exchange = ctx.server().migrationLink().exchange(args.string(1), port(args),
                timeout, request);
        switch (exchange.failure()) {
            case CONNECT -> {
                ctx.reply().error(Errors.MIGRATE_IOERR_CONNECT);
                return;
            }
            case WRITE -> {
                ctx.reply().error(Errors.MIGRATE_IOERR_WRITE);
                return;
            }
            default -> {
            }
        }
        List<String> lines = exchange.lines();
        if (lines.size() < preamble) {
            ctx.reply().error(Errors.MIGRATE_IOERR_READ);
            return;
        }
        String preambleError = null;
        for (int i = 0; i < preamble; i++) {
            if (lines.get(i).startsWith("-") && preambleError == null) {
                preambleError = lines.get(i);
            }
        }
        String targetError = null;
        List<byte[]> moved = new ArrayList<>();
        for (int j = 0; j < keys.size() && preamble + j < lines.size(); j++) {
            String line = lines.get(preamble + j);
            if (preambleError != null || line.startsWith("-")) {
                if (targetError == null) {
                    targetError = preambleError != null ? preambleError : line;
                }
            } else if (!copy) {
                db.remove(keys.get(j), now);
                ctx.keyModified(keys.get(j));
                ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", keys.get(j));
                moved.add(keys.get(j));
            }
        }
        if (!copy) {
            if (moved.isEmpty()) {
                ctx.suppressPropagation();
            } else {
                List<byte[]> del = new ArrayList<>(moved.size() + 1);
                del.add(ascii("DEL"));
                del.addAll(moved);
                ctx.propagateAs(del);
            }
        }
        if (targetError != null) {
            ctx.reply().error(Errors.MIGRATE_TARGET_ERROR + targetError.substring(1));
        } else if (exchange.failure() == MigrationLink.Failure.READ) {
            ctx.reply().error(Errors.MIGRATE_IOERR_READ);
        } else {
            ctx.reply().ok();
        }
    }

    /** The port as Redis's atoi reads it: leading digits, anything else 0. */
    private static int port(Arguments args) {
        long v = 0;
        byte[] buf = args.array();
        int off = args.offset(2);
        int len = args.length(2);
        for (int i = 0; i < len && buf[off + i] >= '0' && buf[off + i] <= '9' && v < 100_000; i++) {
            v = v * 10 + (buf[off + i] - '0');
        }
        return (int) v;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
