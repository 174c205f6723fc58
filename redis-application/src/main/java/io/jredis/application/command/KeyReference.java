package io.jredis.application.command;

import java.util.List;

/**
 * One key of a call as a command with movable keys finds it (Redis's getkeys_proc): the
 * argument index and the key spec flags COMMAND GETKEYSANDFLAGS reports for it.
 */
public record KeyReference(int index, List<String> flags) {
}
