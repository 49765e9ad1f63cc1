package org.baomi.server.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.baomi.server.report.ReportDocument.Block;
import org.baomi.server.report.ReportDocument.BulletList;
import org.baomi.server.report.ReportDocument.Paragraph;
import org.baomi.server.report.ReportDocument.Section;
import org.baomi.server.report.ReportDocument.Subheading;
import org.baomi.server.report.ReportDocument.Table;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link ReportDocument} as a Word document an officer can edit further, in the look of
 * GB/T 9704 (ADR 0044): A4 with the standard margins, the marking as the first line at the top left,
 * the title in 方正小标宋简体 二号, headings in 黑体 and 楷体 三号, text in 仿宋 三号 at a fixed 28 pt line,
 * page numbers "— n —" in the footer. The fonts are named, not embedded: Word uses the user's own,
 * with East Asian hints so that Latin text stays in Times New Roman.
 */
@Component
public class DocxRenderer {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String HEADING_FONT = "黑体";
    static final String SUBHEADING_FONT = "楷体";
    static final String BODY_FONT = "仿宋";
    static final String LATIN_FONT = "Times New Roman";
    private static final int TWIPS_PER_MM = 1440 * 10 / 254;
    private static final int TITLE_CHARS_PER_LINE = 19;

    public byte[] render(ReportDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        render(document, out);
        return out.toByteArray();
    }

