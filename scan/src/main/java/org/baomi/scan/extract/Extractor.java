package org.baomi.scan.extract;

/**
 * Reads the text of one format. One small class per format; each reports expected
 * failures as {@link ExtractionProblem}. Any other exception means the file is
 * unreadable, and the scan goes on.
 */
@FunctionalInterface
public interface Extractor {
    void extract(Source source, ExtractionContext context) throws Exception;
}
