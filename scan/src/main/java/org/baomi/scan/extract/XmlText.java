package org.baomi.scan.extract;

import java.io.InputStream;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streaming text of an XML part: character data in document order, a line break after
 * block elements. StAX rather than an object model because Office parts are read for
 * their text only and the object models cost several times more (docs/adr/0102).
 * DTDs and external entities are off: documents are hostile input.
 */
public final class XmlText {
    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    /** Elements after which a line ends (paragraphs, headings, rows, shared strings, ...). */
    private static final Set<String> BLOCKS = Set.of("p", "h", "tr", "si", "row", "TextObject", "br", "cr", "title",
            "subject", "description", "keywords", "creator", "lastModifiedBy", "category", "Company", "Manager",
            "property", "lpwstr", "Title", "Author", "Subject", "Keywords", "Abstract", "Creator", "text", "li", "div",
            "list-item", "table-row", "note", "annotation", "comment", "item");
    /** Elements whose text is not document text (field codes, formulas, cell numbers). */
    private static final Set<String> SKIP = Set.of("instrText", "f", "v", "binData", "script", "style");

    private XmlText() {
    }

    public static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    /** Text of the whole part, with line breaks at block ends and tabs for tab elements. */
    public static String of(InputStream in) throws XMLStreamException {
        XMLStreamReader r = reader(in);
        StringBuilder sb = new StringBuilder();
        int skip = 0;
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = r.getLocalName();
                    if (SKIP.contains(n)) {
                        skip++;
                    } else if (n.equals("tab") || n.equals("s")) {
                        sb.append(n.equals("tab") ? '\t' : ' ');
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String n = r.getLocalName();
                    if (SKIP.contains(n)) {
                        skip--;
                    } else if (BLOCKS.contains(n) && sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                        sb.append('\n');
                    }
                } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && skip == 0) {
                    if (!r.isWhiteSpace() || sb.length() > 0) {
                        sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                }
            }
        } finally {
            r.close();
        }
        return sb.toString();
    }
}
