package io.jredis.application.command.acl;

import io.jredis.application.acl.AclUser;
import io.jredis.application.command.CommandContext;
import io.jredis.application.port.AclFileStore;
import io.jredis.application.session.ClientSession;

import java.util.ArrayList;
import java.util.List;

/** ACL SAVE and ACL LOAD against the configured aclfile, through the {@link AclFileStore} port. */
final class AclFiles {

    private AclFiles() {
    }

    /** Writes every user's ACL LIST line; null when saved, else the error reply. */
    static String save(CommandContext ctx) {
        try {
            ctx.server().aclFiles().write(ctx.server().config().aclfile,
                    ctx.server().acl().fileLines(ctx.server().registry()));
            return null;
        } catch (AclFileStore.Failure e) {
            return "ERR There was an error trying to save the ACLs. Please check the server logs for more information";
        }
    }

    /**
     * Replaces the users with the file's, or changes nothing and returns the error reply. The
     * clients of every replaced user are disconnected (Redis frees the old users).
     */
    static String load(CommandContext ctx) {
        String path = ctx.server().config().aclfile;
        List<String> lines;
        try {
            lines = ctx.server().aclFiles().read(path);
        } catch (AclFileStore.Failure e) {
            return "ERR Error loading ACLs, opening file '" + path + "': " + e.getMessage();
        }
        String errors = ctx.server().acl().loadFile(ctx.server().registry(), lines, path);
        if (errors != null) {
            return "ERR " + errors;
        }
        List<ClientSession> victims = new ArrayList<>();
        for (ClientSession s : ctx.server().clients().all()) {
            AclUser u = s.user();
            if (u.deleted()) {
                victims.add(s);
            }
        }
        for (ClientSession s : victims) {
            if (s == ctx.session()) {
                s.markClosing();
            } else {
                ctx.server().clients().kill(s);
            }
        }
        return null;
    }
}
