package io.jredis.application.command.server;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.command.Errors;
import io.jredis.application.port.ServerLifecycle;
import io.jredis.application.server.ConfigOptions;
import io.jredis.application.server.ConfigOptions.ConfigException;
import io.jredis.application.server.ConfigOptions.Effect;
import io.jredis.application.server.ConfigOptions.Option;
import io.jredis.application.server.ServerConfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CONFIG SET name value [name value ...], atomic as in Redis 7: every name is checked first
 * (unknown, immutable, protected, duplicate), then every value is set; when one is refused, or
 * the server cannot apply the result (a port it cannot bind), all of them get their old value back.
 */
public final class ConfigSetCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("set", -4)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("admin", "slow", "dangerous")
            .group("server").since("2.0.0").summary("Set configuration parameters to the given values")
            .complexity("O(N) when N is the number of configuration parameters provided")
            .tips("request_policy:all_nodes", "response_policy:all_succeeded")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        if (args.count() % 2 != 0) {
            ctx.reply().error(Errors.SYNTAX);
            return;
        }
        int n = (args.count() - 2) / 2;
        List<Option> options = new ArrayList<>(n);
        List<String> names = new ArrayList<>(n);
        Set<String> seen = new LinkedHashSet<>();
        String error = null;
        for (int i = 0; i < n; i++) {
            String given = args.string(2 + 2 * i);
            Option o = ConfigOptions.lookup(given);
            if (o == null) {
                if (error == null) {
                    ctx.reply().error(Errors.CONFIG_SET_UNKNOWN + given + "'");
                    return;
                }
                continue;
            }
            if (error != null) {
                continue;
            }
            if (!o.mutable() || o.protectedConfig()) {
                error = failed(given, o.mutable() ? "can't set protected config" : "can't set immutable config");
            } else if (!seen.add(given.toLowerCase(Locale.ROOT))) {
                error = failed(given, "duplicate parameter");
            }
            options.add(o);
            names.add(given.toLowerCase(Locale.ROOT));
        }
        if (error != null) {
            ctx.reply().error(error);
            return;
        }
        ServerConfig config = ctx.server().config();
        ServerLifecycle lifecycle = ctx.server().lifecycle();
        ConfigOptions.Source source = ConfigOptions.Source.runtime(lifecycle);
        List<String> old = new ArrayList<>(n);
        for (Option o : options) {
            old.add(o.get(config));
        }
        Set<Effect> effects = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            try {
                options.get(i).set(config, args.string(3 + 2 * i), source);
                effects.add(options.get(i).effect());
            } catch (ConfigException e) {
                restore(config, options, old, i + 1, source);
                ctx.reply().error(failed(names.get(i), e.getMessage()));
                return;
            }
        }
        for (Effect effect : effects) {
            String failure = effect.apply(ctx.server());
            if (failure != null) {
                restore(config, options, old, n, source);
                for (Effect e : effects) {
                    e.apply(ctx.server());
                }
                ctx.reply().error(failed(nameOf(options, names, effect), failure));
                return;
            }
        }
        ctx.reply().ok();
    }

    private static void restore(ServerConfig config, List<Option> options, List<String> old, int count,
                                ConfigOptions.Source source) {
        for (int i = 0; i < count; i++) {
            try {
                options.get(i).set(config, old.get(i), source);
            } catch (ConfigException e) {
                throw new IllegalStateException("CONFIG GET of " + options.get(i).name() + " does not read back", e);
            }
        }
    }

    private static String nameOf(List<Option> options, List<String> names, Effect effect) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).effect() == effect) {
                return names.get(i);
            }
        }
        return "";
    }

    private static String failed(String name, String reason) {
        return Errors.configSetFailed(name, reason);
    }
}
