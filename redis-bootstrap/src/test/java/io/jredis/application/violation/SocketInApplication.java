package io.jredis.application.violation;

import java.io.IOException;
import java.net.Socket;

/** A deliberate violation (test only): the application opening a socket. */
public final class SocketInApplication {

    public Socket open() throws IOException {
        return new Socket("127.0.0.1", 1);
    }
}
