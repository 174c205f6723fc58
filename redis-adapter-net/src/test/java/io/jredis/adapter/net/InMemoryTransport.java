package io.jredis.adapter.net;

import io.jredis.application.command.CommandExecutor;
import io.jredis.application.command.Commands;
import io.jredis.application.port.ClientConnection;
import io.jredis.application.port.Clock;
import io.jredis.application.server.ServerConfig;
import io.jredis.application.server.ServerState;
import io.jredis.application.session.ClientSession;
import io.jredis.application.command.Arguments;
import org.agrona.ExpandableArrayBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The application behind the real parser and reply encoder, without sockets: bytes go in as one
 * read, the encoded replies come out as the bytes a socket write would send. Mirrors
 * {@code EventLoop.process}.
 */
final class InMemoryTransport {

    /** A clock that moves only when told to. */
    static final class ManualClock implements Clock {
        long millis;

        ManualClock(long millis) {
            this.millis = millis;
        }

        void advance(long ms) {
            millis += ms;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public long nanos() {
            return millis * 1_000_000L;
        }
    }

    final ManualClock clock = new ManualClock(1_700_000_000_000L);
    final ServerConfig config = new ServerConfig();
    final ServerState server = new ServerState(config, clock);
    final CommandExecutor executor = new CommandExecutor(server, Commands.registry());

    Client connect() {
        return new Client();
    }

    /** One client: its read buffer, parser and output buffer, as a Connection holds them. */
    final class Client implements ClientConnection {
        private final ExpandableArrayBuffer in = new ExpandableArrayBuffer(64);
        private int inLimit;
        private final RespParser parser = new RespParser();
        private final Arguments args = new Arguments();
        private final RespWriter out = new RespWriter(64);
        private final ClientSession session = executor.connect(this);
        boolean closed;

        /** One read's worth of bytes; returns what would be written back. */
        String feed(String data) {
            return new String(feed(data.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
        }

        byte[] feed(byte[] data) {
            if (closed) {
                throw new IllegalStateException("connection closed");
            }
            if (inLimit + data.length > in.capacity()) {
                in.checkLimit(inLimit + data.length);
                parser.rebase(in.byteArray(), args);
            }
            in.putBytes(inLimit, data);
            inLimit += data.length;
            boolean closeAfterWrite = false;
            while (!closeAfterWrite) {
                out.protocol(session.protocol());
                RespParser.Result r = parser.parse(in, inLimit, args, config.protoMaxBulkLen, session.authenticated());
                if (r == RespParser.Result.COMMAND) {
                    executor.execute(session, args, out);
                    closeAfterWrite = session.closing();
                } else if (r == RespParser.Result.ERROR) {
                    out.error("ERR " + parser.error());
                    closeAfterWrite = true;
                } else {
                    break;
                }
            }
            int from = parser.retainedFrom();
            System.arraycopy(in.byteArray(), from, in.byteArray(), 0, inLimit - from);
            inLimit -= from;
            parser.shift(from, args);
            byte[] written = out.toBytes();
            out.reset();
            if (closeAfterWrite) {
                closed = true;
                executor.disconnect(session);
            }
            return written;
        }

        @Override
        public String remoteAddress() {
            return "127.0.0.1:40000";
        }

        @Override
        public String localAddress() {
            return "127.0.0.1:6379";
        }

        @Override
        public int fd() {
            return 8;
        }

        @Override
        public void closeAfterReply() {
            closed = true;
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public int queryBufferLength() {
            return inLimit;
        }

        @Override
        public int queryBufferFree() {
            return in.capacity() - inLimit;
        }

        @Override
        public long outputBufferLength() {
            return out.pending();
        }
    }
}
