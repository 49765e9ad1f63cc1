package org.baomi.scan.extract;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import org.apache.poi.hmef.Attachment;
import org.apache.poi.hmef.HMEFMessage;
import org.apache.poi.hmef.attribute.MAPIAttribute;
import org.apache.poi.hmef.attribute.MAPIRtfAttribute;
import org.apache.poi.hmef.attribute.MAPIStringAttribute;
import org.apache.poi.hmef.attribute.TNEFAttribute;
import org.apache.poi.hmef.attribute.TNEFProperty;
import org.apache.poi.hsmf.datatypes.MAPIProperty;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;

/**
 * TNEF ({@code winmail.dat}, {@code application/ms-tnef}): what Outlook and Exchange send in
 * place of a message's body and attachments when they keep its rich text — a mail read
 * elsewhere shows only an attachment {@code winmail.dat}, which people save as it is. Read with
 * POI's HMEF: the subject, the body (rich text through the RTF reader, else plain text) and the
 * attachments, each scanned as a file inside ({@code winmail.dat!/方案.docx}).
 *
 * <p>Outlook writes the message's properties twice: as MAPI properties (Unicode) and as the
 * older TNEF attributes, whose strings are in the message's OEM code page ({@code
 * attOemCodepage}: 936 on a Chinese Windows). HMEF decodes the older ones as Windows-1252 and
 * UTF-16; they are decoded here in the declared code page, so a GBK subject or file name is read
 * as Chinese. The MAPI value is preferred where there is one.
 */
public final class TnefExtractor implements Extractor {
    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        HMEFMessage msg;
        try (InputStream in = source.open()) {
            msg = new HMEFMessage(in);
        }
        Charset codePage = codePage(msg.getMessageAttribute(TNEFProperty.ID_OEMCODEPAGE));
        String subject = text(msg.getMessageMAPIAttribute(MAPIProperty.SUBJECT),
                msg.getMessageAttribute(TNEFProperty.ID_SUBJECT), codePage);
        if (subject != null && !subject.isBlank()) {
            ctx.text(Location.body("subject", true), subject);
        }
        MAPIAttribute rtf = msg.getMessageMAPIAttribute(MAPIProperty.RTF_COMPRESSED);
        if (rtf instanceof MAPIRtfAttribute compressed) {
            // The body as Outlook shows it, with its formatting: the RTF reader's paragraphs.
            new RtfExtractor().extract(new Source.InMemory(source.name() + ".rtf", compressed.getData()), ctx);
        } else {
            String body = text(msg.getMessageMAPIAttribute(MAPIProperty.BODY), msg.getMessageAttribute(TNEFProperty.ID_BODY),
                    codePage);
            if (body != null && !body.isBlank()) {
                // Read line by line; its first lines are the top of the message, as in an .eml.
                ctx.text(new Location("line", Zone.BODY, true, true), body);
            }
        }
        int n = 0;
        for (Attachment a : msg.getAttachments()) {
            ctx.checkDeadline();
            n++;
            byte[] data = a.getContents();
            if (data == null) {
                continue; // an attached message or an OLE object: HMEF does not give its bytes
            }
            String name = text(a.getMAPIAttribute(MAPIProperty.ATTACH_LONG_FILENAME),
                    a.getAttribute(TNEFProperty.ID_ATTACHTITLE), codePage);
            ctx.nested(name == null || name.isBlank() ? "attachment " + n : name.strip(),
                    new ByteArrayInputStream(data), data.length, -1);
        }
    }

    /** A MAPI string property if there is one, else the older TNEF attribute decoded in {@code codePage}; or null. */
    private static String text(MAPIAttribute mapi, TNEFAttribute legacy, Charset codePage) {
        if (mapi != null) {
            String s = MAPIStringAttribute.getAsString(mapi);
            if (s != null) {
                return strip(s);
            }
        }
        if (legacy == null || legacy.getData() == null) {
            return null;
        }
        return strip(new String(legacy.getData(), codePage));
    }

    /** Without the terminating NULs TNEF writes after its strings. */
    private static String strip(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * The message's OEM code page ({@code attOemCodepage}: its first four bytes, little-endian)
     * as a charset; Windows-1252 when it is missing or names no charset this JDK has.
     */
    private static Charset codePage(TNEFAttribute attr) {
        byte[] d = attr == null ? null : attr.getData();
        if (d != null && d.length >= 4) {
            int cp = (d[0] & 0xFF) | (d[1] & 0xFF) << 8 | (d[2] & 0xFF) << 16 | (d[3] & 0xFF) << 24;
            Charset cs = RtfExtractor.codePage(cp, null);
            if (cs != null) {
                return cs;
            }
        }
        return Charset.forName("windows-1252");
    }
}
