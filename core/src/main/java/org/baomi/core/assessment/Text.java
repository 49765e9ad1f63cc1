package org.baomi.core.assessment;

import org.baomi.core.DomainException;

/**
 * A text of a standard in Chinese (the official wording, shown by default) and English. Both are
 * required: a standard is read by units in either language and scored items are quoted in reports.
 */
public record Text(String zh, String en) {
    public Text {
        if (zh == null || zh.isBlank() || en == null || en.isBlank()) {
            throw new DomainException("assessment.textMissing",
                    "A text needs both its Chinese and its English wording.");
        }
        zh = zh.strip();
        en = en.strip();
    }
}
