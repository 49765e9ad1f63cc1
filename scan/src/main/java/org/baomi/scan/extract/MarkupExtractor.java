package org.baomi.scan.extract;

import java.io.InputStream;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** HTML (jsoup: visible text, title and meta tags) and generic XML (text content). */
public final class MarkupExtractor implements Extractor {
    private final boolean html;

    public MarkupExtractor(boolean html) {
        this.html = html;
    }

    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        if (!html) {
            try (InputStream in = source.open()) {
                ctx.text(new Location("line", Zone.BODY, true, true), XmlText.of(in));
            }
            return;
        }
        Document doc;
        try (InputStream in = source.open()) {
            doc = Jsoup.parse(in, null, "");
        }
        StringBuilder meta = new StringBuilder(doc.title()).append('\n');
        for (Element m : doc.select("meta[content]")) {
            meta.append(m.attr("content")).append('\n');
        }
        ctx.text(Location.of("metadata", Zone.METADATA), meta);
        doc.select("script, style").remove();
        // Block elements end a line, so a marking alone in its paragraph stands alone.
        doc.select("p, div, br, h1, h2, h3, h4, h5, h6, li, tr, td, th, header, footer, section, article").after("\n");
        ctx.text(new Location("line", Zone.BODY, true, true), doc.body() == null ? "" : doc.body().wholeText());
    }
}
