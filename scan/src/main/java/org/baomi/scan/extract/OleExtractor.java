package org.baomi.scan.extract;

import java.io.InputStream;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hslf.usermodel.HSLFSlide;
import org.apache.poi.hslf.usermodel.HSLFTextParagraph;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.hsmf.datatypes.AttachmentChunks;
import org.apache.poi.hssf.extractor.ExcelExtractor;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;

/** Legacy binary Office (doc, xls, ppt; also WPS saved in these formats) and Outlook msg, via Apache POI. */
public final class OleExtractor implements Extractor {
    private final Format format;

    public OleExtractor(Format format) {
        this.format = format;
    }

    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        if (format == Format.OOXML_ENCRYPTED) {
            throw ExtractionProblem.encrypted("password-protected Office document");
        }
        try (InputStream in = source.open(); POIFSFileSystem fs = new POIFSFileSystem(in)) {
            switch (format) {
                case DOC -> doc(fs, ctx);
                case XLS -> xls(fs, ctx);
                case PPT -> ppt(fs, ctx);
                case MSG -> msg(fs, ctx);
                default -> throw ExtractionProblem.unreadable("OLE2 container of an unknown kind");
            }
        } catch (EncryptedDocumentException e) {
            throw ExtractionProblem.encrypted("password-protected " + format.name().toLowerCase() + " document");
        }
    }

    private static void summary(SummaryInformation si, ExtractionContext ctx) throws ExtractionProblem {
        if (si == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (String v : new String[] {si.getTitle(), si.getSubject(), si.getKeywords(), si.getComments(), si.getAuthor()}) {
            if (v != null) {
                sb.append(v).append('\n');
            }
        }
        if (!sb.isEmpty()) {
            ctx.text(Location.of("metadata", Zone.METADATA), sb);
        }
    }

    private static void doc(POIFSFileSystem fs, ExtractionContext ctx) throws Exception {
        try (HWPFDocument d = new HWPFDocument(fs.getRoot()); WordExtractor w = new WordExtractor(d)) {
            summary(w.getSummaryInformation(), ctx);
            ctx.text(new Location("paragraph", Zone.BODY, true, true), String.join("\n", w.getParagraphText()));
            String header = w.getHeaderText();
            if (header != null && !header.isBlank()) {
                ctx.text(Location.of("header", Zone.HEADER), header);
            }
            String footer = w.getFooterText();
            if (footer != null && !footer.isBlank()) {
                ctx.text(Location.of("footer", Zone.FOOTER), footer);
            }
            // Text boxes (the 密级 block at the top right is often one) are a story of their own.
            var boxRange = d.getMainTextboxRange();
            String boxes = boxRange == null ? "" : boxRange.text();
            if (!boxes.isBlank()) {
                ctx.text(Location.of("text box", Zone.BODY), boxes);
            }
            String comments = String.join("\n", w.getCommentsText());
            if (!comments.isBlank()) {
                ctx.text(Location.of("comment", Zone.COMMENT), comments);
            }
            String notes = String.join("\n", w.getFootnoteText()) + "\n" + String.join("\n", w.getEndnoteText());
            if (!notes.isBlank()) {
                ctx.text(Location.of("note", Zone.NOTE), notes);
            }
        }
    }

    private static void xls(POIFSFileSystem fs, ExtractionContext ctx) throws Exception {
        try (HSSFWorkbook wb = new HSSFWorkbook(fs.getRoot(), true)) {
            summary(wb.getSummaryInformation(), ctx);
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                ctx.checkDeadline();
                var sheet = wb.getSheetAt(i);
                StringBuilder sb = new StringBuilder();
                String header = SheetHeaders.sections(sheet.getHeader());
                if (!header.isEmpty()) {
                    ctx.text(Location.of("header", Zone.HEADER), header);
                }
                String footer = SheetHeaders.sections(sheet.getFooter());
                if (!footer.isEmpty()) {
                    ctx.text(Location.of("footer", Zone.FOOTER), footer);
                }
                for (var row : sheet) {
                    for (var cell : row) {
                        sb.append(cell.toString()).append('\t');
                        if (cell.getCellComment() != null) {
                            sb.append(cell.getCellComment().getString().getString()).append('\t');
                        }
                    }
                    sb.append('\n');
                }
                ctx.text(Location.body("sheet " + wb.getSheetName(i), i == 0), sb);
            }
        }
        // Keep ExcelExtractor linked for formats it handles better in future; unused today.
        ExcelExtractor.class.getName();
    }

    private static void ppt(POIFSFileSystem fs, ExtractionContext ctx) throws Exception {
        try (HSLFSlideShow show = new HSLFSlideShow(fs.getRoot())) {
            summary(show.getSlideShowImpl().getSummaryInformation(), ctx);
            for (HSLFSlide slide : show.getSlides()) {
                ctx.checkDeadline();
                StringBuilder sb = new StringBuilder();
                for (var paras : slide.getTextParagraphs()) {
                    sb.append(HSLFTextParagraph.getText(paras)).append('\n');
                }
                ctx.text(Location.body("slide " + slide.getSlideNumber(), slide.getSlideNumber() == 1), sb);
                if (slide.getNotes() != null) {
                    StringBuilder nb = new StringBuilder();
                    for (var paras : slide.getNotes().getTextParagraphs()) {
                        nb.append(HSLFTextParagraph.getText(paras)).append('\n');
                    }
                    ctx.text(Location.of("notes " + slide.getSlideNumber(), Zone.NOTE), nb);
                }
            }
        }
    }

    private static void msg(POIFSFileSystem fs, ExtractionContext ctx) throws Exception {
        try (MAPIMessage m = new MAPIMessage(fs)) {
            m.setReturnNullOnMissingChunk(true);
            String subject = m.getSubject();
            if (subject != null) {
                ctx.text(Location.body("subject", true), subject);
            }
            String body = m.getTextBody();
            if (body != null) {
                ctx.text(new Location("body", Zone.BODY, false, false), body);
            }
            for (AttachmentChunks a : m.getAttachmentFiles()) {
                if (a.getAttachData() != null) {
                    String name = a.getAttachLongFileName() != null ? a.getAttachLongFileName().getValue()
                            : a.getAttachFileName() != null ? a.getAttachFileName().getValue() : "attachment";
                    byte[] data = a.getAttachData().getValue();
                    ctx.nested(name, new java.io.ByteArrayInputStream(data), data.length, -1);
                }
            }
        }
    }
}
