package org.baomi.scan.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Tells the format by content first (magic bytes, then the member names of zip and OLE2
 * containers, which is how WPS files saved as .wps/.et/.dps are recognised) and by the
 * file name only where content cannot tell (text, HTML, e-mail).
 */
public final class FormatDetector {
    private FormatDetector() {
    }

    public static Format detect(Source src) throws IOException {
        byte[] head = new byte[8192];
        int n;
        try (InputStream in = src.open()) {
            n = in.readNBytes(head, 0, head.length);
        }
        String name = src.name().toLowerCase(Locale.ROOT);
        if (starts(head, n, 0x50, 0x4B, 0x03, 0x04) || starts(head, n, 0x50, 0x4B, 0x05, 0x06)) {
            return zipKind(src);
        }
        if (starts(head, n, 0x50, 0x4B, 0x07, 0x08) || SPLIT_ZIP_PART.matcher(name).matches()
                || name.endsWith(".zip") && ArchiveExtractor.endDisk(src) > 0) {
            // The first part starts with the split marker; the last, named .zip, ends with the
            // directory of the whole and says which part it is; those between are named .z02 ….
            return Format.ZIP_PART;
        }
        if (starts(head, n, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return oleKind(src);
        }
        if (starts(head, n, '%', 'P', 'D', 'F') || pdfHeaderWithin(head, n)) {
            return Format.PDF;
        }
        if (starts(head, n, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return Format.SEVEN_Z;
        }
        if (starts(head, n, 'R', 'a', 'r', '!', 0x1A, 0x07)) {
            return Format.RAR;
        }
        if (starts(head, n, 0x1F, 0x8B)) {
            return Format.GZIP;
        }
        Format compressed = compressed(head, n);
        if (compressed != null) {
            return compressed;
        }
        if (n >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a' && head[261] == 'r') {
            return Format.TAR;
        }
        if (oldExcel(head, n, name)) {
            return Format.XLS_BIFF;
        }
        if (starts(head, n, '!', 'B', 'D', 'N') && n >= 12 && (startsAt(head, n, 8, 'S', 'M') || startsAt(head, n, 8, 'S', 'O'))) {
            return Format.PST; // an Outlook data file: "SM" a pst, "SO" an ost
        }
        if (starts(head, n, 0x78, 0x9F, 0x3E, 0x22)) {
            return Format.TNEF; // winmail.dat
        }
        if (startsAt(head, n, 0, 0x00, 0x01, 0x00, 0x00) && (startsAt(head, n, 4, ascii("Standard Jet DB"))
                || startsAt(head, n, 4, ascii("Standard ACE DB")))) {
            return Format.ACCESS; // the first page of a Jet (mdb) or ACE (accdb) database
        }
        if (DbfExtractor.isDbf(head, n, src.size(), name)) {
            return Format.DBF;
        }
        if (starts(head, n, '{', '\\', 'r', 't', 'f')) {
            return Format.RTF;
        }
        Format picture = picture(head, n, name);
        if (picture != null) {
            return picture;
        }
        if (Metafiles.isMetafile(n == head.length ? head : java.util.Arrays.copyOf(head, n))) {
            return Metafiles.isEmf(head, n) ? Format.EMF : Format.WMF;
        }
        if (OpaqueContent.looksRandom(head, n)) {
            return Format.BINARY; // ciphertext, whatever its name says (ADR 0119)
        }
        if (name.endsWith(".eml") || name.endsWith(".mht") || name.endsWith(".mhtml")) {
            return Format.EML;
        }
        if (looksBinary(head, n)) {
            return Format.BINARY;
        }
        String lead = new String(head, 0, Math.min(n, 512), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml") || lead.startsWith("<!doctype html")
                || lead.startsWith("<html")) {
            return Format.HTML;
        }
        if (name.endsWith(".xml") || lead.startsWith("<?xml")) {
            return xmlKind(new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1), name);
        }
        if (DxfExtractor.isDxf(lead)) {
            return Format.DXF;
        }
        Format mail = mailKind(head, n);
        if (mail != null) {
            return mail;
        }
        return Format.TEXT;
    }

    /**
     * XML documents of office formats: a flat OpenDocument file (root {@code office:document},
     * its {@code office:mimetype} telling text, spreadsheet and presentation apart), a UOF 1.0
     * document (GB/T 20916: root {@code uof:UOF} in the UOF namespace; its {@code uof:mimetype},
     * or failing that its name, tells them apart). Any other XML stays generic.
     */
    private static Format xmlKind(String head, String name) {
        if (head.contains("urn:oasis:names:tc:opendocument:xmlns:office:1.0") && FLAT_ODF_ROOT.matcher(head).find()) {
            // A flat OpenDocument file: its office:mimetype says which.
            return head.contains("\"application/vnd.oasis.opendocument.spreadsheet\"") ? Format.FODS
                    : head.contains("\"application/vnd.oasis.opendocument.presentation\"") ? Format.FODP : Format.FODT;
        }
        if (!head.contains("http://schemas.uof.org/cn/2003/uof") || !UOF_ROOT.matcher(head).find()) {
            return Format.XML;
        }
        if (head.contains("\"vnd.uof.spreadsheet\"") || !head.contains("\"vnd.uof.") && name.endsWith(".uos")) {
            return Format.UOF_SPREADSHEET;
        }
        if (head.contains("\"vnd.uof.presentation\"") || !head.contains("\"vnd.uof.") && name.endsWith(".uop")) {
            return Format.UOF_PRESENTATION;
        }
        return Format.UOF_TEXT;
    }

    /** The parts of a split zip before its last: x.z01, x.z02, …. */
    private static final java.util.regex.Pattern SPLIT_ZIP_PART = java.util.regex.Pattern.compile(".*\\.z[0-9]{2,}");
    private static final java.util.regex.Pattern FLAT_ODF_ROOT = java.util.regex.Pattern.compile("<([A-Za-z_][\\w.-]*:)?document[\\s>]");
    private static final java.util.regex.Pattern UOF_ROOT = java.util.regex.Pattern.compile("<([A-Za-z_][\\w.-]*:)?UOF[\\s>]");

    /** A picture format by its signature (BMP's two letters only with its name), else null. */
    private static Format picture(byte[] head, int n, String name) {
        Format f = pictureSignature(head, n);
        return f != Format.BMP || name.endsWith(".bmp") || name.endsWith(".dib") ? f : null;
    }

    /**
     * The picture format {@code head} starts with (PNG, JPEG, TIFF, GIF, WebP, BMP — the last by two
     * letters only, so the detector also asks for its name), else null.
     */
    static Format pictureSignature(byte[] head, int n) {
        if (starts(head, n, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Format.PNG;
        }
        if (starts(head, n, 0xFF, 0xD8, 0xFF)) {
            return Format.JPEG;
        }
        if (starts(head, n, 'I', 'I', '*', 0) || starts(head, n, 'M', 'M', 0, '*')) {
            return Format.TIFF;
        }
        if (starts(head, n, 'G', 'I', 'F', '8')) {
            return Format.GIF;
        }
        if (starts(head, n, 'R', 'I', 'F', 'F') && n >= 12 && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Format.WEBP;
        }
        if (starts(head, n, 'B', 'M')) {
            return Format.BMP;
        }
        return null;
    }

    /**
     * A PDF's {@code %PDF-} header a little way into the file: Acrobat accepts it anywhere in the
     * first 1024 bytes (PDF Reference 1.7, appendix H, note 13), and files with a byte-order mark, a
     * mail gateway's or a web server's lines before it are met and open everywhere.
     */
    private static boolean pdfHeaderWithin(byte[] b, int n) {
        int end = Math.min(n, 1024) - 5;
        for (int i = 1; i <= end; i++) {
            if (b[i] == '%' && b[i + 1] == 'P' && b[i + 2] == 'D' && b[i + 3] == 'F' && b[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }

    /** Header fields every mail program writes; a block of headers with two of them is a message. */
    private static final Set<String> MAIL_FIELDS = Set.of("from", "to", "cc", "subject", "date", "message-id", "received",
            "return-path", "mime-version", "delivered-to", "reply-to", "sender", "content-type", "x-mailer", "in-reply-to",
            "references", "x-mozilla-status", "x-mozilla-status2", "user-agent", "thread-topic");

    /**
     * A message saved without the name .eml (a server's or Outlook Express's export, a file named
     * {@code 1234.}, a Thunderbird folder named {@code Inbox}), by its header block: at least three
     * {@code Name: value} lines (continuations indented) before the first empty line, two of them
     * fields mail programs write. A first line {@code From sender date} (with a time and a year)
     * starts a mailbox of such messages (mbox).
     */
    static Format mailKind(byte[] b, int n) {
        String text = new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n", -1);
        int i = 0;
        boolean mbox = lines.length > 1 && MboxExtractor.separator(lines[0]);
        if (mbox) {
            i = 1;
        }
        int headers = 0;
        int known = 0;
        // The last line may be cut by the end of the sample: not judged.
        for (; i < lines.length - 1 && !lines[i].isEmpty(); i++) {
            String l = lines[i];
            if (l.charAt(0) == ' ' || l.charAt(0) == '\t') {
                if (headers == 0) {
                    return null;
                }
                continue;
            }
            int colon = l.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            for (int k = 0; k < colon; k++) {
                char c = l.charAt(k);
                if (c <= ' ' || c > '~') {
                    return null; // RFC 5322: a field name is printable ASCII without spaces
                }
            }
            headers++;
            if (MAIL_FIELDS.contains(l.substring(0, colon).toLowerCase(Locale.ROOT))) {
                known++;
            }
        }
        if (mbox) {
            return Format.MBOX; // the separator line alone tells: "From", a sender, a date with its time and year
        }
        return headers >= 3 && known >= 2 ? Format.EML : null;
    }

    /**
     * Single compressed files and Unix archives by their signatures: bzip2 ({@code BZh}, a level,
     * then a block's or the end's magic number), xz, compress ({@code .Z}), LZ4 and Snappy frames;
     * cpio (ASCII "new" and "odc" headers, and the old binary one either way round), ar.
     */
    private static Format compressed(byte[] b, int n) {
        if (n >= 10 && b[0] == 'B' && b[1] == 'Z' && b[2] == 'h' && b[3] >= '1' && b[3] <= '9'
                && (startsAt(b, n, 4, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59) || startsAt(b, n, 4, 0x17, 0x72, 0x45, 0x38, 0x50, 0x90))) {
            return Format.BZIP2;
        }
        if (starts(b, n, 0xFD, '7', 'z', 'X', 'Z', 0x00)) {
            return Format.XZ;
        }
        if (starts(b, n, 0x1F, 0x9D)) {
            return Format.UNIX_COMPRESS;
        }
        if (starts(b, n, 0x04, 0x22, 0x4D, 0x18)) {
            return Format.LZ4;
        }
        if (starts(b, n, 0xFF, 0x06, 0x00, 0x00, 's', 'N', 'a', 'P', 'p', 'Y')) {
            return Format.SNAPPY;
        }
        if (starts(b, n, '0', '7', '0', '7', '0', '1') || starts(b, n, '0', '7', '0', '7', '0', '2')
                || starts(b, n, '0', '7', '0', '7', '0', '7') || starts(b, n, 0xC7, 0x71) || starts(b, n, 0x71, 0xC7)) {
            return Format.CPIO;
        }
        if (starts(b, n, '!', '<', 'a', 'r', 'c', 'h', '>', '\n')) {
            return Format.AR;
        }
        return null;
    }

    /**
     * An Excel 2.x-4.0 file: its first record a BOF (0x0009, 0x0209 or 0x0409 for BIFF2, 3 and 4)
     * of the length that version writes; the BIFF3/4 ones also by their sheet type (worksheet,
     * chart, macro sheet, workbook), BIFF2's four bytes only with an Excel name.
     */
    private static boolean oldExcel(byte[] b, int n, String name) {
        if (n < 8 || b[0] != 0x09) {
            return false;
        }
        boolean excelName = name.endsWith(".xls") || name.endsWith(".xlw");
        if (b[1] == 0x00 && b[2] == 0x04 && b[3] == 0) {
            return excelName;
        }
        if ((b[1] == 0x02 || b[1] == 0x04) && b[2] == 0x06 && b[3] == 0) {
            int type = (b[6] & 0xFF) | (b[7] & 0xFF) << 8;
            return excelName || type == 0x10 || type == 0x20 || type == 0x40 || type == 0x100;
        }
        return false;
    }

    private static boolean starts(byte[] b, int n, int... magic) {
        return startsAt(b, n, 0, magic);
    }

    /** Whether the first {@code n} bytes of {@code b} hold {@code magic} at {@code offset}. */
    private static int[] ascii(String s) {
        return s.chars().toArray();
    }

    private static boolean startsAt(byte[] b, int n, int offset, int... magic) {
        if (n < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** NUL bytes outside a UTF-16 pattern mean a binary format we do not read. */
    private static boolean looksBinary(byte[] b, int n) {
        if (n >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF))) {
            return false;
        }
        int zerosEven = 0;
        int zerosOdd = 0;
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                if ((i & 1) == 0) {
                    zerosEven++;
                } else {
                    zerosOdd++;
                }
            }
        }
        if (zerosEven + zerosOdd == 0) {
            return false;
        }
        // UTF-16 without a BOM: zeros on one side only.
        boolean utf16 = (zerosOdd > n / 8 && zerosEven == 0) || (zerosEven > n / 8 && zerosOdd == 0);
        return !utf16;
    }

    private static Format zipKind(Source src) {
        Set<String> names = new HashSet<>();
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(src.channel()).get()) {
            var entries = zip.getEntries();
            int count = 0;
            while (entries.hasMoreElements() && count++ < 10000) {
                ZipArchiveEntry e = entries.nextElement();
                names.add(e.getName());
                if (e.getName().equals("mimetype")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        String mt = new String(in.readNBytes(100), java.nio.charset.StandardCharsets.US_ASCII).trim();
                        if (mt.contains("opendocument.text")) {
                            return Format.ODT;
                        }
                        if (mt.contains("opendocument.spreadsheet")) {
                            return Format.ODS;
                        }
                        if (mt.contains("opendocument.presentation")) {
                            return Format.ODP;
                        }
                    }
                }
            }
            if (names.contains(OpcContentTypes.PART)) {
                if (names.contains("word/document.xml")) {
                    return Format.DOCX;
                }
                if (names.contains("xl/workbook.xml")) {
                    return Format.XLSX;
                }
                if (names.contains("ppt/presentation.xml")) {
                    return Format.PPTX;
                }
                if (names.contains("visio/document.xml")) {
                    return Format.VSDX;
                }
                // Its main part named otherwise (Word for the web writes word/document2.xml): what
                // the package declares it to be.
                OpcContentTypes types = OpcContentTypes.of(zip);
                Format declared = types.mainFormat();
                if (declared != null) {
                    return declared;
                }
                if (XpsExtractor.isXps(names, types)) {
                    return XpsExtractor.openXps(zip) ? Format.OXPS : Format.XPS;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Format.ZIP; // the archive reader will tell what is wrong with it
        }
        if (names.contains("OFD.xml") || names.contains("ofd.xml")) {
            return Format.OFD;
        }
        return Format.ZIP;
    }

    private static Format oleKind(Source src) {
        try (InputStream in = src.open(); POIFSFileSystem fs = new POIFSFileSystem(in)) {
            DirectoryNode root = fs.getRoot();
            // Names compared without case, as the format does (OleExtractor.entry).
            if (OleExtractor.has(root, "EncryptionInfo") || OleExtractor.has(root, "EncryptedPackage")) {
                return Format.OOXML_ENCRYPTED;
            }
            if (OleExtractor.has(root, "WordDocument")) {
                return Format.DOC;
            }
            if (OleExtractor.has(root, "Workbook") || OleExtractor.has(root, "Book")) {
                return Format.XLS;
            }
            if (OleExtractor.has(root, "PowerPoint Document")) {
                return Format.PPT;
            }
            if (OleExtractor.has(root, "VisioDocument")) {
                return Format.VSD;
            }
            if (OleExtractor.directory(root, "Quill") != null && OleExtractor.has(root, "CONTENTS")) {
                return Format.PUB; // before CONTENTS alone, which an embedded object's storage also has
            }
            if (OleExtractor.has(root, "__properties_version1.0")
                    || root.getEntryNames().stream().anyMatch(s -> s.regionMatches(true, 0, "__substg1.0_", 0, 12))) {
                return Format.MSG;
            }
            if (OleExtractor.rightsManaged(root)) {
                return Format.OOXML_ENCRYPTED; // protected, its kind not told (the reader says by what)
            }
            if (OleExtractor.has(root, "Package") || OleExtractor.has(root, org.apache.poi.poifs.filesystem.Ole10Native.OLE10_NATIVE)
                    || OleExtractor.has(root, "CONTENTS")) {
                return Format.OLE_OBJECT;
            }
            return Format.OLE2;
        } catch (IOException | RuntimeException e) {
            return Format.OLE2;
        }
    }
}
