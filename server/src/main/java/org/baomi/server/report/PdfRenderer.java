package org.baomi.server.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.baomi.server.report.ReportDocument.Block;
import org.baomi.server.report.ReportDocument.BulletList;
import org.baomi.server.report.ReportDocument.Paragraph;
import org.baomi.server.report.ReportDocument.Section;
import org.baomi.server.report.ReportDocument.Subheading;
import org.baomi.server.report.ReportDocument.Table;
import org.springframework.stereotype.Component;

/**
 * Lays a {@link ReportDocument} out as an A4 PDF in the look of GB/T 9704 official documents
 * (ADR 0044): the marking at the top left of the first page, the title centred, headings in a
 * bold sans (黑体-like), text in a serif (仿宋/宋-like) at 16 pt, 28 characters a line and 22 lines
 * a page, page numbers "— n —" at the foot. The fonts are embedded as subsets, so Chinese text
 * shows and can be searched and copied on any machine.
 */
@Component
public class PdfRenderer {

    static final float MM = 72f / 25.4f;
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float TOP = 37 * MM;
    static final float BOTTOM = 35 * MM;
    static final float LEFT = 28 * MM;
    static final float RIGHT = 26 * MM;
    static final float WIDTH = PAGE.getWidth() - LEFT - RIGHT;
    static final float BODY_SIZE = 16;
    static final float LINE = (PAGE.getHeight() - TOP - BOTTOM) / 22;
    static final float TITLE_SIZE = 22;
    static final float TABLE_SIZE = 12;
    static final float TABLE_LINE = 18;
    static final float CELL_PAD = 4;

    public byte[] render(ReportDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        render(document, out);
        return out.toByteArray();
    }

