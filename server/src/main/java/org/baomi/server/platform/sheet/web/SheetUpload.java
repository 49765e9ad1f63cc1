package org.baomi.server.platform.sheet.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded sheet copied to a temporary file for the importer, which reads it twice, and
 * deleted afterwards whatever happens.
 */
public final class SheetUpload {

    private SheetUpload() {
    }

    public static <R> R withFile(MultipartFile upload, BiFunction<Path, String, R> importer) {
        Path temp = null;
        try {
            temp = Files.createTempFile("baomi-sheet-", ".upload");
            upload.transferTo(temp);
            String name = upload.getOriginalFilename() == null ? "upload" : upload.getOriginalFilename();
            name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
            return importer.apply(temp, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary directory is cleaned by the system
                }
            }
        }
    }

    /** True when the form came without a file (or with an empty one). */
    public static boolean missing(MultipartFile upload) {
        return upload == null || upload.isEmpty();
    }
}
