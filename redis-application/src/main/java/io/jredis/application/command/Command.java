package io.jredis.application.command;

import java.util.List;

/** One command use case. Implementations are stateless singletons; state lives in the context. */
public interface Command {

    CommandSpec spec();

    /** Runs the command: arity and authentication were already checked by the executor. */
    void execute(CommandContext ctx);

    /**
     * True when a client blocked by this command must be run again when a key it waits on is
     * deleted (XREADGROUP answers that with an error); other blocked commands keep waiting.
     */
    default boolean servesDeletedKey() {
        return false;
    }

    /** Subcommands of a container command (CONFIG, CLIENT, ...); empty for plain commands. */
    default List<Command> subcommands() {
        return List.of();
    }

    /**
     * The keys of one call, for commands whose keys Redis finds by parsing the arguments
     * (getkeys_proc, e.g. SORT ... STORE): indexes relative to {@code base}, the index of the
     * command name in {@code args}. Null when the spec's key positions say it all.
     */
    default List<KeyReference> keys(Arguments args, int base) {
        return null;
    }
}
