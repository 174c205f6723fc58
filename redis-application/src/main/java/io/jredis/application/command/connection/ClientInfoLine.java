package io.jredis.application.command.connection;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.port.ClientConnection;
import io.jredis.application.session.ClientSession;

/**
 * One client as CLIENT LIST and CLIENT INFO describe it, with Redis 7.0's fields in Redis 7.0's
 * order. Buffer figures come from the connection; what jredis has no equivalent for (tracking
 * redirection) is reported as an idle Redis client would report it.
 */
public final class ClientInfoLine {

    /** The output buffer a connection starts with (the network adapter's initial size). */
    private static final int REPLY_BUFFER_SIZE = 16 * 1024;

    private ClientInfoLine() {
    }

    public static String of(CommandContext ctx, ClientSession s) {
        ClientConnection conn = s.connection();
        long now = ctx.now();
        long argvMem = s == ctx.session() ? argvBytes(ctx.outermostArgs()) : 0;
        // Redis 7.0 counts each queued command's argument bytes plus one pointer per argument.
        long multiMem = 0;
        for (Arguments a : s.queued()) {
            multiMem += argvBytes(a) + 8L * a.count();
        }
        int qbuf = conn.queryBufferLength();
        int qbufFree = conn.queryBufferFree();
        long obl = conn.outputBufferLength();
        long totMem = qbuf + qbufFree + argvMem + multiMem + REPLY_BUFFER_SIZE;
        io.jredis.application.pubsub.Subscriptions subs = s.subscriptions();
        StringBuilder sb = new StringBuilder(256);
        sb.append("id=").append(s.id())
                .append(" addr=").append(conn.remoteAddress())
                .append(" laddr=").append(conn.localAddress())
                .append(" fd=").append(conn.fd())
                .append(" name=").append(s.name())
                .append(" age=").append(Math.max(0, (now - s.createdMillis()) / 1000))
                .append(" idle=").append(Math.max(0, (now - s.lastInteractionMillis()) / 1000))
                .append(" flags=").append(flags(s))
                .append(" db=").append(s.db())
                .append(" sub=").append(subs == null ? 0 : subs.channelCount())
                .append(" psub=").append(subs == null ? 0 : subs.patternCount())
                .append(" ssub=").append(subs == null ? 0 : subs.shardChannelCount())
                .append(" multi=").append(s.inMulti() ? s.queued().size() : -1)
                .append(" qbuf=").append(qbuf)
                .append(" qbuf-free=").append(qbufFree)
                .append(" argv-mem=").append(argvMem)
                .append(" multi-mem=").append(multiMem)
                .append(" rbs=").append(REPLY_BUFFER_SIZE)
                .append(" rbp=").append(Math.min(obl, REPLY_BUFFER_SIZE))
                .append(" obl=").append(obl)
                .append(" oll=0 omem=0")
                .append(" tot-mem=").append(totMem)
                .append(" events=").append(obl > 0 ? "rw" : "r")
                .append(" cmd=").append(s.lastCommand())
                .append(" user=").append(s.user().name())
                .append(" redir=-1")
                .append(" resp=").append(s.protocol());
        return sb.toString();
    }

    /** Redis's flag letters in Redis's order; N when none applies. */
    private static String flags(ClientSession s) {
        StringBuilder f = new StringBuilder(4);
        if (s.monitoring()) {
            f.append('O');
        }
        if (s.master()) {
            f.append('M');
        }
        if (s.isReplica()) {
            f.append('S');
        }
        if (s.inPubSubContext()) {
            f.append('P');
        }
        if (s.inMulti()) {
            f.append('x');
        }
        if (s.blocked()) {
            f.append('b');
        }
        if (s.watchedKeyTouched()) {
            f.append('d');
        }
        if (s.closing()) {
            f.append('c');
        }
        if (s.noEvict()) {
            f.append('e');
        }
        return f.isEmpty() ? "N" : f.toString();
    }

    private static long argvBytes(Arguments a) {
        long n = 0;
        for (int i = 0; i < a.count(); i++) {
            n += a.length(i);
        }
        return n;
    }
}