    public void render(ReportDocument document, OutputStream out) {
        try (XWPFDocument docx = new XWPFDocument()) {
            docx.getProperties().getCoreProperties().setTitle(document.title());
            docx.getProperties().getCoreProperties().setCreator("Baomi");
            page(docx);
            footer(docx);
            document.marking().ifPresent(marking -> {
                XWPFParagraph p = paragraph(docx, ParagraphAlignment.LEFT, 0);
                run(p, marking, HEADING_FONT, 16, false);
            });
            XWPFParagraph title = paragraph(docx, ParagraphAlignment.CENTER, 0);
            title.setSpacingBefore(400);
            title.setSpacingAfter(400);
            title.setSpacingBetween(1.2);
            List<String> titleLines = balancedTitle(document.title());
            for (int i = 0; i < titleLines.size(); i++) {
                XWPFRun r = run(title, titleLines.get(i), TITLE_FONT, 22, false);
                if (i < titleLines.size() - 1) {
                    r.addBreak();
                }
            }
            for (Section section : document.sections()) {
                XWPFParagraph heading = paragraph(docx, ParagraphAlignment.LEFT, 640);
                heading.setKeepNext(true);
                run(heading, section.heading(), HEADING_FONT, 16, false);
                for (Block block : section.blocks()) {
                    block(docx, block);
                }
            }
            for (int i = 0; i < document.signature().size(); i++) {
                XWPFParagraph p = paragraph(docx, ParagraphAlignment.RIGHT, 0);
                p.setIndentationRight(1280);
                if (i == 0) {
                    p.setSpacingBefore(560);
                }
                run(p, document.signature().get(i), BODY_FONT, 16, false);
            }
            docx.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void block(XWPFDocument docx, Block block) {
        if (block instanceof Paragraph text) {
            run(paragraph(docx, ParagraphAlignment.BOTH, 640), text.text(), BODY_FONT, 16, false);
        } else if (block instanceof Subheading sub) {
            XWPFParagraph p = paragraph(docx, ParagraphAlignment.LEFT, 640);
            p.setKeepNext(true);
            run(p, sub.text(), SUBHEADING_FONT, 16, false);
        } else if (block instanceof BulletList list) {
            for (int i = 0; i < list.items().size(); i++) {
                run(paragraph(docx, ParagraphAlignment.BOTH, 640), list.prefix(i) + list.items().get(i),
                        BODY_FONT, 16, false);
            }
        } else if (block instanceof Table table) {
            table(docx, table);
        }
    }

    /**
     * The title broken into lines of even length, so that Word does not leave one character on the
     * last line. A line of the text width holds 20 characters at 22 pt; 19 are counted, as word
     * processors need a little room, and a Latin letter or digit counts half.
     */
    static List<String> balancedTitle(String title) {
        double total = title.codePoints().mapToDouble(DocxRenderer::ems).sum();
        int lines = (int) Math.ceil(total / TITLE_CHARS_PER_LINE);
        if (lines <= 1) {
            return List.of(title);
        }
        double target = total / lines;
        List<String> result = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        double width = 0;
        int[] cps = title.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            boolean insideWord = i > 0 && Character.isLetterOrDigit(cps[i]) && ems(cps[i]) < 1
                    && Character.isLetterOrDigit(cps[i - 1]) && ems(cps[i - 1]) < 1;
            if (width >= target - 0.25 && result.size() < lines - 1 && !insideWord) {
                result.add(line.toString());
                line.setLength(0);
                width = 0;
            }
            line.appendCodePoint(cps[i]);
            width += ems(cps[i]);
        }
        result.add(line.toString());
        return result;
    }

    private static double ems(int codePoint) {
        return codePoint < 0x2E80 ? 0.5 : 1;
    }

    private static void table(XWPFDocument docx, Table table) {
        int textWidth = (210 - 28 - 26) * TWIPS_PER_MM;
        double[] fractions = table.fractions();
        XWPFTable t = docx.createTable(table.rows().size() + 1, table.header().size());
        t.setWidthType(TableWidthType.DXA);
        t.setWidth(Integer.toString(textWidth));
        t.setTableAlignment(TableRowAlign.CENTER);
        t.setCellMargins(60, 100, 60, 100);
        fill(t.getRow(0), table.header(), fractions, textWidth, true);
        t.getRow(0).setRepeatHeader(true);
        for (int r = 0; r < table.rows().size(); r++) {
            fill(t.getRow(r + 1), table.rows().get(r), fractions, textWidth, false);
            t.getRow(r + 1).setCantSplitRow(true);
        }
        // An empty paragraph after the table keeps the next heading from sticking to it.
        paragraph(docx, ParagraphAlignment.LEFT, 0);
    }

    private static void fill(XWPFTableRow row, List<String> cells, double[] fractions, int textWidth, boolean header) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            cell.setWidthType(TableWidthType.DXA);
            cell.setWidth(Integer.toString((int) Math.round(fractions[c] * textWidth)));
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setAlignment(header ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
            p.setSpacingBetween(1.0);
            run(p, cells.get(c), header ? HEADING_FONT : BODY_FONT, 12, false);
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument docx, ParagraphAlignment alignment, int firstLineIndent) {
        XWPFParagraph p = docx.createParagraph();
        p.setAlignment(alignment);
        p.setSpacingBetween(28, LineSpacingRule.EXACT);
        p.setSpacingAfter(0);
        if (firstLineIndent > 0) {
            p.setIndentationFirstLine(firstLineIndent);
        }
        return p;
    }

    private static XWPFRun run(XWPFParagraph p, String text, String eastAsianFont, int size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontSize(size);
        run.setBold(bold);
        CTRPr rPr = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        CTFonts fonts = rPr.sizeOfRFontsArray() > 0 ? rPr.getRFontsArray(0) : rPr.addNewRFonts();
        fonts.setAscii(LATIN_FONT);
        fonts.setHAnsi(LATIN_FONT);
        fonts.setEastAsia(eastAsianFont);
        fonts.setHint(STHint.EAST_ASIA);
        return run;
    }

    private static void page(XWPFDocument docx) {
        CTSectPr sect = docx.getDocument().getBody().isSetSectPr()
                ? docx.getDocument().getBody().getSectPr()
                : docx.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(37L * TWIPS_PER_MM));
        margins.setBottom(BigInteger.valueOf(35L * TWIPS_PER_MM));
        margins.setLeft(BigInteger.valueOf(28L * TWIPS_PER_MM));
        margins.setRight(BigInteger.valueOf(26L * TWIPS_PER_MM));
        margins.setFooter(BigInteger.valueOf(28L * TWIPS_PER_MM));
        margins.setHeader(BigInteger.valueOf(15L * TWIPS_PER_MM));
    }

    private static void footer(XWPFDocument docx) {
        XWPFFooter footer = docx.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "— ", LATIN_FONT, 14, false);
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        run(p, " —", LATIN_FONT, 14, false);
    }
}
