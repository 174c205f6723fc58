package io.jredis.application.command.bitmap;

import io.jredis.application.command.Command;

import java.util.List;

/** The bitmap group: bit operations on string values. */
public final class BitmapCommands {

    private BitmapCommands() {
    }

    public static List<Command> all() {
        return List.of(new SetbitCommand(), new GetbitCommand(), new BitcountCommand(), new BitposCommand(),
                new BitopCommand(), BitfieldCommand.bitfield(), BitfieldCommand.bitfieldRo());
    }
}
