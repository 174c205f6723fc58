package io.jredis.bootstrap.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports for servers started by tests. */
final class FreePorts {

    private FreePorts() {
    }

    /** A port the kernel just handed out as free (ephemeral range). */
    static int ephemeral() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A free port from the range in system property {@code name} ("from-to"), or an ephemeral
     * one when the property is not set. Lets a shared machine give each user its own range.
     */
    static int fromRange(String name) {
        String range = System.getProperty(name, "").strip();
        if (range.isEmpty()) {
            return ephemeral();
        }
        int dash = range.indexOf('-');
        int from = Integer.parseInt(range.substring(0, dash));
        int to = Integer.parseInt(range.substring(dash + 1));
        for (int p = from; p <= to; p++) {
            if (isFree(p)) {
                return p;
            }
        }
        throw new IllegalStateException("no free port in " + name + "=" + range);
    }

    static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
