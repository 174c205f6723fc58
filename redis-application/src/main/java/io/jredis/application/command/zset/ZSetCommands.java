package io.jredis.application.command.zset;

import io.jredis.application.command.Command;

import java.util.List;

/** The sorted-set group. */
public final class ZSetCommands {

    private ZSetCommands() {
    }

    public static List<Command> all() {
        return List.of(
                ZaddCommand.zadd(), ZaddCommand.zincrby(),
                new ZscoreCommand(), new ZmscoreCommand(), new ZcardCommand(),
                ZcountCommand.zcount(), ZcountCommand.zlexcount(),
                ZrankCommand.zrank(), ZrankCommand.zrevrank(),
                ZrangeCommand.zrange(), ZrangeCommand.zrangestore(), ZrangeCommand.zrevrange(),
                ZrangeCommand.zrangebyscore(), ZrangeCommand.zrevrangebyscore(),
                ZrangeCommand.zrangebylex(), ZrangeCommand.zrevrangebylex(),
                new ZremCommand(),
                ZremrangeCommand.byRank(), ZremrangeCommand.byScore(), ZremrangeCommand.byLex(),
                ZpopCommand.zpopmin(), ZpopCommand.zpopmax(), new ZmpopCommand(),
                BzpopCommand.bzpopmin(), BzpopCommand.bzpopmax(), BzpopCommand.bzmpop(),
                new ZrandmemberCommand(),
                ZsetOperationCommand.zunion(), ZsetOperationCommand.zinter(), ZsetOperationCommand.zdiff(),
                ZsetOperationCommand.zunionstore(), ZsetOperationCommand.zinterstore(),
                ZsetOperationCommand.zdiffstore(), ZsetOperationCommand.zintercard(),
                new ZscanCommand());
    }
}
