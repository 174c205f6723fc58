package io.jredis.application.command;

import io.jredis.application.command.acl.AclCommands;
import io.jredis.application.command.aof.AofCommands;
import io.jredis.application.command.bitmap.BitmapCommands;
import io.jredis.application.command.connection.ConnectionCommands;
import io.jredis.application.command.generic.KeyCommands;
import io.jredis.application.command.geo.GeoCommands;
import io.jredis.application.command.hash.HashCommands;
import io.jredis.application.command.hyperloglog.HyperLogLogCommands;
import io.jredis.application.command.list.ListCommands;
import io.jredis.application.command.memory.MemoryCommands;
import io.jredis.application.command.ops.OpsCommands;
import io.jredis.application.command.pubsub.PubSubCommands;
import io.jredis.application.command.replica.ReplicaCommands;
import io.jredis.application.command.replication.ReplicationCommands;
import io.jredis.application.command.scripting.ScriptingCommands;
import io.jredis.application.command.server.ConfigCommands;
import io.jredis.application.command.server.ServerCommands;
import io.jredis.application.command.set.SetCommands;
import io.jredis.application.command.sort.SortCommands;
import io.jredis.application.command.stream.StreamCommands;
import io.jredis.application.command.string.StringCommands;
import io.jredis.application.command.transaction.TransactionCommands;
import io.jredis.application.command.zset.ZSetCommands;

import java.util.ArrayList;
import java.util.List;

/** Every command group the server offers; the registry is built from this list. */
public final class Commands {

    private Commands() {
    }

    public static List<Command> all() {
        List<Command> all = new ArrayList<>();
        all.addAll(ConnectionCommands.all());
        all.addAll(StringCommands.all());
        all.addAll(KeyCommands.all());
        all.addAll(ListCommands.all());
        all.addAll(ServerCommands.all());
        all.addAll(TransactionCommands.all());
        all.addAll(ConfigCommands.all());
        all.addAll(ZSetCommands.all());
        all.addAll(GeoCommands.all());
        all.addAll(HashCommands.all());
        all.addAll(SetCommands.all());
        all.addAll(SortCommands.all());
        all.addAll(ReplicaCommands.all());
        all.addAll(ReplicationCommands.all());
        all.addAll(AofCommands.all());
        all.addAll(StreamCommands.all());
        all.addAll(BitmapCommands.all());
        all.addAll(HyperLogLogCommands.all());
        all.addAll(MemoryCommands.all());
        all.addAll(AclCommands.all());
        all.addAll(PubSubCommands.all());
        all.addAll(ScriptingCommands.all());
        all.addAll(OpsCommands.all());
        return all;
    }

    public static CommandRegistry registry() {
        return new CommandRegistry(all());
    }
}
