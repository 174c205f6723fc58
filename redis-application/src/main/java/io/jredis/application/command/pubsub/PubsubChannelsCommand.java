package io.jredis.application.command.pubsub;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;

import java.util.List;

/** PUBSUB CHANNELS [pattern] and PUBSUB SHARDCHANNELS [pattern]: the active (shard) channels matching. */
public final class PubsubChannelsCommand implements Command {

    private final CommandSpec spec;
    private final boolean shard;

    PubsubChannelsCommand(boolean shard) {
        this.shard = shard;
        this.spec = shard
                ? CommandSpec.command("shardchannels", -2)
                        .flags(CommandFlag.PUBSUB, CommandFlag.LOADING, CommandFlag.STALE)
                        .acl("pubsub", "slow")
                        .group("pubsub").since("7.0.0").summary("List active shard channels")
                        .complexity("O(N) where N is the number of active shard channels, and assuming constant "
                                + "time pattern matching (relatively short shard channels).")
                        .build()
                : CommandSpec.command("channels", -2)
                        .flags(CommandFlag.PUBSUB, CommandFlag.LOADING, CommandFlag.STALE)
                        .acl("pubsub", "slow")
                        .group("pubsub").since("2.8.0").summary("List active channels")
                        .complexity("O(N) where N is the number of active channels, and assuming constant time "
                                + "pattern matching (relatively short channels and patterns)")
                        .build();
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (args.count() > 3) {
            ctx.reply().error(Errors.pubsubSubcommandSyntax(args.text(1)));
            return;
        }
        List<byte[]> names = ctx.server().pubsub().names(shard, args.count() == 3 ? args.bytes(2) : null);
        ctx.reply().array(names.size());
        for (byte[] name : names) {
            ctx.reply().bulk(name);
        }
    }
}
