package org.baomi.server.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A generated document, independent of its file format: {@link DocxRenderer} and {@link PdfRenderer}
 * lay out the same model the same way (ADR 0044).
 *
 * @param title the document's title, centred on the first page
 * @param unitName the unit the document is about or from
 * @param date the document's date (shown in the signature block by the builders)
 * @param language the language the texts are in (only used for hyphen-free wrapping and metadata)
 * @param marking the classification marking of the document itself, e.g. 机密★10年; when present it
 *     stands at the top left of the first page
 * @param sections the body, in order
 * @param signature lines right-aligned after the body (the unit that seals it, the date)
 */
public record ReportDocument(
        String title,
        String unitName,
        LocalDate date,
        Locale language,
        Optional<String> marking,
        List<Section> sections,
        List<String> signature) {

    public ReportDocument {
        requireText(title, "title");
        requireText(unitName, "unitName");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(language, "language");
        marking = Objects.requireNonNull(marking, "marking").filter(m -> !m.isBlank()).map(String::strip);
        sections = List.copyOf(sections);
        signature = List.copyOf(signature);
    }

    /** A numbered part of the document: its heading (already numbered, e.g. 一、基本情况) and blocks. */
    public record Section(String heading, List<Block> blocks) {
        public Section {
            requireText(heading, "heading");
            blocks = List.copyOf(blocks);
        }
    }

    /** What a section holds. */
    public sealed interface Block permits Paragraph, Subheading, Table, BulletList {}

    /** Running text, first line indented by two characters as Chinese documents are. */
    public record Paragraph(String text) implements Block {
        public Paragraph {
            requireText(text, "text");
        }
    }

    /** A heading inside a section, e.g. （一）涉密人员管理. */
    public record Subheading(String text) implements Block {
        public Subheading {
            requireText(text, "text");
        }
    }

    /**
     * A table with a header row repeated on every page it spans.
     *
     * @param columnWeights relative widths, one per column
     */
    public record Table(List<String> header, List<List<String>> rows, List<Integer> columnWeights)
            implements Block {
        public Table {
            header = List.copyOf(header);
            if (header.isEmpty()) {
                throw new IllegalArgumentException("a table needs at least one column");
            }
            rows = rows.stream().map(List::copyOf).toList();
            columnWeights = List.copyOf(columnWeights);
            if (columnWeights.size() != header.size()) {
                throw new IllegalArgumentException(
                        "a table has " + header.size() + " columns but " + columnWeights.size() + " weights");
            }
            if (columnWeights.stream().anyMatch(w -> w <= 0)) {
                throw new IllegalArgumentException("column weights must be positive: " + columnWeights);
            }
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).size() != header.size()) {
                    throw new IllegalArgumentException("table row " + (i + 1) + " has " + rows.get(i).size()
                            + " cells, the header has " + header.size());
                }
            }
        }

        /** The weights as fractions of the table's width. */
        public double[] fractions() {
            double total = columnWeights.stream().mapToInt(Integer::intValue).sum();
            return columnWeights.stream().mapToDouble(w -> w / total).toArray();
        }
    }

    /** A list of items, numbered 1. 2. 3. when {@code numbered}, else bulleted. */
    public record BulletList(List<String> items, boolean numbered) implements Block {
        public BulletList {
            items = List.copyOf(items);
        }

        /** The prefix of the item at {@code index} (0-based). */
        public String prefix(int index) {
            return numbered ? (index + 1) + ". " : "· ";
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
