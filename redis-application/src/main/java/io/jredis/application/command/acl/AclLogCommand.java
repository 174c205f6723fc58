package io.jredis.application.command.acl;

import io.jredis.application.acl.AclUser;
import io.jredis.application.acl.AclUsers;
import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ReplySink;

/** ACL LOG [count | RESET]: the newest entries first, each with Redis 7.0's seven fields. */
public final class AclLogCommand implements Command {

    private static final CommandSpec SPEC = AclCommand.admin("log", -2)
            .summary("List latest events denied because of ACLs in place")
            .complexity("O(N) with N being the number of entries shown.").build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        ReplySink r = ctx.reply();
        if (args.count() > 3) {
            r.error(Errors.subcommandSyntax(args));
            return;
        }
        io.jredis.application.acl.AclLog log = ctx.server().acl().log();
        long count = 10;
        if (args.count() == 3) {
            if (args.is(2, "RESET")) {
                log.reset();
                r.ok();
                return;
            }
            if (!args.isLong(2)) {
                r.error(Errors.NOT_INTEGER);
                return;
            }
            count = Math.max(0, args.longValue(2)); // a negative count lists nothing, as in Redis 7.0
        }
        int n = (int) Math.min(count, log.size());
        r.array(n);
        int i = 0;
        for (io.jredis.application.acl.AclLog.Entry e : log.newestFirst()) {
            if (i++ == n) {
                break;
            }
            r.map(7);
            r.bulk("count");
            r.integer(e.count());
            r.bulk("reason");
            r.bulk(e.reason());
            r.bulk("context");
            r.bulk(e.context());
            r.bulk("object");
            r.bulk(e.object().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            r.bulk("username");
            r.bulk(e.username().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            r.bulk("age-seconds");
            r.doubleValue((ctx.now() - e.createdMillis()) / 1000.0);
            r.bulk("client-info");
            r.bulk(e.clientInfo());
        }
    }
}
