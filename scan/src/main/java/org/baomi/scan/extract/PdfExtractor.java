package org.baomi.scan.extract;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;

/** PDF text page by page (PDFBox), annotations as comments, the document information as metadata. */
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
            for (int p = 1; p <= pages; p++) {
                ctx.checkDeadline();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = stripper.getText(doc);
                if (!text.isBlank()) {
                    ctx.text(Location.body("page " + p, p == 1), text);
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
        }
    }
}
