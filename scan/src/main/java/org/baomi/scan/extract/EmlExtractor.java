package org.baomi.scan.extract;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.Properties;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;
import org.jsoup.Jsoup;

/** RFC 822 e-mail (Jakarta Mail): subject, text parts, attachments scanned as nested files. */
public final class EmlExtractor implements Extractor {
    private static final Session SESSION = Session.getInstance(new Properties());

    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        MimeMessage msg;
        try (InputStream in = source.open()) {
            msg = new MimeMessage(SESSION, in);
        }
        if (msg.getSubject() != null) {
            ctx.text(Location.body("subject", true), msg.getSubject());
        }
        part(msg, ctx, 0);
    }

    private void part(Part p, ExtractionContext ctx, int depth) throws Exception {
        if (depth > 20) {
            return;
        }
        String disposition = p.getDisposition();
        String fileName = p.getFileName();
        if (fileName != null) {
            // Mailers encode non-ASCII names (RFC 2047 even where RFC 2231 is meant).
            fileName = jakarta.mail.internet.MimeUtility.decodeText(fileName);
        }
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                part(bp, ctx, depth + 1);
            }
        } else if (fileName != null || Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
            try (InputStream in = p.getInputStream()) {
                ctx.nested(fileName == null ? "attachment" : fileName, in, -1, -1);
            }
        } else if (p.isMimeType("text/html")) {
            ctx.text(new Location("body", Zone.BODY, false, false), Jsoup.parse(String.valueOf(p.getContent())).text());
        } else if (p.isMimeType("text/*")) {
            ctx.text(new Location("body", Zone.BODY, false, false), String.valueOf(p.getContent()));
        } else if (p.isMimeType("message/rfc822")) {
            try (InputStream in = p.getInputStream()) {
                ctx.nested("message.eml", in, -1, -1);
            }
        }
    }
}
