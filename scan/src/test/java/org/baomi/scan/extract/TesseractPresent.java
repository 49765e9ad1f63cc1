package org.baomi.scan.extract;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs OCR tests where Tesseract with Simplified Chinese and English is installed (Debian's
 * tesseract-ocr and tesseract-ocr-chi-sim); skips them elsewhere, except under {@code CI=true},
 * where .ci/run installs them and their absence is a failure.
 */
public final class TesseractPresent implements ExecutionCondition {
    private static volatile String unavailable;
    private static volatile boolean checked;

    /** Tesseract as the scan runs it, or null when it is not installed. */
    public static Ocr ocr() {
        try {
            return Ocr.tesseract("tesseract", Ocr.DEFAULT_LANGUAGES);
        } catch (Ocr.Unavailable e) {
            return null;
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!checked) {
            try {
                Ocr.tesseract("tesseract", Ocr.DEFAULT_LANGUAGES);
                unavailable = null;
            } catch (Ocr.Unavailable e) {
                unavailable = e.getMessage();
            }
            checked = true;
        }
        if (unavailable == null) {
            return ConditionEvaluationResult.enabled("tesseract with chi_sim and eng present");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but Tesseract cannot be used (" + unavailable
                    + "): install Debian's tesseract-ocr and tesseract-ocr-chi-sim (.ci/run does)");
        }
        return ConditionEvaluationResult.disabled("no tesseract with chi_sim+eng; OCR tests skipped outside CI: " + unavailable);
    }
}
