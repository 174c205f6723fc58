package io.jredis.application.command.acl;

import io.jredis.application.command.CommandContext;

/** ACL SAVE and ACL LOAD against the configured aclfile. */
final class AclFiles {

    private AclFiles() {
    }

    // TODO(acl): read and write the aclfile through a port the bootstrap provides.
    static String save(CommandContext ctx) {
        return "ERR There was an error trying to save the ACLs. Please check the server logs for more information";
    }

    static String load(CommandContext ctx) {
        return "ERR ACL LOAD is not supported yet by this server";
    }
}