    public void render(ReportDocument document, OutputStream out) {
        try (PDDocument pdf = new PDDocument()) {
            PDFont serif = PDType0Font.load(pdf, new ByteArrayInputStream(ReportFonts.SERIF.bytes()), true);
            PDFont sans = PDType0Font.load(pdf, new ByteArrayInputStream(ReportFonts.SANS_BOLD.bytes()), true);
            pdf.getDocumentInformation().setTitle(document.title());
            pdf.getDocumentInformation().setCreator("Baomi");
            pdf.getDocumentCatalog().setLanguage(document.language().toLanguageTag());
            try (Layout layout = new Layout(pdf, serif, sans)) {
                layout.write(document);
            }
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run of text set in one font; bold is the serif filled and stroked, as 小标宋 is heavier. */
    private record Style(PDFont font, ReportFonts source, float size, boolean fakeBold) {}

    /** One line of wrapped text and whether it may be justified (every line but a paragraph's last). */
    private record Line(String text, float indent, boolean justify) {}

    private static final class Layout implements AutoCloseable {
        private final PDDocument pdf;
        private final Style body;
        private final Style title;
        private final Style heading;
        private final Style subheading;
        private final Style cell;
        private final Style headerCell;
        private final Style footer;
        private PDPageContentStream out;
        private float keepWithLastLine;
        private boolean lastBlock;
        private boolean lastItem = true;
        private int pages;
        private float y;

        Layout(PDDocument pdf, PDFont serif, PDFont sans) {
            this.pdf = pdf;
            body = new Style(serif, ReportFonts.SERIF, BODY_SIZE, false);
            title = new Style(serif, ReportFonts.SERIF, TITLE_SIZE, true);
            heading = new Style(sans, ReportFonts.SANS_BOLD, BODY_SIZE, false);
            subheading = new Style(serif, ReportFonts.SERIF, BODY_SIZE, true);
            cell = new Style(serif, ReportFonts.SERIF, TABLE_SIZE, false);
            headerCell = new Style(sans, ReportFonts.SANS_BOLD, TABLE_SIZE, false);
            footer = new Style(serif, ReportFonts.SERIF, 14, false);
        }

        void write(ReportDocument document) throws IOException {
            newPage();
            if (document.marking().isPresent()) {
                // The marking stands at the top left of the first page, above the title (GB/T 9704).
                text(heading, document.marking().get(), LEFT, y - BODY_SIZE, 0);
                y -= LINE;
            }
            y -= LINE / 2;
            for (String line : balanced(title, document.title())) {
                float w = width(title, line);
                text(title, line, LEFT + (WIDTH - w) / 2, y - TITLE_SIZE, 0);
                y -= TITLE_SIZE * 1.6f;
            }
            y -= LINE;
            // The signature never stands alone on a page: the last line of text goes over with it.
            Block last = lastTextBlock(document);
            if (last != null && !document.signature().isEmpty()) {
                keepWithLastLine = LINE * (document.signature().size() + 1);
            }
            for (Section section : document.sections()) {
                ensure(LINE * 2);
                lines(heading, section.heading(), 2 * BODY_SIZE);
                for (Block block : section.blocks()) {
                    lastBlock = block == last;
                    if (block instanceof Paragraph p) {
                        lines(body, p.text(), 2 * BODY_SIZE);
                    } else if (block instanceof Subheading s) {
                        ensure(LINE * 2);
                        lines(subheading, s.text(), 2 * BODY_SIZE);
                    } else if (block instanceof BulletList list) {
                        for (int i = 0; i < list.items().size(); i++) {
                            lastItem = i == list.items().size() - 1;
                            lines(body, list.prefix(i) + list.items().get(i), 2 * BODY_SIZE);
                        }
                        lastItem = true;
                    } else if (block instanceof Table table) {
                        table(table);
                    }
                    lastBlock = false;
                }
            }
            if (!document.signature().isEmpty()) {
                List<String> signature = document.signature().stream().map(body.source()::printable).toList();
                ensure(LINE * (signature.size() + 1));
                if (y < PAGE.getHeight() - TOP) {
                    y -= LINE;
                }
                // GB/T 9704: the date stands four characters from the right margin, the unit centred over it.
                String date = signature.get(signature.size() - 1);
                float dateRight = LEFT + WIDTH - 4 * BODY_SIZE;
                float centre = dateRight - width(body, date) / 2;
                for (int i = 0; i < signature.size(); i++) {
                    String line = signature.get(i);
                    float w = width(body, line);
                    float x = i == signature.size() - 1 ? dateRight - w : Math.min(centre - w / 2, LEFT + WIDTH - w);
                    text(body, line, x, baseline(), 0);
                    y -= LINE;
                }
            }
        }

        /** The title's lines of even length, so that no line holds a lone character. */
        private List<String> balanced(Style style, String text) throws IOException {
            List<String> lines = wrap(style, text, WIDTH, 0);
            List<String> best = lines;
            for (float w = WIDTH - style.size(); w > WIDTH / 3 && lines.size() > 1; w -= style.size()) {
                List<String> narrower = wrap(style, text, w, 0);
                if (narrower.size() != lines.size()) {
                    break;
                }
                best = narrower;
            }
            return best;
        }

        private static Block lastTextBlock(ReportDocument document) {
            for (int s = document.sections().size() - 1; s >= 0; s--) {
                List<Block> blocks = document.sections().get(s).blocks();
                if (!blocks.isEmpty()) {
                    Block block = blocks.get(blocks.size() - 1);
                    return block instanceof Table ? null : block;
                }
            }
            return null;
        }

        /** A paragraph: wrapped, first line indented, justified but for its last line. */
        private void lines(Style style, String text, float firstIndent) throws IOException {
            List<Line> lines = layoutLines(style, text, firstIndent);
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                boolean lastOfDocument = lastBlock && lastItem && i == lines.size() - 1;
                ensure(LINE + (lastOfDocument ? keepWithLastLine : 0));
                float spacing = 0;
                int chars = line.text().codePointCount(0, line.text().length());
                if (line.justify() && chars > 1 && hasCjk(line.text())) {
                    float slack = WIDTH - line.indent() - width(style, line.text());
                    if (slack > 0 && slack < style.size() * 2) {
                        spacing = slack / (chars - 1);
                    }
                }
                text(style, line.text(), LEFT + line.indent(), baseline(), spacing);
                y -= LINE;
            }
        }

        private List<Line> layoutLines(Style style, String text, float firstIndent) throws IOException {
            List<String> wrapped = wrap(style, text, WIDTH, firstIndent);
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < wrapped.size(); i++) {
                lines.add(new Line(wrapped.get(i), i == 0 ? firstIndent : 0, i < wrapped.size() - 1));
            }
            return lines;
        }

        private float baseline() {
            // The text sits on the lower part of its line, as a word processor's exact line spacing does.
            return y - (LINE + BODY_SIZE * 0.7f) / 2;
        }

        private void table(Table table) throws IOException {
            double[] fractions = table.fractions();
            float[] widths = new float[fractions.length];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = (float) (fractions[i] * WIDTH);
            }
            y -= LINE / 4;
            List<List<String>> header = wrapRow(headerCell, table.header(), widths);
            float headerHeight = rowHeight(header);
            ensure(headerHeight + TABLE_LINE * 2);
            row(headerCell, header, widths, headerHeight, true);
            for (List<String> cells : table.rows()) {
                List<List<String>> wrapped = wrapRow(cell, cells, widths);
                float h = rowHeight(wrapped);
                if (y - h < BOTTOM) {
                    newPage();
                    row(headerCell, header, widths, headerHeight, true);
                }
                row(cell, wrapped, widths, h, false);
            }
            y -= LINE / 2;
        }

