package io.jredis.application.command.server;

import io.jredis.application.command.Arguments;
import io.jredis.application.command.Command;
import io.jredis.application.command.CommandContext;
import io.jredis.application.command.CommandFlag;
import io.jredis.application.command.CommandSpec;
import io.jredis.application.server.ConfigOptions;
import io.jredis.application.server.ConfigOptions.Option;
import io.jredis.application.server.ServerConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CONFIG GET pattern [pattern ...]: a map of every matching option to its value. A name without
 * glob characters is looked up exactly (and replied under the name as given); a pattern matches
 * canonical names first, then aliases whose option was not matched already, as Redis 7.0 does.
 */
public final class ConfigGetCommand implements Command {

    private static final CommandSpec SPEC = CommandSpec.command("get", -3)
            .flags(CommandFlag.ADMIN, CommandFlag.NOSCRIPT, CommandFlag.LOADING, CommandFlag.STALE)
            .acl("admin", "slow", "dangerous")
            .group("server").since("2.0.0").summary("Get the values of configuration parameters")
            .complexity("O(N) when N is the number of configuration parameters provided")
            .build();

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public void execute(CommandContext ctx) {
        Arguments args = ctx.args();
        Map<String, Option> matches = new LinkedHashMap<>();
        for (int i = 2; i < args.count(); i++) {
            String pattern = args.string(i);
            if (!isPattern(pattern)) {
                Option o = ConfigOptions.lookup(pattern);
                if (o != null) {
                    matches.putIfAbsent(pattern, o);
                }
                continue;
            }
            for (Option o : ConfigOptions.all()) {
                if (!matches.containsKey(o.name()) && matches(pattern, o.name())) {
                    matches.put(o.name(), o);
                }
            }
            for (Option o : ConfigOptions.all()) {
                for (String alias : o.aliases()) {
                    if (!matches.containsKey(o.name()) && matches(pattern, alias)) {
                        matches.put(alias, o);
                    }
                }
            }
        }
        ServerConfig config = ctx.server().config();
        ctx.reply().map(matches.size());
        for (Map.Entry<String, Option> e : matches.entrySet()) {
            ctx.reply().bulk(e.getKey());
            ctx.reply().bulk(e.getValue().get(config));
        }
    }

    private static boolean isPattern(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    /** Option names match case-insensitively with Redis's glob rules. */
    private static boolean matches(String pattern, String name) {
        return io.jredis.domain.keyspace.Glob.matchesIgnoreCase(
                pattern.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
