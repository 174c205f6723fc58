package io.jredis.application.command.pubsub;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.pubsub.PubSub;

/**
 * PUBSUB NUMSUB [channel ...] and PUBSUB SHARDNUMSUB [shardchannel ...]: each name followed by
 * its number of subscribers (pattern subscriptions not counted); a flat array in RESP3 too, as Redis.
 */
public final class PubsubNumsubCommand implements Command {

    private final CommandSpec spec;
    private final boolean shard;

    PubsubNumsubCommand(boolean shard) {
        this.shard = shard;
        this.spec = shard
                ? CommandSpec.command("shardnumsub", -2)
                        .flags(CommandFlag.PUBSUB, CommandFlag.LOADING, CommandFlag.STALE)
                        .acl("pubsub", "slow")
                        .group("pubsub").since("7.0.0").summary("Get the count of subscribers for shard channels")
                        .complexity("O(N) for the SHARDNUMSUB subcommand, where N is the number of requested "
                                + "shard channels")
                        .build()
                : CommandSpec.command("numsub", -2)
                        .flags(CommandFlag.PUBSUB, CommandFlag.LOADING, CommandFlag.STALE)
                        .acl("pubsub", "slow")
                        .group("pubsub").since("2.8.0").summary("Get the count of subscribers for channels")
                        .complexity("O(N) for the NUMSUB subcommand, where N is the number of requested channels")
                        .build();
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        PubSub pubsub = ctx.server().pubsub();
        ctx.reply().array(2 * (args.count() - 2));
        for (int i = 2; i < args.count(); i++) {
            ctx.reply().bulk(args.array(), args.offset(i), args.length(i));
            ctx.reply().integer(pubsub.subscribers(shard, args.array(), args.offset(i), args.length(i)));
        }
    }
}
