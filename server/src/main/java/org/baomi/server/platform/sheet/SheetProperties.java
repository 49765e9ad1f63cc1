package org.baomi.server.platform.sheet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on imported files ({@code baomi.sheet.*}). A file over a limit is refused with a message
 * naming the limit, before any row is read (size) or as soon as the limit is passed (rows).
 * Uploads are also capped by {@code spring.servlet.multipart.max-file-size}, which must stay above
 * {@code max-file-size} for the clear message to be the one people see.
 *
 * @param maxFileSize the largest file accepted (default 20 MB, about 150,000 ledger rows as xlsx)
 * @param maxRows     the most data rows in one file (default 100,000)
 * @param maxProblems the most problems listed; further ones are only counted (default 1,000)
 */
@ConfigurationProperties("baomi.sheet")
public record SheetProperties(DataSize maxFileSize, Integer maxRows, Integer maxProblems) {

    public SheetProperties {
        if (maxFileSize == null) {
            maxFileSize = DataSize.ofMegabytes(20);
        }
        if (maxRows == null) {
            maxRows = 100_000;
        }
        if (maxProblems == null) {
            maxProblems = 1_000;
        }
    }
}
