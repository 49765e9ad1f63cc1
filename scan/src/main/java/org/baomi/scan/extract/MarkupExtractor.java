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
        ctx.text(new Location("line", Zone.BODY, true, true), visibleText(doc));
    }

    /**
     * The text a reader sees in {@code doc}'s body, a line per block: a marking alone in its
     * paragraph stands alone on its line (also for the HTML body of an e-mail).
     */
    static String visibleText(Document doc) {
        doc.select("script, style").remove();
        doc.select("p, div, br, h1, h2, h3, h4, h5, h6, li, tr, td, th, header, footer, section, article").after("\n");
        return doc.body() == null ? "" : doc.body().wholeText();
    }
}
