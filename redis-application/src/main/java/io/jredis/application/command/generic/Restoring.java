package io.jredis.application.command.generic;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.Errors;
import io.jredis.application.pubsub.KeyspaceEvents;
import io.jredis.application.port.ValueCodec;
import io.jredis.domain.keyspace.Database;
import io.jredis.domain.value.Numbers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME s] [FREQ f], shared by RESTORE
 * and RESTORE-ASKING, in Redis 7.0's order of checks: options, an existing key (BUSYKEY), the
 * TTL, the payload's version and checksum, then its contents.
 */
final class Restoring {

    private static final byte[] DEL = "DEL".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ABSTTL = "ABSTTL".getBytes(StandardCharsets.US_ASCII);

    private Restoring() {
    }

    static void restore(CommandContext ctx) {
        Arguments args = ctx.args();
        boolean replace = false;
        boolean absttl = false;
        long idle = -1;
        long freq = -1;
        for (int j = 4; j < args.count(); j++) {
            int additional = args.count() - j - 1;
            if (args.is(j, "REPLACE")) {
                replace = true;
            } else if (args.is(j, "ABSTTL")) {
                absttl = true;
            } else if (args.is(j, "IDLETIME") && additional >= 1 && freq == -1) {
                if (!args.isLong(j + 1)) {
                    ctx.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                idle = args.longValue(j + 1);
                if (idle < 0) {
                    ctx.reply().error(Errors.RESTORE_INVALID_IDLETIME);
                    return;
                }
                j++;
            } else if (args.is(j, "FREQ") && additional >= 1 && idle == -1) {
                if (!args.isLong(j + 1)) {
                    ctx.reply().error(Errors.NOT_INTEGER);
                    return;
                }
                freq = args.longValue(j + 1);
                if (freq < 0 || freq > 255) {
                    ctx.reply().error(Errors.RESTORE_INVALID_FREQ);
                    return;
                }
                j++;
            } else {
                ctx.reply().error(Errors.SYNTAX);
                return;
            }
        }
        Database db = ctx.db();
        byte[] key = args.bytes(1);
        long now = ctx.now();
        if (!replace && db.contains(key, now)) {
            ctx.reply().error(Errors.BUSYKEY);
            return;
        }
        if (!args.isLong(2)) {
            ctx.reply().error(Errors.NOT_INTEGER);
            return;
        }
        long ttl = args.longValue(2);
        if (ttl < 0) {
            ctx.reply().error(Errors.RESTORE_INVALID_TTL);
            return;
        }
        ValueCodec codec = ctx.server().valueCodec();
        byte[] buf = args.array();
        if (!codec.intact(buf, args.offset(3), args.length(3))) {
            ctx.reply().error(Errors.DUMP_PAYLOAD_REFUSED);
            return;
        }
        Object value = codec.restore(buf, args.offset(3), args.length(3));
        if (value == null) {
            ctx.reply().error(Errors.DUMP_BAD_DATA);
            return;
        }
        boolean deleted = replace && db.remove(key, now) != null;
        if (ttl != 0 && !absttl) {
            ttl += now; // wraps past Long.MAX_VALUE into the past, as Redis's long long does
        }
        // Redis's checkAlreadyExpired: a replica keeps the key and waits for its master's DEL
        if (ttl != 0 && ttl <= now && !ctx.server().masterLink().replicating()) {
            if (deleted) {
                ctx.keyModified(key);
                ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "del", key);
                ctx.propagateAs(List.of(DEL, key));
            }
            ctx.reply().ok();
            return;
        }
        db.put(key, value, ttl != 0 ? ttl : Database.NO_EXPIRY, now);
        if (ttl != 0 && !absttl) {
            // replicas and the AOF get the absolute time, so that replaying it later is exact
            List<byte[]> argv = new ArrayList<>(args.count() + 1);
            for (int j = 0; j < args.count(); j++) {
                argv.add(j == 2 ? Numbers.toBytes(ttl) : args.bytes(j));
            }
            argv.add(ABSTTL);
            ctx.propagateAs(argv);
        }
        db.setAccess(key, idle, (int) freq, now);
        ctx.keyModified(key);
        ctx.notifyKeyspaceEvent(KeyspaceEvents.GENERIC, "restore", key);
        ctx.reply().ok();
    }
}
