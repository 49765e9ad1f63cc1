package org.baomi.scan.extract;

import java.io.InputStream;
import javax.swing.text.DefaultStyledDocument;
import javax.swing.text.rtf.RTFEditorKit;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;

/**
 * RTF through the JDK's reader, the only maintained one short of Apache Tika. It handles
 * the ANSI code page escapes that Chinese RTF uses only partly; see docs/scan.md.
 */
public final class RtfExtractor implements Extractor {
    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        DefaultStyledDocument doc = new DefaultStyledDocument();
        try (InputStream in = source.open()) {
            new RTFEditorKit().read(in, doc, 0);
        }
        ctx.text(new Location("paragraph", Zone.BODY, true, true), doc.getText(0, doc.getLength()));
    }
}
