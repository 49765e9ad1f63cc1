package org.baomi.server.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.stereotype.Component;

/** The data directory (owner-only) and the owner-only files Baomi keeps in it. */
@Component
public class DataDirectory {

    private final Path root;

    public DataDirectory(BaomiProperties properties) {
        this.root = properties.dataDir();
        try {
            Files.createDirectories(root);
            if (supportsPosix()) {
                // The database, the audit key and the credentials file are for the service's own
                // user only.
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** Writes {@code bytes} to {@code name} readable and writable by the owner only. */
    public Path writeSecret(String name, byte[] bytes) {
        Path file = root.resolve(name);
        try {
            Files.deleteIfExists(file);
            if (supportsPosix()) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private boolean supportsPosix() {
        return root.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
