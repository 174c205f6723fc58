package io.jredis.application.command.generic;

import io.jredis.application.command.Command;
import io.jredis.application.command.server.DbSizeCommand;
import io.jredis.application.command.server.FlushAllCommand;
import io.jredis.application.command.server.FlushDbCommand;
import io.jredis.application.command.server.SelectCommand;
import io.jredis.application.command.server.SwapDbCommand;

import java.util.List;

/**
 * The generic (keyspace) group: DEL, EXISTS, TYPE, KEYS, SCAN, RENAME, EXPIRE, TTL, OBJECT, ...
 * and the database commands (SELECT, SWAPDB, DBSIZE, FLUSHDB, FLUSHALL), which live in the
 * server package but are listed here.
 */
public final class KeyCommands {

    private KeyCommands() {
    }

    public static List<Command> all() {
        return List.of(
                new DelCommand(), new UnlinkCommand(), new ExistsCommand(), new TypeCommand(),
                new KeysCommand(), new ScanCommand(), new RandomKeyCommand(),
                new RenameCommand(), new RenameNxCommand(), new CopyCommand(), new MoveCommand(),
                new DumpCommand(), new RestoreCommand(), new RestoreAskingCommand(), new MigrateCommand(),
                new TouchCommand(),
                new ExpireCommand(), new PExpireCommand(), new ExpireAtCommand(), new PExpireAtCommand(),
                new TtlCommand(), new PTtlCommand(), new ExpireTimeCommand(), new PExpireTimeCommand(),
                new PersistCommand(), new ObjectCommand(),
                new SelectCommand(), new SwapDbCommand(), new DbSizeCommand(),
                new FlushDbCommand(), new FlushAllCommand());
    }
}
