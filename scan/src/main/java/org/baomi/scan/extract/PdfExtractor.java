package org.baomi.scan.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationRubberStamp;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDNonTerminalField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;

/**
 * PDF (PDFBox): the text page by page; the document information as metadata, its custom entries
 * too ({@code 密级 机密★10年}, as marking tools write them); annotations as comments, a rubber
 * stamp by its name as well ({@code /TopSecret}, {@code /Confidential}: PDF's standard stamps
 * draw those words as a picture) and by the text its appearance draws (a custom stamp); the
 * values filled into a form; the bookmarks; and embedded files (the document's attachments and
 * those of file-attachment annotations), each scanned as a file inside this one. A PDF whose
 * pages hold images and no text (a scanned paper document), or outlines drawn in curves (text
 * converted to curves, as documents are for print), is reported {@code skipped} with the
 * reason, not passed as clean: whether it is marked needs eyes or OCR.
 */
public final class PdfExtractor implements Extractor {
    /** Information entries read by name first, and those that are not the author's words (software, dates). */
    private static final Set<String> NOT_CUSTOM = Set.of("Title", "Subject", "Keywords", "Author",
            "Creator", "Producer", "CreationDate", "ModDate", "Trapped");
    /** Standard stamp names (ISO 32000-1, 12.5.6.12) that name a classification, and the words they draw. */
    private static final Map<String, String> STAMPS = Map.of("TopSecret", "TOP SECRET", "Confidential", "CONFIDENTIAL");
    /** PDFBox's message for an encryption filter it has no handler for. */
    private static final java.util.regex.Pattern NO_HANDLER = java.util.regex.Pattern.compile("No security handler for filter (.+)");
    /** Bookmarks read at most: a generated outline of a huge document is not worth its time. */
    private static final int MAX_BOOKMARKS = 10_000;

    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        PDDocument doc;
        try {
            doc = Loader.loadPDF(new RandomAccessReadBuffer(source.open()));
        } catch (InvalidPasswordException e) {
            throw ExtractionProblem.encrypted("PDF needs a password to open");
        } catch (IOException | NoClassDefFoundError e) {
            String protection = protection(e);
            if (protection != null) {
                throw ExtractionProblem.encrypted(protection);
            }
            throw e;
        }
        try (doc) {
            metadata(doc.getDocumentInformation(), ctx);
            PDFTextStripper stripper = new PDFTextStripper();
            // Segments of paths drawn, counted while the text is read: a page with few draws no
            // words, and its content is not followed a second time for drawings.
            int[] segments = {0};
            for (String op : List.of("l", "c", "v", "y")) {
                stripper.addOperator(new SegmentCount(stripper, op, segments));
            }
            int pages = doc.getNumberOfPages();
            int withText = 0;
            UnreadPages unread = new UnreadPages();
            Map<java.nio.ByteBuffer, Boolean> drawingsRead = new java.util.HashMap<>();
            // Attachments by their file specification, in document order; one referred to twice is scanned once.
            Set<COSBase> attachments = Collections.newSetFromMap(new IdentityHashMap<>());
            List<COSBase> inOrder = new ArrayList<>();
            for (int p = 1; p <= pages; p++) {
                ctx.checkDeadline();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                segments[0] = 0;
                String text = stripper.getText(doc);
                PDPage page = doc.getPage(p - 1);
                if (!text.isBlank()) {
                    withText++;
                    ctx.text(Location.body("page " + p, p == 1), text);
                    if (segments[0] >= Lettering.MIN_SEGMENTS) {
                        drawnLettering(page, p, drawingsRead, unread, ctx);
                    }
                } else if (hasImages(page) || PdfDrawings.outlined(page)) {
                    // A scanned page, or words drawn as curves: read by OCR when the scan asks for it.
                    String seen = ctx.ocrOn() ? ocrPage(doc, p, ctx) : null;
                    if (seen != null && !seen.isBlank()) {
                        withText++;
                        ctx.text(Location.body("page " + p + " (OCR)", p == 1), seen);
                    } else {
                        unread.add(p);
                    }
                }
                StringBuilder notes = new StringBuilder();
                for (PDAnnotation a : page.getAnnotations()) {
                    if (a.getContents() != null) {
                        notes.append(a.getContents()).append('\n');
                    }
                    if (a instanceof PDAnnotationRubberStamp stamp) {
                        if (STAMPS.containsKey(stamp.getName())) {
                            ctx.text(Location.of("stamp, page " + p, Zone.HEADER), STAMPS.get(stamp.getName()));
                        }
                        // A custom stamp (机密 made into a stamp from a page) draws its words as text
                        // in its appearance, which the page's text does not include.
                        String drawn = appearanceText(stamp);
                        if (!drawn.isBlank() && (a.getContents() == null || !drawn.strip().equals(a.getContents().strip()))) {
                            ctx.text(Location.of("stamp, page " + p, Zone.HEADER), drawn);
                        }
                    }
                    if (a instanceof PDAnnotationFileAttachment fa && fa.getFile() != null) {
                        if (attachments.add(fa.getFile().getCOSObject())) {
                            inOrder.add(fa.getFile().getCOSObject());
                        }
                    }
                }
                if (!notes.isEmpty()) {
                    ctx.text(Location.of("comment", Zone.COMMENT), notes);
                }
            }
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            form(catalog.getAcroForm(null), ctx);
            bookmarks(catalog.getDocumentOutline(), ctx);
            PDDocumentNameDictionary names = catalog.getNames();
            if (names != null && names.getEmbeddedFiles() != null) {
                embeddedFiles(names.getEmbeddedFiles(), attachments, inOrder, 0);
            }
            int n = 0;
            for (COSBase spec : inOrder) {
                ctx.checkDeadline();
                attach(spec, ++n, ctx);
            }
            unread.finish(pages, withText, ctx);
        }
    }

    /**
     * The text an annotation's normal appearance draws, read as the text of a page made of that
     * appearance alone. An appearance that cannot be read gives no text: it is a drawing, never a
     * reason to call the document unreadable.
     */
    private static String appearanceText(PDAnnotation a) {
        try {
            var appearance = a.getNormalAppearanceStream();
            if (appearance == null) {
                return "";
            }
            var box = appearance.getBBox() != null ? appearance.getBBox() : a.getRectangle();
            try (PDDocument alone = new PDDocument()) {
                PDPage page = box == null ? new PDPage() : new PDPage(box);
                page.setResources(appearance.getResources());
                page.getCOSObject().setItem(COSName.CONTENTS, appearance.getCOSObject());
                alone.addPage(page);
                return new PDFTextStripper().getText(alone);
            }
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }

    /**
     * Why PDFBox could not open a PDF whose encryption no password undoes, or null: a
     * rights-management plug-in's filter (Adobe LiveCycle's {@code Adobe.APS}, FileOpen's
     * {@code FOPN_*}: PDFBox has no handler for it) or encryption to certificates
     * ({@code Adobe.PubSec}: PDFBox needs Bouncy Castle, which the scanner does not ship, and a
     * recipient's private key).
     */
    static String protection(Throwable e) {
        String message = String.valueOf(e.getMessage());
        java.util.regex.Matcher m = NO_HANDLER.matcher(message);
        if (e instanceof IOException && m.matches()) {
            return "PDF protected by a rights-management plug-in (" + m.group(1)
                    + "): it opens only in a reader with that plug-in and a licence from its server; scan it where it opens";
        }
        if (e instanceof NoClassDefFoundError && message.contains("bouncycastle")
                || e instanceof IOException && message.startsWith("Provided decryption material is not compatible")) {
            return "PDF encrypted to certificates (public-key security): only a holder of one of its recipients' private keys can open it";
        }
        return null;
    }

    /** Title, subject, keywords, author, and every entry a tool added, as {@code name value}. */
    private static void metadata(PDDocumentInformation info, ExtractionContext ctx) throws ExtractionProblem {
        if (info == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (String v : new String[] {info.getTitle(), info.getSubject(), info.getKeywords(), info.getAuthor()}) {
            if (v != null) {
                sb.append(v).append('\n');
            }
        }
        for (String key : new java.util.TreeSet<>(info.getMetadataKeys())) {
            if (NOT_CUSTOM.contains(key)) {
                continue;
            }
            String v = info.getCOSObject().getString(key);
            if (v != null && !v.isBlank()) {
                sb.append(key).append(' ').append(v).append('\n');
            }
        }
        if (!sb.isEmpty()) {
            ctx.text(Location.of("metadata", Zone.METADATA), sb);
        }
    }

    /** The values filled into the form's fields, one a line. */
    private static void form(PDAcroForm form, ExtractionContext ctx) throws ExtractionProblem {
        if (form == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        List<PDField> todo = new ArrayList<>(form.getFields());
        Set<PDField> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            PDField f = todo.remove(todo.size() - 1);
            if (!seen.add(f)) {
                continue;
            }
            if (f instanceof PDNonTerminalField nt) {
                todo.addAll(nt.getChildren());
            } else {
                String v = f.getValueAsString();
                if (v != null && !v.isBlank() && !v.equals("Off")) {
                    sb.append(v).append('\n');
                }
            }
        }
        if (!sb.isEmpty()) {
            ctx.text(Location.body("form", false), sb);
        }
    }

    /** Bookmark titles, one a line, in outline order. */
    private static void bookmarks(PDOutlineNode outline, ExtractionContext ctx) throws ExtractionProblem {
        if (outline == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(outline, sb, seen);
        if (!sb.isEmpty()) {
            ctx.text(Location.of("bookmarks", Zone.NOTE), sb);
        }
    }

    private static void collect(PDOutlineNode node, StringBuilder sb, Set<COSBase> seen) {
        for (PDOutlineItem item = node.getFirstChild(); item != null && seen.size() < MAX_BOOKMARKS;
                item = item.getNextSibling()) {
            if (!seen.add(item.getCOSObject())) {
                return; // a damaged outline that loops
            }
            if (item.getTitle() != null) {
                sb.append(item.getTitle()).append('\n');
            }
            collect(item, sb, seen);
        }
    }

    /** The document's attachments (the EmbeddedFiles name tree), kids included. */
    private static void embeddedFiles(PDNameTreeNode<PDComplexFileSpecification> node, Set<COSBase> seen,
                                      List<COSBase> out, int depth) throws IOException {
        if (depth > 32) {
            return; // a damaged tree that loops
        }
        Map<String, PDComplexFileSpecification> names = node.getNames();
        if (names != null) {
            for (PDComplexFileSpecification spec : names.values()) {
                if (spec != null && seen.add(spec.getCOSObject())) {
                    out.add(spec.getCOSObject());
                }
            }
        }
        List<PDNameTreeNode<PDComplexFileSpecification>> kids = node.getKids();
        if (kids != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : kids) {
                embeddedFiles(kid, seen, out, depth + 1);
            }
        }
    }

    /** One attachment, scanned as a file inside this one under its file name. */
    private static void attach(COSBase specObject, int n, ExtractionContext ctx) throws IOException, ExtractionProblem {
        if (!(specObject instanceof COSDictionary dict)) {
            return;
        }
        PDFileSpecification any = PDFileSpecification.createFS(dict);
        if (!(any instanceof PDComplexFileSpecification spec)) {
            return;
        }
        PDEmbeddedFile file = spec.getEmbeddedFileUnicode();
        if (file == null) {
            file = spec.getEmbeddedFile();
        }
        if (file == null) {
            return; // a reference to a file outside the PDF
        }
        String name = spec.getFileUnicode();
        if (name == null || name.isBlank()) {
            name = spec.getFile();
        }
        if (name == null || name.isBlank()) {
            name = "attachment " + n;
        }
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        long compressed = file.getCOSObject().getLength();
        try (InputStream in = file.createInputStream()) {
            ctx.nested(name, in, file.getSize() > 0 ? file.getSize() : -1, compressed > 0 ? compressed : -1);
        }
    }

    /** Scanned pages are rendered at this resolution for OCR: what Tesseract reads best. */
    private static final float OCR_DPI = 300;

    /** A page rendered for OCR has no more pixels than this (an A0 poster is read at a lower resolution). */
    private static final double OCR_MAX_PIXELS = 40e6;

    /**
     * The text OCR reads on page {@code p} (from 1): in its pictures, each at its own resolution
     * (a scan placed at 100 ppi is read as a picture of 100 ppi, enlarged smoothly, which reads far
     * better than the page rendered at 300 dpi pixel by pixel); a page of outlines only (text
     * converted to curves) rendered in grey. Null when nothing could be read.
     */
    private static String ocrPage(PDDocument doc, int p, ExtractionContext ctx) throws ExtractionProblem {
        PDPage page = doc.getPage(p - 1);
        StringBuilder text = new StringBuilder();
        boolean pictures = false;
        try {
            PDResources resources = page.getResources();
            for (COSName name : resources == null ? List.<COSName>of() : resources.getXObjectNames()) {
                if (resources.isImageXObject(name)
                        && resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image
                        && Ocr.size(image.getWidth(), image.getHeight()) == Ocr.Size.READABLE) {
                    pictures = true;
                    List<String> read = ctx.ocr(() -> Ocr.prepared(image.getImage()));
                    if (read != null) {
                        read.forEach(t -> text.append(t).append('\n'));
                    }
                }
            }
            if (!pictures) {
                org.apache.pdfbox.pdmodel.common.PDRectangle box = page.getCropBox();
                double inches = Math.max(1e-3, box.getWidth() / 72.0) * Math.max(1e-3, box.getHeight() / 72.0);
                float dpi = (float) Math.min(OCR_DPI, Math.sqrt(OCR_MAX_PIXELS / inches));
                java.awt.image.BufferedImage rendered = new org.apache.pdfbox.rendering.PDFRenderer(doc)
                        .renderImageWithDPI(p - 1, dpi, org.apache.pdfbox.rendering.ImageType.GRAY);
                List<String> read = ctx.ocr(() -> Ocr.pgm(rendered));
                if (read != null) {
                    read.forEach(t -> text.append(t).append('\n'));
                }
            }
        } catch (java.io.IOException | RuntimeException unreadable) {
            // A picture OCR cannot read: what was read of the page so far stands.
        }
        return text.toString();
    }

    /** Lettering drawn this high or higher (points), in a light paint, is taken for a watermark. */
    private static final double WATERMARK_PT = 24;

    /**
     * Words drawn as outlines over a page of text — a 机密 watermark as LibreOffice and others
     * write it, turned across the page behind the words; a title converted to curves — read with
     * {@code --ocr} drawing by drawing ({@link Lettering}): {@code drawing, page N (OCR)},
     * prominent (large lettering on a page is seen before its text). A drawing met on an earlier
     * page (the same watermark on every page) is not read again. Without OCR, or where OCR reads
     * nothing, a page with a watermark of outlines is named as not read in full ({@link UnreadPages}).
     *
     * @param read the drawings read so far in this document, and whether OCR read words in each
     */
    private static void drawnLettering(PDPage page, int p, Map<java.nio.ByteBuffer, Boolean> read, UnreadPages unread,
                                       ExtractionContext ctx) throws ExtractionProblem {
        for (Lettering.Drawing d : PdfDrawings.lettering(page)) {
            ctx.checkDeadline();
            boolean watermark = Lettering.watermarkLike(d, WATERMARK_PT);
            if (!ctx.ocrOn()) {
                if (watermark) {
                    unread.lettered(p);
                }
                continue;
            }
            Lettering.Picture picture = Lettering.picture(d);
            if (picture == null) {
                continue;
            }
            byte[] pgm = Ocr.pgm(picture.image());
            java.nio.ByteBuffer key = java.nio.ByteBuffer.wrap(pgm);
            Boolean before = read.get(key);
            if (before != null) {
                if (watermark && !before) {
                    unread.lettered(p);
                }
                continue;
            }
            List<String> lines;
            try {
                lines = picture.line() ? ctx.ocrDrawn(() -> pgm) : ctx.ocr(() -> pgm);
            } catch (IOException unreadable) {
                lines = null; // a drawing OCR cannot read: the page's text stands
            }
            boolean any = false;
            // Each reading its own text: the same words read in two sizes are one finding.
            for (String t : lines == null ? List.<String>of() : lines) {
                if (!t.isBlank()) {
                    ctx.text(Location.of("drawing, page " + p + " (OCR)", Zone.HEADER), t);
                    any = true;
                }
            }
            read.put(key, any);
            if (watermark && !any) {
                unread.lettered(p);
            }
        }
    }

    /** Counts a path segment operator ({@code l}, {@code c}, {@code v}, {@code y}) into {@code count[0]}. */
    private static final class SegmentCount extends org.apache.pdfbox.contentstream.operator.OperatorProcessor {
        private final String name;
        private final int[] count;

        SegmentCount(org.apache.pdfbox.contentstream.PDFStreamEngine context, String name, int[] count) {
            super(context);
            this.name = name;
            this.count = count;
        }

        @Override
        public void process(org.apache.pdfbox.contentstream.operator.Operator operator, List<COSBase> operands) {
            count[0]++;
        }

        @Override
        public String getName() {
            return name;
        }
    }

    private static boolean hasImages(PDPage page) throws java.io.IOException {
        PDResources resources = page.getResources();
        if (resources == null) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.isImageXObject(name)) {
                return true;
            }
        }
        return false;
    }
}
