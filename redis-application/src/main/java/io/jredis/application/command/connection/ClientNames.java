package io.jredis.application.command.connection;

import io.jredis.application.command.Arguments;

/** Client names and library attributes: printable ASCII without spaces, as Redis validates them. */
final class ClientNames {

    private ClientNames() {
    }

    static boolean valid(Arguments args, int i) {
        byte[] b = args.array();
        for (int k = args.offset(i), end = k + args.length(i); k < end; k++) {
            if (b[k] < '!' || b[k] > '~') {
                return false;
            }
        }
        return true;
    }
}
