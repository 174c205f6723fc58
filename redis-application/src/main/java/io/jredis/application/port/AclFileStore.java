package io.jredis.application.port;

import java.util.List;

/** The configured aclfile (ACL LOAD, ACL SAVE, start-up): its lines in, the users' lines out. */
public interface AclFileStore {

    /** Why the file could not be read or written, as strerror says it (e.g. "No such file or directory"). */
    final class Failure extends Exception {
        public Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** The file's lines, without their line ends. */
    List<String> read(String path) throws Failure;

    /** Replaces the file with these lines, each ending in a newline (atomically where the platform allows). */
    void write(String path, List<String> lines) throws Failure;

    AclFileStore NONE = new AclFileStore() {
        @Override
        public List<String> read(String path) throws Failure {
            throw new Failure("No such file or directory");
        }

        @Override
        public void write(String path, List<String> lines) throws Failure {
            throw new Failure("No such file or directory");
        }
    };
}
