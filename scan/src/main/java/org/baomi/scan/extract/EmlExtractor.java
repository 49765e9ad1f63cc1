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

/**
 * RFC 822 e-mail (Jakarta Mail), also a web page saved as MHT: subject, text parts, attachments
 * scanned as nested files. The body is read line by line, an HTML part a line per block, and its
 * first lines are the top of the message (a 密级 alone on the first line is the message's marking).
 * Of a multipart/alternative only the last part this reader understands is read, as a mail program
 * shows it (RFC 2046 section 5.1.4): the plain and HTML copies of one body are one text, not two.
 */
public final class EmlExtractor implements Extractor {
    private static final Session SESSION = Session.getInstance(new Properties());
    /** Whether the message's first body text has been read (the top rule applies to it alone). */
    private boolean bodyRead;

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
        if (p.isMimeType("multipart/alternative")) {
            Multipart mp = (Multipart) p.getContent();
            BodyPart shown = null;
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                if (bp.isMimeType("text/plain") || bp.isMimeType("text/html") || bp.isMimeType("multipart/*")) {
                    shown = bp;
                }
            }
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                if (bp == shown || bp.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(bp.getDisposition())) {
                    part(bp, ctx, depth + 1);
                }
            }
        } else if (p.isMimeType("multipart/*")) {
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
            body(MarkupExtractor.visibleText(Jsoup.parse(String.valueOf(p.getContent()))), ctx);
        } else if (p.isMimeType("text/*")) {
            body(String.valueOf(p.getContent()), ctx);
        } else if (p.isMimeType("message/rfc822")) {
            try (InputStream in = p.getInputStream()) {
                ctx.nested("message.eml", in, -1, -1);
            }
        }
    }

    private void body(String text, ExtractionContext ctx) throws Exception {
        ctx.text(new Location("line", Zone.BODY, !bodyRead, true), text);
        bodyRead = true;
    }
}
