package org.baomi.scan.extract;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Properties;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;
import org.baomi.scan.text.Charsets;
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
        String[] subject = msg.getHeader("Subject");
        if (subject != null && subject.length > 0 && eightBit(subject[0])) {
            ctx.text(Location.body("subject", true),
                    jakarta.mail.internet.MimeUtility.decodeText(jakarta.mail.internet.MimeUtility.unfold(raw(subject[0]))));
        } else if (msg.getSubject() != null) {
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
            if (eightBit(p.getHeader("Content-Disposition")) || eightBit(p.getHeader("Content-Type"))) {
                fileName = raw(fileName);
            }
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
        } else if (p.isMimeType("text/rtf") || p.isMimeType("application/rtf")) {
            // A rich-text body (what Outlook keeps of a message written in RTF): read as an RTF document is.
            byte[] rtf;
            try (InputStream in = p.getInputStream()) {
                rtf = in.readAllBytes();
            }
            new RtfExtractor().extract(new Source.InMemory("body.rtf", rtf), ctx);
            bodyRead = true;
        } else if (p.isMimeType("text/html")) {
            body(MarkupExtractor.visibleText(Jsoup.parse(text(p))), ctx);
        } else if (p.isMimeType("text/*")) {
            body(text(p), ctx);
        } else if (p.isMimeType("message/rfc822")) {
            try (InputStream in = p.getInputStream()) {
                ctx.nested("message.eml", in, -1, -1);
            }
        }
    }

    /** Whether any of the raw header values has a byte above 0x7F (Jakarta Mail hands such bytes on as ISO-8859-1 characters). */
    private static boolean eightBit(String... values) {
        if (values != null) {
            for (String v : values) {
                for (int i = 0; v != null && i < v.length(); i++) {
                    if (v.charAt(i) >= 0x80) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * A header value written in raw 8-bit bytes, not in RFC 2047's encoded words (as older Chinese
     * mail clients and systems send GBK subjects and attachment names): its bytes in the charset
     * they are well-formed in ({@link Charsets#ofNames}: UTF-8, GBK, Big5), as they were read
     * (ISO-8859-1) otherwise. Read as ISO-8859-1, "关于秘密★5年材料" was "¹ØÓÚÃØÃÜ¡ï5Äê²ÄÁÏ" and the
     * marking in the subject or an attachment's name was lost.
     */
    static String raw(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xFF) {
                return value; // not bytes read as ISO-8859-1
            }
        }
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return new String(bytes, Charsets.ofNames(java.util.List.of(bytes), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /**
     * A text part decoded here rather than by Jakarta Mail, which fails on a charset the JDK does
     * not know ({@code x-user-defined}, a mistyped label: the whole message was unreadable) and
     * reads {@code gb2312} strictly: the label as browsers read it ({@link Charsets#forLabel}),
     * else the charset detected from the bytes.
     */
    private static String text(Part p) throws Exception {
        byte[] bytes;
        try (InputStream in = p.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String label = null;
        try {
            label = new ContentType(p.getContentType()).getParameter("charset");
        } catch (jakarta.mail.internet.ParseException malformed) {
            // A Content-Type that does not parse names no charset: detected below.
        }
        Charset cs = Charsets.forLabel(label);
        if (cs == null) {
            // No label (RFC 2045 says ASCII; Chinese mailers write GBK without one) or one unknown.
            cs = Charsets.detect(bytes, Math.min(bytes.length, 64 << 10));
        }
        return new String(bytes, cs);
    }

    private void body(String text, ExtractionContext ctx) throws Exception {
        ctx.text(new Location("line", Zone.BODY, !bodyRead, true), text);
        bodyRead = true;
    }
}
