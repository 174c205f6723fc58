package io.jredis.bootstrap;

import io.jredis.application.port.AclFileStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Supplier;

/**
 * The aclfile on disk. A relative path is taken from the working directory ({@code dir}), as
 * Redis resolves it after changing into it. Bytes map one to one to chars (Latin-1), so user
 * names and passwords keep every byte. Saving writes a temporary file and renames it over.
 */
final class AclFileOnDisk implements AclFileStore {

    private final Supplier<String> dir;

    AclFileOnDisk(Supplier<String> dir) {
        this.dir = dir;
    }

    private Path resolve(String path) {
        return Path.of(dir.get()).resolve(path);
    }

    @Override
    public List<String> read(String path) throws Failure {
        try {
            String text = Files.readString(resolve(path), StandardCharsets.ISO_8859_1);
            return List.of(text.split("\n", -1));
        } catch (IOException e) {
            throw new Failure(reason(e));
        }
    }

    @Override
    public void write(String path, List<String> lines) throws Failure {
        Path target = resolve(path);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        try {
            Files.writeString(tmp, sb, StandardCharsets.ISO_8859_1);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw new Failure(reason(e));
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        return e.getMessage();
    }
}
