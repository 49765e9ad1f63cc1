package org.baomi.scan.extract;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baomi.scan.engine.FileStatus;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;

/**
 * PDF text page by page (PDFBox), annotations as comments, the document information as
 * metadata. A PDF whose pages hold images and no text (a scanned paper document) is reported
 * {@code skipped} with the reason, not passed as clean: whether it is marked needs eyes or OCR.
 */
public final class PdfExtractor implements Extractor {
    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        PDDocument doc;
        try {
            doc = Loader.loadPDF(new RandomAccessReadBuffer(source.open()));
        } catch (InvalidPasswordException e) {
            throw ExtractionProblem.encrypted("PDF needs a password to open");
        }
        try (doc) {
            PDDocumentInformation info = doc.getDocumentInformation();
            if (info != null) {
                StringBuilder sb = new StringBuilder();
                for (String v : new String[] {info.getTitle(), info.getSubject(), info.getKeywords(), info.getAuthor()}) {
                    if (v != null) {
                        sb.append(v).append('\n');
                    }
                }
                if (!sb.isEmpty()) {
                    ctx.text(Location.of("metadata", Zone.METADATA), sb);
                }
            }
            PDFTextStripper stripper = new PDFTextStripper();
            int pages = doc.getNumberOfPages();
            int withText = 0;
            int withImages = 0;
            for (int p = 1; p <= pages; p++) {
                ctx.checkDeadline();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = stripper.getText(doc);
                if (!text.isBlank()) {
                    withText++;
                    ctx.text(Location.body("page " + p, p == 1), text);
                } else if (hasImages(doc.getPage(p - 1))) {
                    withImages++;
                }
                StringBuilder notes = new StringBuilder();
                for (PDAnnotation a : doc.getPage(p - 1).getAnnotations()) {
                    if (a.getContents() != null) {
                        notes.append(a.getContents()).append('\n');
                    }
                }
                if (!notes.isEmpty()) {
                    ctx.text(Location.of("comment", Zone.COMMENT), notes);
                }
            }
            if (withText == 0 && withImages > 0) {
                // A scanned paper document: nothing here says whether it is marked; a person
                // must look (or OCR it). Reported, not passed as clean.
                throw new ExtractionProblem(FileStatus.SKIPPED, "no text on any page, only images (" + withImages
                        + " of " + pages + " pages; a scan?): look at it or OCR it");
            }
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
