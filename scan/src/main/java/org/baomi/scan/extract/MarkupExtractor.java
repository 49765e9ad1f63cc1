package org.baomi.scan.extract;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;
import org.baomi.scan.text.Charsets;
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
        byte[] sample;
        try (InputStream in = source.open()) {
            sample = in.readNBytes(SAMPLE);
        }
        if (!html) {
            try (InputStream in = source.open()) {
                ctx.text(new Location("line", Zone.BODY, true, true), XmlText.of(in, null, undeclared(sample)));
            }
            return;
        }
        Document doc;
        try (InputStream in = source.open()) {
            doc = Jsoup.parse(in, htmlCharset(sample), "");
        }
        StringBuilder meta = new StringBuilder(doc.title()).append('\n');
        for (Element m : doc.select("meta[content]")) {
            meta.append(m.attr("content")).append('\n');
        }
        ctx.text(Location.of("metadata", Zone.METADATA), meta);
        ctx.text(new Location("line", Zone.BODY, true, true), visibleText(doc));
    }

    /** How much of a file its charset is judged on. */
    private static final int SAMPLE = 64 << 10;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    /**
     * The charset of a file that names none: UTF-8 when its first 64 KiB are UTF-8, else detected
     * ({@link Charsets#detect}). An XML or HTML file exported by a Chinese system without a
     * declaration is GBK: as UTF-8 the XML was {@code unreadable} ("Invalid byte 1 of 1-byte
     * UTF-8 sequence") and the HTML's Chinese became U+FFFD, its marking lost.
     */
    private static Charset undeclared(byte[] sample) {
        return Charsets.validUtf8(sample, sample.length) ? StandardCharsets.UTF_8 : Charsets.detect(sample, sample.length);
    }

    /**
     * The charset to read a web page in: null (jsoup's own reading: byte order mark, then
     * {@code <meta charset>}, else UTF-8) when the page is UTF-8 or starts with a byte order mark;
     * the declared one as browsers read its label ({@code gb2312} as GBK) otherwise; detected when
     * it declares none.
     */
    static String htmlCharset(byte[] sample) {
        int n = sample.length;
        boolean bom = n >= 2 && ((sample[0] & 0xFF) == 0xFE && (sample[1] & 0xFF) == 0xFF
                || (sample[0] & 0xFF) == 0xFF && (sample[1] & 0xFF) == 0xFE)
                || n >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF;
        if (bom || Charsets.validUtf8(sample, n)) {
            return null;
        }
        Matcher m = META_CHARSET.matcher(new String(sample, StandardCharsets.ISO_8859_1));
        if (m.find()) {
            Charset declared = Charsets.forLabel(m.group(1));
            if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
                return declared.name(); // a page that says UTF-8 and is not: detected, below
            }
        }
        return Charsets.detect(sample, n).name();
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
