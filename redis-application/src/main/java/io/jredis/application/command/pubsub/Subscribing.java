package io.jredis.application.command.pubsub;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.CommandContext;
import io.jredis.application.pubsub.PubSub;
import io.jredis.application.pubsub.Subscriptions;
import io.jredis.application.session.ClientSession;

/** What the six (un)subscribe commands share: one frame per name, then the client's context. */
final class Subscribing {

    private Subscribing() {
    }

    static void subscribe(CommandContext ctx, PubSub.Kind kind) {
        Arguments args = ctx.args();
        ClientSession client = ctx.session();
        PubSub pubsub = ctx.server().pubsub();
        for (int i = 1; i < args.count(); i++) {
            pubsub.subscribe(client, kind, args.array(), args.offset(i), args.length(i), ctx.reply());
        }
        client.setPubSubContext(true);
    }

    static void unsubscribe(CommandContext ctx, PubSub.Kind kind) {
        Arguments args = ctx.args();
        ClientSession client = ctx.session();
        PubSub pubsub = ctx.server().pubsub();
        if (args.count() == 1) {
            pubsub.unsubscribeAll(client, kind, ctx.reply());
        } else {
            for (int i = 1; i < args.count(); i++) {
                pubsub.unsubscribe(client, kind, args.array(), args.offset(i), args.length(i), ctx.reply());
            }
        }
        Subscriptions subs = client.subscriptions();
        if (subs == null || subs.total() == 0) {
            client.setPubSubContext(false);
        }
    }
}
