package org.baomi.server.report;

import org.baomi.server.platform.ValidationException;

/** The formats every report is exported in, with the renderer that writes each. */
public enum ReportFormat {
    PDF("pdf", "application/pdf"),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final String extension;
    private final String contentType;

    ReportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The document in this format. */
    public byte[] render(ReportDocument document, DocxRenderer docx, PdfRenderer pdf) {
        return this == PDF ? pdf.render(document) : docx.render(document);
    }

    /** The format named {@code pdf} or {@code docx} (any case), refusing another naming the field "format". */
    public static ReportFormat of(String name) {
        for (ReportFormat f : values()) {
            if (f.extension.equalsIgnoreCase(name == null ? "" : name.strip())) {
                return f;
            }
        }
        throw ValidationException.of("format", "report.format.invalid", "The format is pdf or docx.", name);
    }
}