        private List<List<String>> wrapRow(Style style, List<String> cells, float[] widths) throws IOException {
            List<List<String>> wrapped = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                wrapped.add(cells.get(i).isBlank() ? List.of() : wrap(style, cells.get(i), widths[i] - 2 * CELL_PAD, 0));
            }
            return wrapped;
        }

        private static float rowHeight(List<List<String>> wrapped) {
            int lines = Math.max(1, wrapped.stream().mapToInt(List::size).max().orElse(1));
            return lines * TABLE_LINE + 2 * CELL_PAD;
        }

        private void row(Style style, List<List<String>> cells, float[] widths, float height, boolean centre)
                throws IOException {
            float x = LEFT;
            out.setLineWidth(0.6f);
            out.addRect(LEFT, y - height, WIDTH, height);
            for (int i = 0; i < widths.length - 1; i++) {
                x += widths[i];
                out.moveTo(x, y);
                out.lineTo(x, y - height);
            }
            out.stroke();
            x = LEFT;
            for (int i = 0; i < widths.length; i++) {
                float lineY = y - CELL_PAD - TABLE_LINE + (TABLE_LINE - style.size()) / 2 + 2;
                for (String line : cells.get(i)) {
                    float offset = centre ? (widths[i] - width(style, line)) / 2 : CELL_PAD;
                    text(style, line, x + offset, lineY, 0);
                    lineY -= TABLE_LINE;
                }
                x += widths[i];
            }
            y -= height;
        }

        /** Starts a new page when fewer than {@code needed} points are left on this one. */
        private void ensure(float needed) throws IOException {
            if (y - needed < BOTTOM - 0.5f) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            finishPage();
            PDPage page = new PDPage(PAGE);
            pdf.addPage(page);
            out = new PDPageContentStream(pdf, page);
            pages++;
            y = PAGE.getHeight() - TOP;
        }

        /** Numbers the page last, so that text extraction reads its body first. */
        private void finishPage() throws IOException {
            if (out != null) {
                String number = "— " + pages + " —";
                text(footer, number, LEFT + (WIDTH - width(footer, number)) / 2, BOTTOM - 7 * MM - footer.size(), 0);
                out.close();
                out = null;
            }
        }

        private void text(Style style, String text, float x, float baselineY, float charSpacing) throws IOException {
            String printable = style.source().printable(text);
            out.beginText();
            out.setFont(style.font(), style.size());
            if (style.fakeBold()) {
                out.setRenderingMode(RenderingMode.FILL_STROKE);
                out.setLineWidth(style.size() * 0.03f);
            } else {
                out.setRenderingMode(RenderingMode.FILL);
            }
            out.setCharacterSpacing(charSpacing);
            out.newLineAtOffset(x, baselineY);
            out.showText(printable);
            out.endText();
        }

        private static float width(Style style, String text) throws IOException {
            return style.font().getStringWidth(style.source().printable(text)) / 1000 * style.size();
        }

        /**
         * Wraps text to a width: Chinese breaks between any two characters, other text between
         * words; closing punctuation never starts a line (it hangs at the end of the previous one)
         * and opening punctuation never ends one.
         */
        private static List<String> wrap(Style style, String text, float width, float firstIndent) throws IOException {
            String printable = style.source().printable(text).strip();
            List<String> units = units(printable);
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float available = width - firstIndent;
            for (int i = 0; i < units.size(); i++) {
                String unit = units.get(i);
                String candidate = line + unit;
                boolean fits = width(style, candidate.stripTrailing()) <= available + 0.01f;
                boolean hangs = isClosing(unit) && line.length() > 0;
                if (fits || hangs || line.length() == 0) {
                    if (!fits && line.length() == 0 && unit.length() > 1) {
                        // A word wider than the line: break it by character.
                        units.addAll(i + 1, splitChars(unit));
                        continue;
                    }
                    line.append(unit);
                    continue;
                }
                String done = line.toString();
                String carried = "";
                // An opening bracket or quote moves to the next line with what it opens.
                while (!done.isEmpty() && isOpening(done.substring(done.length() - 1))) {
                    carried = done.substring(done.length() - 1) + carried;
                    done = done.substring(0, done.length() - 1);
                }
                if (done.isBlank()) {
                    done = line.toString();
                    carried = "";
                }
                lines.add(done.stripTrailing());
                line = new StringBuilder(carried);
                available = width;
                if (!unit.isBlank() || line.length() > 0) {
                    line.append(unit.isBlank() ? "" : unit);
                }
            }
            if (!line.toString().isBlank() || lines.isEmpty()) {
                lines.add(line.toString().stripTrailing());
            }
            return lines;
        }

        /** Breakable units: one CJK character, or a word with the spaces after it. */
        private static List<String> units(String text) {
            List<String> units = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            text.codePoints().forEach(cp -> {
                if (isCjk(cp)) {
                    if (word.length() > 0) {
                        units.add(word.toString());
                        word.setLength(0);
                    }
                    units.add(new String(Character.toChars(cp)));
                } else if (cp == ' ') {
                    word.append(' ');
                    units.add(word.toString());
                    word.setLength(0);
                } else {
                    if (word.length() > 0 && word.charAt(word.length() - 1) == ' ') {
                        units.add(word.toString());
                        word.setLength(0);
                    }
                    word.appendCodePoint(cp);
                }
            });
            if (word.length() > 0) {
                units.add(word.toString());
            }
            return units;
        }

        private static List<String> splitChars(String word) {
            return word.codePoints().mapToObj(cp -> new String(Character.toChars(cp))).toList();
        }

        private static boolean isCjk(int cp) {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN
                    || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF)
                    || (cp >= 0x2010 && cp <= 0x206F) || (cp >= 0x2460 && cp <= 0x27BF) || cp == ReportFonts.MISSING;
        }

        private static boolean hasCjk(String text) {
            return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        }

        private static boolean isClosing(String unit) {
            return unit.length() == 1 && "，。、；：？！）》」』”’】〕…,.;:?!)".indexOf(unit.charAt(0)) >= 0;
        }

        private static boolean isOpening(String unit) {
            return unit.length() == 1 && "（《「『“‘【〔(".indexOf(unit.charAt(0)) >= 0;
        }

        @Override
        public void close() throws IOException {
            finishPage();
        }
    }
}
