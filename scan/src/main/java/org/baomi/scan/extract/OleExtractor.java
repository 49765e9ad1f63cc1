package org.baomi.scan.extract;

import java.io.IOException;
import java.io.InputStream;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hpsf.CustomProperties;
import org.apache.poi.hpsf.CustomProperty;
import org.apache.poi.hpsf.DocumentSummaryInformation;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hslf.usermodel.HSLFSlide;
import org.apache.poi.hslf.usermodel.HSLFTextParagraph;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.hsmf.datatypes.AttachmentChunks;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.EntryUtils;
import org.apache.poi.poifs.filesystem.Ole10Native;
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
        if (format == Format.XLS_BIFF) {
            // Excel 2.x-4.0: a bare BIFF stream, no compound file around it.
            try (InputStream in = source.open();
                 org.apache.poi.hssf.extractor.OldExcelExtractor x = new org.apache.poi.hssf.extractor.OldExcelExtractor(in)) {
                oldSheets(x.getText(), ctx);
            }
            return;
        }
        try (InputStream in = source.open(); POIFSFileSystem fs = new POIFSFileSystem(in)) {
            if (rightsManaged(fs.getRoot())) {
                // Before the format: a protected doc, xls or ppt keeps a placeholder body ("this
                // document has restricted permissions"), which would be read as the document.
                throw ExtractionProblem.encrypted("rights-managed Office document (IRM, Microsoft Rights Management):"
                        + " it opens only for the accounts it was shared with, in Office signed in to the rights server;"
                        + " scan it where it opens, or have its owner remove the protection");
            }
            if (format == Format.OOXML_ENCRYPTED) {
                throw ExtractionProblem.encrypted("password-protected Office document");
            }
            switch (format) {
                case DOC -> doc(fs, ctx);
                case XLS -> xls(fs, ctx);
                case PPT -> ppt(fs, ctx);
                case VSD -> vsd(fs, ctx);
                case PUB -> pub(fs, ctx);
                case MSG -> msg(fs, ctx);
                case OLE_OBJECT -> embedded(fs.getRoot(), "", ctx);
                default -> throw ExtractionProblem.unreadable("OLE2 container of an unknown kind");
            }
        } catch (EncryptedDocumentException e) {
            throw ExtractionProblem.encrypted("password-protected " + format.name().toLowerCase() + " document");
        }
    }

    /**
     * Whether a compound file is protected by Information Rights Management (MS-OFFCRYPTO's IRM
     * data space): an OOXML package's {@code DRMEncryptedDataSpace} / {@code DRMEncryptedTransform}
     * under {@code \u0006DataSpaces} (beside an {@code EncryptedPackage} and no
     * {@code EncryptionInfo}), a binary document's {@code \u0009DRMContent} and its
     * {@code \u0009DRMDataSpace} / {@code \u0009DRMTransform}. Its key is held by the rights
     * server, so no password opens it.
     */
    static boolean rightsManaged(DirectoryEntry root) {
        if (has(root, "\u0009DRMContent")) {
            return true;
        }
        DirectoryEntry spaces = directory(root, "\u0006DataSpaces");
        if (spaces == null) {
            return false;
        }
        DirectoryEntry info = directory(spaces, "DataSpaceInfo");
        DirectoryEntry transforms = directory(spaces, "TransformInfo");
        return info != null && (has(info, "DRMEncryptedDataSpace") || has(info, "\u0009DRMDataSpace"))
                || transforms != null && (has(transforms, "DRMEncryptedTransform") || has(transforms, "\u0009DRMTransform"));
    }

    static DirectoryEntry directory(DirectoryEntry parent, String name) {
        return entry(parent, name) instanceof DirectoryEntry d ? d : null;
    }

    /**
     * The entry of {@code dir} named {@code name}, compared without case as the compound file
     * format compares names (MS-CFB 2.6.4): writers other than Office store {@code worddocument}
     * or {@code ENCRYPTEDPACKAGE}, which Office and POI's readers open; null when there is none.
     */
    static Entry entry(DirectoryEntry dir, String name) {
        try {
            if (dir.hasEntry(name)) {
                return dir.getEntry(name);
            }
            return dir instanceof org.apache.poi.poifs.filesystem.DirectoryNode n && n.hasEntryCaseInsensitive(name)
                    ? n.getEntryCaseInsensitive(name) : null;
        } catch (java.io.FileNotFoundException e) {
            return null;
        }
    }

    /** Whether {@code dir} has an entry named {@code name}, compared without case ({@link #entry}). */
    static boolean has(DirectoryEntry dir, String name) {
        return entry(dir, name) != null;
    }

    /**
     * Document properties: title, subject, keywords, comments, author; category, company,
     * manager; and the custom ones as {@code name value} lines — where a classification-marking
     * tool records a document's 密级 (a property named 密级 with the value 机密★10年).
     */
    private static void summary(SummaryInformation si, DocumentSummaryInformation dsi, ExtractionContext ctx)
            throws ExtractionProblem {
        StringBuilder sb = new StringBuilder();
        if (si != null) {
            for (String v : new String[] {si.getTitle(), si.getSubject(), si.getKeywords(), si.getComments(), si.getAuthor()}) {
                if (v != null) {
                    sb.append(v).append('\n');
                }
            }
        }
        if (dsi != null) {
            for (String v : new String[] {dsi.getCategory(), dsi.getCompany(), dsi.getManager()}) {
                if (v != null) {
                    sb.append(v).append('\n');
                }
            }
            CustomProperties custom = dsi.getCustomProperties();
            if (custom != null) {
                for (CustomProperty p : custom.properties()) {
                    // Text, numbers and dates; not binary values or Office's own (_PID_HLINKS ...).
                    Object v = p.getValue();
                    if (p.getName() != null && !p.getName().startsWith("_PID_")
                            && (v instanceof CharSequence || v instanceof Number || v instanceof java.util.Date)) {
                        sb.append(p.getName()).append(' ').append(p.getValue()).append('\n');
                    }
                }
            }
        }
        if (!sb.isEmpty()) {
            ctx.text(Location.of("metadata", Zone.METADATA), sb);
        }
    }

    private static void doc(POIFSFileSystem fs, ExtractionContext ctx) throws Exception {
        if (oldWord(fs)) {
            word6(fs, ctx);
            return;
        }
        try (HWPFDocument d = new HWPFDocument(fs.getRoot()); WordExtractor w = new WordExtractor(d)) {
            summary(w.getSummaryInformation(), w.getDocSummaryInformation(), ctx);
            ctx.text(new Location("paragraph", Zone.BODY, true, true), String.join("\n", w.getParagraphText()));
            String header = w.getHeaderText();
            if (header != null && !header.isBlank()) {
                ctx.text(Location.of("header", Zone.HEADER), header);
            }
            String footer = w.getFooterText();
            if (footer != null && !footer.isBlank()) {
                ctx.text(Location.of("footer", Zone.FOOTER), footer);
            }
            // Text boxes (the 密级 block at the top right is often one) are a story of their own;
            // those anchored in a header another, which POI does not open: its range follows
            // all other stories (MS-DOC 2.3.1).
            var boxRange = d.getMainTextboxRange();
            String boxes = boxRange == null ? "" : boxRange.text();
            if (!boxes.isBlank()) {
                ctx.text(Location.of("text box", Zone.BODY), boxes);
            }
            String headerBoxes = headerTextboxes(d);
            if (!headerBoxes.isBlank()) {
                ctx.text(Location.of("header", Zone.HEADER), headerBoxes);
            }
            // WordArt, and a watermark (Word's 机密 or CONFIDENTIAL is WordArt in the header):
            // its text is a property of the drawn shape.
            String headerArt = wordArt(d::getOfficeDrawingsHeaders);
            if (!headerArt.isBlank()) {
                ctx.text(Location.of("header", Zone.HEADER), headerArt);
            }
            String art = wordArt(d::getOfficeDrawingsMain);
            if (!art.isBlank()) {
                ctx.text(Location.of("drawing", Zone.BODY), art);
            }
            String comments = String.join("\n", w.getCommentsText());
            if (!comments.isBlank()) {
                ctx.text(Location.of("comment", Zone.COMMENT), comments);
            }
            String notes = String.join("\n", w.getFootnoteText()) + "\n" + String.join("\n", w.getEndnoteText());
            if (!notes.isBlank()) {
                ctx.text(Location.of("note", Zone.NOTE), notes);
            }
            pictures(d.getPicturesTable().getAllPictures(), p -> p.suggestPictureType() == org.apache.poi.hwpf.usermodel.PictureType.WMF
                    || p.suggestPictureType() == org.apache.poi.hwpf.usermodel.PictureType.EMF, p -> p.getContent(), ctx);
            // Embedded objects (a spreadsheet pasted into a memo) live in the ObjectPool storage;
            // read before the document is closed, which closes the file system.
            if (entry(fs.getRoot(), "ObjectPool") instanceof DirectoryEntry pool) {
                for (Entry e : pool) {
                    if (e instanceof DirectoryEntry object) {
                        embedded(object, "ObjectPool/" + object.getName(), ctx);
                    }
                }
            }
        }
    }

    /** The text of the header text boxes' story, which comes last in the document's text. */
    private static String headerTextboxes(HWPFDocument d) {
        var fib = d.getFileInformationBlock();
        int length = fib.getSubdocumentTextStreamLength(org.apache.poi.hwpf.model.SubdocumentType.HEADER_TEXTBOX);
        if (length <= 0) {
            return "";
        }
        int start = 0;
        for (var type : org.apache.poi.hwpf.model.SubdocumentType.ORDERED) {
            if (type == org.apache.poi.hwpf.model.SubdocumentType.HEADER_TEXTBOX) {
                break;
            }
            start += fib.getSubdocumentTextStreamLength(type);
        }
        return new org.apache.poi.hwpf.usermodel.Range(start, start + length, d).text();
    }

    /**
     * The WordArt text of the drawings, a line each. A drawing table POI cannot follow gives what
     * was read before it, like a damaged picture: the document's text is read all the same.
     */
    private static String wordArt(java.util.function.Supplier<org.apache.poi.hwpf.usermodel.OfficeDrawings> drawings) {
        StringBuilder sb = new StringBuilder();
        try {
            var all = drawings.get();
            if (all != null) {
                for (var drawing : all.getOfficeDrawings()) {
                    OfficeArt.wordArt(drawing.getOfficeArtSpContainer(), sb);
                }
            }
        } catch (RuntimeException damaged) {
            // Kept: what was read.
        }
        return sb.toString();
    }

    /**
     * The text drawn on a sheet: text boxes and shapes, WordArt (a line each). Cell comments are
     * shapes too, read with their cells. A drawing POI cannot follow gives what was read before.
     */
    private static String drawing(org.apache.poi.hssf.usermodel.HSSFSheet sheet) {
        StringBuilder sb = new StringBuilder();
        try {
            var patriarch = sheet.getDrawingPatriarch();
            if (patriarch != null) {
                shapes(patriarch.getChildren(), sb, 0);
            }
        } catch (RuntimeException damaged) {
            // Kept: what was read.
        }
        return sb.toString();
    }

    private static void shapes(java.util.List<org.apache.poi.hssf.usermodel.HSSFShape> shapes, StringBuilder sb, int depth) {
        for (var shape : shapes) {
            if (shape instanceof org.apache.poi.hssf.usermodel.HSSFShapeGroup group) {
                if (depth < 64) {
                    shapes(group.getChildren(), sb, depth + 1);
                }
            } else if (!(shape instanceof org.apache.poi.hssf.usermodel.HSSFComment)) {
                String text = shape instanceof org.apache.poi.hssf.usermodel.HSSFSimpleShape simple
                        && simple.getString() != null ? simple.getString().getString() : "";
                if (text != null && !text.isBlank()) {
                    sb.append(text).append('\n');
                }
                StringBuilder art = new StringBuilder();
                OfficeArt.wordArt(shape.getOptRecord(), art);
                OfficeArt.appendUnlessRepeated(art, text, sb);
            }
        }
    }

    /** The footer and header texts of a ppt's Header and Footer settings, whether shown or not. */
    private static void headersFooters(org.apache.poi.hslf.model.HeadersFooters hf, java.util.Set<String> headers,
                                       java.util.Set<String> footers) {
        if (hf == null) {
            return;
        }
        String footer = hf.getFooterText();
        if (footer != null && !footer.isBlank()) {
            footers.add(footer.strip());
        }
        String header = hf.getHeaderText();
        if (header != null && !header.isBlank()) {
            headers.add(header.strip());
        }
    }

    /**
     * A ppt shape's WordArt text and, {@code withText}, its own text (a slide's text is read as
     * its paragraphs, a master's is not), and those of the shapes in a group: a line each.
     */
    private static void pptShape(org.apache.poi.hslf.usermodel.HSLFShape shape, boolean withText, StringBuilder sb, int depth) {
        if (shape instanceof org.apache.poi.hslf.usermodel.HSLFGroupShape group) {
            if (depth < 64) {
                for (var child : group.getShapes()) {
                    pptShape(child, withText, sb, depth + 1);
                }
            }
            return;
        }
        String text = shape instanceof org.apache.poi.hslf.usermodel.HSLFTextShape t ? t.getText() : null;
        if (withText && text != null && !text.isBlank()) {
            sb.append(text).append('\n');
        }
        StringBuilder art = new StringBuilder();
        OfficeArt.wordArt(shape.getSpContainer(), art);
        OfficeArt.appendUnlessRepeated(art, text, sb);
    }

    /**
     * Excel 5.0/95 (BIFF5), as old report and finance systems still export their "xls": the
     * cells of each sheet ({@code OldExcelExtractor}, in the workbook's code page: GBK text is
     * read as such) and the document properties; POI reads no headers, comments or drawings of
     * this format.
     */
    private static void oldXls(POIFSFileSystem fs, ExtractionContext ctx) throws Exception {
        summary(propertySet(fs, SummaryInformation.DEFAULT_STREAM_NAME, SummaryInformation.class),
                propertySet(fs, DocumentSummaryInformation.DEFAULT_STREAM_NAME, DocumentSummaryInformation.class), ctx);
        try (org.apache.poi.hssf.extractor.OldExcelExtractor x = new org.apache.poi.hssf.extractor.OldExcelExtractor(fs.getRoot())) {
            oldSheets(x.getText(), ctx);
        }
    }

    /** The cells of an old workbook, sheet by sheet, from {@code OldExcelExtractor}'s text. */
    private static void oldSheets(String text, ExtractionContext ctx) throws ExtractionProblem {
        // The extractor starts each sheet's cells, one a line, with the line "Sheet: <name>".
        String sheet = null;
        int sheets = 0;
        StringBuilder cells = new StringBuilder();
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of(text.split("\n", -1)));
        lines.add("Sheet: "); // the end of the last sheet
        for (String line : lines) {
            if (!line.startsWith("Sheet: ")) {
                cells.append(line).append('\n');
                continue;
            }
            if (!cells.toString().isBlank()) {
                ctx.text(Location.body("sheet " + (sheet == null ? "1" : sheet), sheets <= 1), cells);
            }
            cells = new StringBuilder();
            sheet = line.substring("Sheet: ".length()).strip();
            if (!sheet.isEmpty()) {
                ctx.text(Location.SHEET_NAMES, sheet);
            }
            sheets++;
        }
    }

    /**
     * Whether the Word document is a Word 6.0 or Word 95 one (its FIB's {@code nFib} below 106:
     * 101 for Word 6.0, 104 for Word 95, 193 from Word 97 on; POI's own test): old archives and old government systems still hold such
     * files, and POI's Word 97 reader refuses them.
     */
    private static boolean oldWord(POIFSFileSystem fs) throws java.io.IOException {
        if (!(entry(fs.getRoot(), "WordDocument") instanceof DocumentEntry main)) {
            return false;
        }
        byte[] fib;
        try (InputStream in = fs.getRoot().createDocumentInputStream(main)) {
            fib = in.readNBytes(32);
        }
        if (fib.length < 32) {
            return false;
        }
        int nFib = (fib[2] & 0xFF) | (fib[3] & 0xFF) << 8;
        return nFib < 106 && nFib != 0;
    }

    /**
     * A Word 6.0 or Word 95 document (POI's {@code HWPFOldDocument}): its text, decoded in the
     * code page its fonts name (GBK for a Chinese one), as paragraphs of the body — headers,
     * footnotes and comments are stored after the body's text, and this reader does not tell
     * them apart, so they are read as the last paragraphs — and its properties.
     */
    private static void word6(POIFSFileSystem fs, ExtractionContext ctx) throws Exception {
        summary(propertySet(fs, SummaryInformation.DEFAULT_STREAM_NAME, SummaryInformation.class),
                propertySet(fs, DocumentSummaryInformation.DEFAULT_STREAM_NAME, DocumentSummaryInformation.class), ctx);
        org.apache.poi.hwpf.HWPFOldDocument d = new org.apache.poi.hwpf.HWPFOldDocument(fs.getRoot());
        ctx.text(new Location("paragraph", Zone.BODY, true, true), paragraphs(d.getText()));
    }

    /** Word's paragraph marks, cell ends and page breaks as line breaks; its field codes' marks dropped. */
    private static String paragraphs(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r', '\u0007', '\u000B', '\u000C' -> sb.append('\n');
                case '\u0013', '\u0014', '\u0015', '\u0001', '\u0008' -> { }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A property set of an OLE2 file by its stream name; null when it has none or it cannot be read. */
    private static <T> T propertySet(POIFSFileSystem fs, String name, Class<T> kind) {
        try {
            if (entry(fs.getRoot(), name) instanceof DocumentEntry stream) {
                Object set = org.apache.poi.hpsf.PropertySetFactory.create(fs.getRoot(), stream.getName());
                return kind.isInstance(set) ? kind.cast(set) : null;
            }
        } catch (Exception damaged) {
            // Properties that cannot be read are not the document's text.
        }
        return null;
    }

    private static void xls(POIFSFileSystem fs, ExtractionContext ctx) throws Exception {
        HSSFWorkbook opened;
        try {
            opened = new HSSFWorkbook(fs.getRoot(), true);
        } catch (org.apache.poi.hssf.OldExcelFormatException old) {
            oldXls(fs, ctx);
            return;
        }
        try (HSSFWorkbook wb = opened) {
            summary(wb.getSummaryInformation(), wb.getDocumentSummaryInformation(), ctx);
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
                        sb.append(cellText(cell)).append('\t');
                        if (cell.getCellComment() != null) {
                            sb.append(cell.getCellComment().getString().getString()).append('\t');
                        }
                    }
                    sb.append('\n');
                }
                ctx.text(Location.SHEET_NAMES, wb.getSheetName(i));
                ctx.text(Location.body("sheet " + wb.getSheetName(i), i == 0), sb);
                // Text boxes, shapes and WordArt drawn on the sheet (a 密级 box above a table).
                String drawn = drawing(sheet);
                if (!drawn.isBlank()) {
                    ctx.text(Location.body("sheet " + wb.getSheetName(i) + " drawing", i == 0), drawn);
                }
            }
            pictures(wb.getAllPictures(), p -> p.getFormat() == HSSFWorkbook.PICTURE_TYPE_WMF
                    || p.getFormat() == HSSFWorkbook.PICTURE_TYPE_EMF, p -> p.getData(), ctx);
            // Embedded objects: one MBD… storage each at the root.
            for (Entry e : fs.getRoot()) {
                if (e instanceof DirectoryEntry object && object.getName().startsWith("MBD")) {
                    embedded(object, object.getName(), ctx);
                }
            }
        }
    }

    /**
     * A Visio 2003-2010 drawing (POI's HDGF): the text of its shapes, every page together as
     * {@code drawing} (this reader does not tell pages apart), and its properties. A diagram of a
     * classified network is itself marked, often in a text box or the title block of the page.
     */
    private static void vsd(POIFSFileSystem fs, ExtractionContext ctx) throws Exception {
        summary(propertySet(fs, SummaryInformation.DEFAULT_STREAM_NAME, SummaryInformation.class),
                propertySet(fs, DocumentSummaryInformation.DEFAULT_STREAM_NAME, DocumentSummaryInformation.class), ctx);
        try (var visio = new org.apache.poi.hdgf.extractor.VisioTextExtractor(fs)) {
            visio.setCloseFilesystem(false);
            ctx.text(Location.body("drawing", true), visio.getText());
        }
    }

    /** A Publisher publication: its text (POI HPBF: the text stories, in the order kept) and its properties. */
    private static void pub(POIFSFileSystem fs, ExtractionContext ctx) throws Exception {
        summary(propertySet(fs, SummaryInformation.DEFAULT_STREAM_NAME, SummaryInformation.class),
                propertySet(fs, DocumentSummaryInformation.DEFAULT_STREAM_NAME, DocumentSummaryInformation.class), ctx);
        try (var publisher = new org.apache.poi.hpbf.extractor.PublisherTextExtractor(
                new org.apache.poi.hpbf.HPBFDocument(fs.getRoot()))) {
            publisher.setCloseFilesystem(false);
            ctx.text(Location.body("publication", true), publisher.getText());
        }
    }

    /**
     * What a cell holds: its value; for a formula, the value Excel last computed (what the sheet
     * shows: {@code =A1&"密"} shows 机密) and then the formula, whose rendering POI gives up on for
     * some formulas other writers store (JExcelApi's, as Java systems export their "xls": "too much
     * stuff left on the stack" made the whole workbook unreadable) — then the value alone.
     */
    private static String cellText(org.apache.poi.ss.usermodel.Cell cell) {
        if (cell.getCellType() != org.apache.poi.ss.usermodel.CellType.FORMULA) {
            return cell.toString();
        }
        String value = switch (cell.getCachedFormulaResultType()) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> String.valueOf(cell.getNumericCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
        try {
            return value + " " + cell.getCellFormula();
        } catch (RuntimeException unrendered) {
            return value;
        }
    }

    private static void ppt(POIFSFileSystem fs, ExtractionContext ctx) throws Exception {
        try (HSLFSlideShow show = new HSLFSlideShow(fs.getRoot())) {
            summary(show.getSlideShowImpl().getSummaryInformation(), show.getSlideShowImpl().getDocumentSummaryInformation(), ctx);
            for (HSLFSlide slide : show.getSlides()) {
                ctx.checkDeadline();
                StringBuilder sb = new StringBuilder();
                for (var paras : slide.getTextParagraphs()) {
                    sb.append(HSLFTextParagraph.getText(paras)).append('\n');
                }
                // WordArt (PowerPoint 97-2003 keeps its text as a shape property only).
                for (var shape : slide.getShapes()) {
                    pptShape(shape, false, sb, 0);
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
            // What every slide shows without holding it: the masters' text (a marking put on the
            // master appears on each slide made with it; as `header`, like a pptx's masters), and
            // the footer and header texts of the Header and Footer dialog ("内部资料 注意保密"), kept
            // in the document and in each slide, not in the slides' text.
            StringBuilder masters = new StringBuilder();
            for (var master : show.getSlideMasters()) {
                for (var shape : master.getShapes()) {
                    pptShape(shape, true, masters, 0);
                }
            }
            for (var master : show.getTitleMasters()) {
                for (var shape : master.getShapes()) {
                    pptShape(shape, true, masters, 0);
                }
            }
            java.util.Set<String> footers = new java.util.LinkedHashSet<>();
            java.util.Set<String> headers = new java.util.LinkedHashSet<>();
            headersFooters(show.getSlideHeadersFooters(), headers, footers);
            headersFooters(show.getNotesHeadersFooters(), headers, footers);
            for (HSLFSlide slide : show.getSlides()) {
                headersFooters(slide.getHeadersFooters(), headers, footers);
            }
            headers.forEach(h -> masters.append(h).append('\n'));
            if (!masters.toString().isBlank()) {
                ctx.text(Location.of("header", Zone.HEADER), masters);
            }
            if (!footers.isEmpty()) {
                ctx.text(Location.of("footer", Zone.FOOTER), String.join("\n", footers));
            }
            pictures(show.getPictureData(), p -> p.getType() == org.apache.poi.sl.usermodel.PictureData.PictureType.WMF
                    || p.getType() == org.apache.poi.sl.usermodel.PictureData.PictureType.EMF, p -> p.getData(), ctx);
            // Embedded objects, each a compound file of its own once inflated (within the
            // size and compression-ratio limits, like any archive member).
            int k = 0;
            for (var object : show.getEmbeddedObjects()) {
                k++;
                var stg = object.getExOleObjStg();
                try (InputStream in = object.getInputStream()) {
                    ctx.nested("object " + k, in, stg.getDataLength(), stg.isCompressed() ? stg.getRawData().length : -1);
                } catch (java.util.zip.ZipException damaged) {
                    // One object's compressed data damaged is that object, not the slides: the rest is read.
                    ctx.partlyRead("object " + k + " was not read: its compressed data is damaged (" + damaged.getMessage() + ")");
                }
            }
        }
    }

    /**
     * A document's pictures: the text the metafiles (WMF, EMF) draw, told by type before their data
     * is copied; the others read by OCR when the scan asks for it, else counted as pictures not read.
     */
    private static <P> void pictures(java.util.List<P> all, java.util.function.Predicate<P> metafile,
                                     java.util.function.Function<P, byte[]> data, ExtractionContext ctx) throws ExtractionProblem {
        StringBuilder sb = new StringBuilder();
        int raster = 0;
        for (P picture : all) {
            if (!metafile.test(picture)) {
                // A scan or a photo pasted in: read by OCR when the scan asks for it.
                raster++;
                ctx.picture("picture " + raster, raster == 1, () -> data.apply(picture));
                continue;
            }
            ctx.checkDeadline();
            byte[] p = data.apply(picture);
            if (p != null && Metafiles.isMetafile(p)) {
                sb.append(Metafiles.text(p));
            }
        }
        if (!sb.toString().isBlank()) {
            ctx.text(Location.of("picture", Zone.BODY), sb);
        }
    }

    /**
     * One embedded OLE object (a storage of a doc's ObjectPool, an xls's MBD… storage, a ppt's
     * object, or a whole file that is only an object, such as a docx's oleObject1.bin), handed
     * on as the file it holds: an OOXML package ({@code Package}), a packaged file (the
     * {@code Ole10Native} stream, named by its label), raw contents ({@code CONTENTS}, e.g. a
     * PDF), or the storage itself as a compound file when it is a Word, Excel or PowerPoint
     * document. Anything else (a picture, an equation) has no text to read and is passed over.
     */
    static void embedded(DirectoryEntry object, String name, ExtractionContext ctx) throws Exception {
        ctx.checkDeadline();
        // The parts of a file that is only an object are named as they are, not under the object.
        String in = name.isEmpty() ? "" : name + "/";
        if (entry(object, "Package") instanceof DocumentEntry p) {
            stream(p, in + "Package", ctx);
        } else if (entry(object, Ole10Native.OLE10_NATIVE) instanceof DocumentEntry nativeStream) {
            // Read once: POI parses the bytes, and the ANSI names are decoded from them here.
            byte[] raw;
            try (InputStream h = ((org.apache.poi.poifs.filesystem.DirectoryNode) object)
                    .createDocumentInputStream(nativeStream)) {
                raw = h.readAllBytes();
            }
            Ole10Native n;
            try {
                n = new Ole10Native(raw, 0);
            } catch (org.apache.poi.poifs.filesystem.Ole10NativeException | RuntimeException e) {
                // Not a packaged file after all: the stream as it is, reported for what it is.
                ctx.nested(in + "Ole10Native", new java.io.ByteArrayInputStream(raw), raw.length, -1);
                return;
            }
            byte[] data = n.getDataBuffer();
            ctx.nested(in + label(n, raw, "Ole10Native"), new java.io.ByteArrayInputStream(data), data.length, -1);
        } else if (entry(object, "CONTENTS") instanceof DocumentEntry c) {
            stream(c, in + "CONTENTS", ctx);
        } else if (has(object, "WordDocument") || has(object, "Workbook") || has(object, "Book")
                || has(object, "PowerPoint Document")) {
            // The storage alone, as a compound file of its own (no larger than the file it came from).
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (POIFSFileSystem copy = new POIFSFileSystem()) {
                EntryUtils.copyNodes(object, copy.getRoot());
                copy.writeFilesystem(bytes);
            }
            ctx.nested(name.isEmpty() ? "object" : name, new java.io.ByteArrayInputStream(bytes.toByteArray()), bytes.size(), -1);
        }
    }

    /**
     * An OLE 1 object stream, as RTF's {@code \objdata} holds it: version, format (2 =
     * embedded; linked and static objects hold no file), class name, topic and item names, then
     * the object's native data — a compound file (a Word, Excel or PowerPoint storage, or one
     * holding an OOXML {@code Package}), or for the {@code Package} class a packaged file. The
     * native data is scanned as a file inside this one; a stream whose header does not parse is
     * handed on as it is, and reported for what it is.
     */
    static void ole1(InputStream raw, String name, ExtractionContext ctx) throws IOException, ExtractionProblem {
        InputStream in = raw.markSupported() ? raw : new java.io.BufferedInputStream(raw);
        in.mark(1 << 16);
        String className;
        long size;
        try {
            le32(in); // OLE version
            if (le32(in) != 2) {
                return;
            }
            className = ansiString(in);
            ansiString(in); // topic
            ansiString(in); // item
            size = le32(in) & 0xFFFFFFFFL;
        } catch (IOException e) {
            in.reset();
            ctx.nested(name, in, -1, -1);
            return;
        }
        InputStream data = org.apache.commons.io.input.BoundedInputStream.builder().setInputStream(in).setMaxCount(size)
                .setPropagateClose(false).get();
        long inMemory = (ctx.limits() == null ? org.baomi.scan.engine.Limits.defaults() : ctx.limits()).maxInMemoryBytes();
        if (className.equals("Package") && size < inMemory) {
            // The packager's native data is an Ole10Native stream without its length prefix.
            byte[] bytes = new byte[(int) size + 4];
            java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt((int) size);
            int n = data.readNBytes(bytes, 4, (int) size);
            try {
                Ole10Native p = new Ole10Native(java.util.Arrays.copyOf(bytes, n + 4), 0);
                byte[] file = p.getDataBuffer();
                ctx.nested(name + "/" + label(p, bytes, "package"), new java.io.ByteArrayInputStream(file), file.length, -1);
            } catch (org.apache.poi.poifs.filesystem.Ole10NativeException | RuntimeException e) {
                ctx.nested(name, new java.io.ByteArrayInputStream(bytes, 4, n), n, -1);
            }
            return;
        }
        ctx.nested(name, data, size, -1);
    }

    /**
     * A packaged file's name: the Unicode label Office adds after the data when there is one
     * (the first label is in the writer's ANSI code page, GBK on a Chinese Windows, which the
     * reader cannot know), else that first label, else the file name; never a path.
     */
    static String label(Ole10Native n, byte[] head, String fallback) {
        // The Unicode label and file name (newer Office) first; else the ANSI ones, decoded
        // here from the stream's bytes (POI decodes them as UTF-8, which loses GBK bytes).
        String[] ansi = ansiNames(head);
        for (String s : new String[] {n.getLabel2(), n.getFileName2(), ansi[0], ansi[1], n.getLabel(), n.getFileName()}) {
            if (s != null && !s.isBlank()) {
                String name = s.replace('\\', '/');
                return name.substring(name.lastIndexOf('/') + 1);
            }
        }
        return fallback;
    }

    /**
     * The ANSI label and file name at the start of an Ole10Native stream ({@code head}: the
     * stream or its first bytes, the length prefix included): size (4), flags (2), then two NUL-terminated
     * strings in the code page of the machine that packaged the file. Nulls where absent.
     */
    static String[] ansiNames(byte[] head) {
        String[] out = new String[2];
        int at = 6;
        for (int k = 0; k < 2 && head != null && at < head.length; k++) {
            int end = at;
            while (end < head.length && head[end] != 0) {
                end++;
            }
            if (end == head.length) {
                break; // cut off: no terminating NUL within the head
            }
            out[k] = ansi(java.util.Arrays.copyOfRange(head, at, end));
            at = end + 1;
        }
        return out;
    }

    /**
     * ANSI bytes of a packaged file's name, in the code page of the machine that packaged it:
     * on a Chinese system GBK. Read as names in an unstated charset are ({@link
     * org.baomi.scan.text.Charsets#ofNames}: GBK or Big5 where the bytes are well-formed in it),
     * else as Windows-1252 ("Café.txt").
     */
    static String ansi(byte[] bytes) {
        return new String(bytes, org.baomi.scan.text.Charsets.ofNames(java.util.List.of(bytes),
                java.nio.charset.Charset.forName("windows-1252")));
    }

    private static int le32(InputStream in) throws IOException {
        byte[] b = in.readNBytes(4);
        if (b.length < 4) {
            throw new java.io.EOFException("OLE 1 object header cut short");
        }
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
    }

    /** A length-prefixed, NUL-terminated ANSI string of an OLE 1 header. */
    private static String ansiString(InputStream in) throws IOException {
        int len = le32(in);
        if (len < 0 || len > 4096) {
            throw new IOException("not an OLE 1 object header (string of " + len + " bytes)");
        }
        byte[] b = in.readNBytes(len);
        if (b.length < len) {
            throw new java.io.EOFException("OLE 1 object header cut short");
        }
        int end = b.length;
        while (end > 0 && b[end - 1] == 0) {
            end--;
        }
        return new String(b, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void stream(DocumentEntry entry, String name, ExtractionContext ctx) throws Exception {
        try (DocumentInputStream in = new DocumentInputStream(entry)) {
            ctx.nested(name, in, entry.getSize(), -1);
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
                // Read line by line; its first lines are the top of the message, as in an .eml.
                ctx.text(new Location("line", Zone.BODY, true, true), body);
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
