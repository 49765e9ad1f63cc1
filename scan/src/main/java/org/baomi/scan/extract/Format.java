package org.baomi.scan.extract;

/** The formats the engine tells apart, with the media type printed for each. */
public enum Format {
    TEXT("text/plain"),
    HTML("text/html"),
    XML("application/xml"),
    RTF("application/rtf"),
    PDF("application/pdf"),
    EML("message/rfc822"),
    MSG("application/vnd.ms-outlook"),
    /** Outlook's winmail.dat: a message's rich-text body and attachments. */
    TNEF("application/vnd.ms-tnef"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ODT("application/vnd.oasis.opendocument.text"),
    ODS("application/vnd.oasis.opendocument.spreadsheet"),
    ODP("application/vnd.oasis.opendocument.presentation"),
    /** Flat OpenDocument, one XML file: .fodt, .fods, .fodp. */
    FODT("application/vnd.oasis.opendocument.text-flat-xml"),
    FODS("application/vnd.oasis.opendocument.spreadsheet-flat-xml"),
    FODP("application/vnd.oasis.opendocument.presentation-flat-xml"),
    OFD("application/ofd"),
    /** UOF 1.0 (GB/T 20916), one XML file: .uot, .uos, .uop. */
    UOF_TEXT("application/vnd.uof.text"),
    UOF_SPREADSHEET("application/vnd.uof.spreadsheet"),
    UOF_PRESENTATION("application/vnd.uof.presentation"),
    DOC("application/msword"),
    XLS("application/vnd.ms-excel"),
    /** Excel 2.x, 3.0 and 4.0 worksheets and workbooks: a bare BIFF2-4 stream, not a compound file. */
    XLS_BIFF("application/vnd.ms-excel"),
    PPT("application/vnd.ms-powerpoint"),
    /** Visio 2003-2010 drawings (network diagrams, floor plans): the text of their shapes. */
    VSD("application/vnd.visio"),
    /** dBase and FoxPro tables (dbf): their records' text. */
    DBF("application/x-dbf"),
    /** AutoCAD drawings exchanged as ASCII DXF: the text they show. */
    DXF("image/vnd.dxf"),
    /** Access databases (mdb: Access 97-2003, accdb: 2007 and later): their tables' text. */
    ACCESS("application/x-msaccess"),
    /** Publisher 98-2007 publications (a leaflet, a poster, a newsletter): their text. */
    PUB("application/x-mspublisher"),
    /** Visio 2013 and later drawings, templates and stencils (vsdx, vsdm, vstx, vssx …): the text and shape data of each page. */
    VSDX("application/vnd.ms-visio.drawing"),
    /** XPS documents (what Windows' Microsoft XPS Document Writer prints to a file): their pages' text. */
    XPS("application/vnd.ms-xpsdocument"),
    /** OpenXPS (ECMA-388, .oxps: the XPS Document Writer's format since Windows 8). */
    OXPS("application/oxps"),
    OOXML_ENCRYPTED("application/x-tika-ooxml-protected"),
    /** A compound file that only holds an embedded object (a packaged file, an OOXML package). */
    OLE_OBJECT("application/x-tika-msoffice-embedded"),
    OLE2("application/x-tika-msoffice"),
    ZIP("application/zip"),
    /** One part of a zip split into several files (x.z01, x.z02, …, x.zip): read only once joined. */
    ZIP_PART("application/zip"),
    TAR("application/x-tar"),
    GZIP("application/gzip"),
    SEVEN_Z("application/x-7z-compressed"),
    RAR("application/vnd.rar"),
    /** Single compressed files (a .tar.bz2, .tar.xz on Linux desktops; a report.txt.Z). */
    BZIP2("application/x-bzip2"),
    XZ("application/x-xz"),
    UNIX_COMPRESS("application/x-compress"),
    LZ4("application/x-lz4"),
    SNAPPY("application/x-snappy-framed"),
    /** Archives of Unix tools (cpio: RPM payloads, initramfs; ar: .deb packages, static libraries). */
    CPIO("application/x-cpio"),
    AR("application/x-archive"),
    /** A Unix mailbox (mbox): Thunderbird's folders, mail saved by mutt, Evolution, Apple Mail's export. */
    MBOX("application/mbox"),
    /** An Outlook data file (pst; ost, the offline copy of an Exchange mailbox): a unit's mail, folder by folder. */
    PST("application/vnd.ms-outlook-pst"),
    /** Pictures: a scanned or photographed page, read only by OCR ({@code --ocr}). */
    PNG("image/png"),
    JPEG("image/jpeg"),
    TIFF("image/tiff"),
    GIF("image/gif"),
    BMP("image/bmp"),
    WEBP("image/webp"),
    /** Windows metafiles on their own (clip art, a diagram or a table saved as a picture): the text they draw. */
    EMF("image/emf"),
    WMF("image/wmf"),
    BINARY("application/octet-stream");

    private final String mediaType;

    Format(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
