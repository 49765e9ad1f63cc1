package org.baomi.scan.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Documents the tests build themselves, one small writer per format. */
final class TestCorpus {
    private TestCorpus() {
    }

    static byte[] docx(String body, String header, String footer, String comment, String title) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : body.split("\n")) {
                doc.createParagraph().createRun().setText(p);
            }
            if (header != null) {
                doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(header);
            }
            if (footer != null) {
                doc.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(footer);
            }
            if (comment != null) {
                XWPFComment c = doc.createComments().createComment(BigInteger.ONE);
                c.setAuthor("审阅人");
                c.createParagraph().createRun().setText(comment);
            }
            if (title != null) {
                doc.getProperties().getCoreProperties().setTitle(title);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xlsx(String sheetName, String cell, String comment) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet(sheetName);
            sheet.createRow(0).createCell(0).setCellValue("姓名");
            sheet.createRow(1).createCell(0).setCellValue(cell);
            if (comment != null) {
                XSSFDrawing d = sheet.createDrawingPatriarch();
                XSSFComment c = d.createCellComment(new XSSFClientAnchor(0, 0, 0, 0, 2, 2, 4, 4));
                c.setString(comment);
                sheet.getRow(0).getCell(0).setCellComment(c);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /**
     * A sheet with a file packaged into it as an OLE object (Insert → Object → from file): the
     * file's bytes sit in an {@code Ole10Native} stream of {@code xl/embeddings/oleObject1.bin}.
     */
    static byte[] xlsxWithPackagedFile(String fileName, byte[] file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("附件");
            sheet.createRow(0).createCell(0).setCellValue("见附件");
            int storage = wb.addOlePackage(file, fileName, fileName, fileName);
            int picture = wb.addPicture(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                    org.apache.poi.ss.usermodel.Workbook.PICTURE_TYPE_PNG);
            sheet.createDrawingPatriarch().createObjectData(new XSSFClientAnchor(0, 0, 0, 0, 1, 1, 3, 3), storage, picture);
            wb.write(out);
            return out.toByteArray();
        }
    }

    /**
     * RTF as Word writes an embedded object: {@code \\object\\objemb}, the class, the OLE 1
     * stream in hex under {@code \\objdata} (in lines of 128 digits), and a result for old
     * readers that says nothing.
     */
    static byte[] rtfWithObject(String className, byte[] nativeData) throws IOException {
        ByteArrayOutputStream ole1 = new ByteArrayOutputStream();
        java.io.DataOutputStream d = new java.io.DataOutputStream(ole1);
        d.writeInt(Integer.reverseBytes(0x0501));
        d.writeInt(Integer.reverseBytes(2)); // embedded
        byte[] cls = (className + "\0").getBytes(StandardCharsets.ISO_8859_1);
        d.writeInt(Integer.reverseBytes(cls.length));
        d.write(cls);
        d.writeInt(0); // topic
        d.writeInt(0); // item
        d.writeInt(Integer.reverseBytes(nativeData.length));
        d.write(nativeData);
        StringBuilder hex = new StringBuilder();
        byte[] b = ole1.toByteArray();
        for (int i = 0; i < b.length; i++) {
            hex.append(String.format("%02x", b[i] & 0xFF));
            if (i % 64 == 63) {
                hex.append("\r\n");
            }
        }
        String rtf = "{\\rtf1\\ansi\\ansicpg936{\\fonttbl\\f0 SimSun;}\\f0 \\u35265?\\u38468?\\u20214?\\par "
                + "{\\object\\objemb\\objw2000\\objh1000{\\*\\objclass " + className + "}{\\*\\objdata\r\n" + hex
                + "}{\\result {\\pict\\wmetafile8 0100}}}\\par}";
        return rtf.getBytes(StandardCharsets.US_ASCII);
    }

    /** The native data of an OLE 1 {@code Package} object: a packaged file, as the Packager writes it. */
    static byte[] packagerData(String fileName, byte[] file) throws IOException {
        org.apache.poi.poifs.filesystem.Ole10Native n = new org.apache.poi.poifs.filesystem.Ole10Native(fileName, fileName,
                fileName, file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        n.writeOut(out);
        byte[] b = out.toByteArray();
        return java.util.Arrays.copyOfRange(b, 4, b.length); // without the stream's length prefix
    }

    /**
     * A packaged file as Office 2003 and WPS write it on a Chinese system: an Ole10Native stream
     * (without its length prefix) whose label, file name and command are ANSI only, in GBK, with
     * no Unicode copies after the data. Laid out byte by byte (POI's writer encodes them as UTF-8).
     */
    static byte[] ansiPackagerData(String fileName, byte[] file) {
        byte[] name = fileName.getBytes(Charset.forName("GBK"));
        byte[] path = ("C:\\文件\\" + fileName).getBytes(Charset.forName("GBK"));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(2 + name.length + 1 + path.length + 1 + 4 + 4 + path.length + 1
                + 4 + file.length + 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 2).put(name).put((byte) 0).put(path).put((byte) 0);
        b.putShort((short) 0).putShort((short) 3).putInt(path.length + 1).put(path).put((byte) 0);
        b.putInt(file.length).put(file).putShort((short) 0); // then nothing: no Unicode names
        return b.array();
    }

    /**
     * An Outlook message (MS-OXMSG) with one attached file, written as Outlook lays it out in
     * its compound file: the subject and body as Unicode property streams, the attachment in
     * its own storage with its long file name and data.
     */
    static byte[] msg(String subject, String body, String attachmentName, byte[] attachment) throws IOException {
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var root = fs.getRoot();
            java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            header.position(8);
            header.putInt(0).putInt(1).putInt(0).putInt(1); // next recipient and attachment ids, counts
            root.createDocument("__properties_version1.0", new java.io.ByteArrayInputStream(header.array()));
            root.createDocument("__substg1.0_0037001F", new java.io.ByteArrayInputStream(unicode(subject)));
            root.createDocument("__substg1.0_1000001F", new java.io.ByteArrayInputStream(unicode(body)));
            var attach = root.createDirectory("__attach_version1.0_#00000000");
            attach.createDocument("__properties_version1.0", new java.io.ByteArrayInputStream(new byte[8]));
            attach.createDocument("__substg1.0_3707001F", new java.io.ByteArrayInputStream(unicode(attachmentName)));
            attach.createDocument("__substg1.0_37010102", new java.io.ByteArrayInputStream(attachment));
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static byte[] unicode(String s) {
        return (s + "\0").getBytes(StandardCharsets.UTF_16LE);
    }

    static byte[] pptx(String slide1, String slide2) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            show.createSlide().createTextBox().setText(slide1);
            show.createSlide().createTextBox().setText(slide2);
            show.write(out);
            return out.toByteArray();
        }
    }

    /** A workbook whose marking is only in a text box drawn on its second sheet, {@code sheetName}. */
    static byte[] xlsxWithTextBox(String sheetName, String box) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("封面").createRow(0).createCell(0).setCellValue("2024年度统计");
            XSSFSheet sheet = wb.createSheet(sheetName);
            sheet.createRow(0).createCell(0).setCellValue("办公用品");
            sheet.createDrawingPatriarch().createTextbox(new XSSFClientAnchor(0, 0, 0, 0, 20, 20, 26, 24))
                    .setText(new org.apache.poi.xssf.usermodel.XSSFRichTextString(box));
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** A workbook with a bar chart of its cells, titled {@code title}. */
    static byte[] xlsxChart(String title) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("经费");
            for (int i = 0; i < 3; i++) {
                org.apache.poi.xssf.usermodel.XSSFRow row = sheet.createRow(i);
                row.createCell(0).setCellValue("项目" + (i + 1));
                row.createCell(1).setCellValue(100 * (i + 1));
            }
            org.apache.poi.xssf.usermodel.XSSFChart chart = sheet.createDrawingPatriarch()
                    .createChart(new XSSFClientAnchor(0, 0, 0, 0, 3, 3, 10, 15));
            chart.setTitleText(title);
            org.apache.poi.xddf.usermodel.chart.XDDFChartData data = chart.createData(
                    org.apache.poi.xddf.usermodel.chart.ChartTypes.BAR,
                    chart.createCategoryAxis(org.apache.poi.xddf.usermodel.chart.AxisPosition.BOTTOM),
                    chart.createValueAxis(org.apache.poi.xddf.usermodel.chart.AxisPosition.LEFT));
            data.addSeries(org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory.fromStringCellRange(sheet,
                            new org.apache.poi.ss.util.CellRangeAddress(0, 2, 0, 0)),
                    org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                            new org.apache.poi.ss.util.CellRangeAddress(0, 2, 1, 1)));
            chart.plot(data);
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** A Word document with a paragraph of {@code body} and a chart titled {@code title}. */
    static byte[] docxChart(String body, String title) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(body);
            doc.createChart(5_000_000, 3_000_000).setTitleText(title);
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** A presentation whose slides say nothing marked; {@code text} is in a text box on the first slide layout. */
    static byte[] pptxWithLayoutText(String text) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            org.apache.poi.xslf.usermodel.XSLFSlideLayout layout = show.getSlideMasters().get(0).getSlideLayouts()[0];
            layout.createTextBox().setText(text);
            show.createSlide(layout).createTextBox().setText("工作汇报");
            show.write(out);
            return out.toByteArray();
        }
    }

    /**
     * A presentation whose only marking is on its notes master, where the header of its notes
     * pages and handouts is kept (POI writes the master from its template when notes are made).
     */
    static byte[] pptxWithNotesMasterText(String text) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            org.apache.poi.xslf.usermodel.XSLFSlide slide = show.createSlide();
            slide.createTextBox().setText("工作汇报");
            show.getNotesSlide(slide);
            show.getNotesMaster().createTextBox().setText(text);
            show.write(out);
            return out.toByteArray();
        }
    }

    /** A presentation whose second slide holds a chart titled {@code title}. */
    static byte[] pptxChart(String slide1, String title) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            show.createSlide().createTextBox().setText(slide1);
            org.apache.poi.xslf.usermodel.XSLFChart chart = show.createChart();
            chart.setTitleText(title);
            show.createSlide().addChart(chart, new java.awt.geom.Rectangle2D.Double(50, 50, 400, 300));
            show.write(out);
            return out.toByteArray();
        }
    }

    /**
     * A Word document with a SmartArt diagram, as Word saves one: the diagram's data part
     * ({@code word/diagrams/data1.xml}, its nodes' text) and the drawing Word caches of it
     * ({@code drawing1.xml}, the same text again). POI does not write SmartArt; the parts are
     * laid out as ECMA-376 Part 1, 21.4, has them.
     */
    static byte[] docxWithSmartArt(String body, String node) throws IOException {
        String a = "http://schemas.openxmlformats.org/drawingml/2006/main";
        String data = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<dgm:dataModel xmlns:dgm=\"http://schemas.openxmlformats.org/drawingml/2006/diagram\" xmlns:a=\"" + a + "\">"
                + "<dgm:ptLst><dgm:pt modelId=\"{0}\" type=\"doc\"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:lstStyle/>"
                + "<a:p><a:endParaRPr lang=\"zh-CN\"/></a:p></dgm:t></dgm:pt>"
                + "<dgm:pt modelId=\"{1}\"><dgm:prSet phldrT=\"[文本]\"/><dgm:spPr/><dgm:t><a:bodyPr/><a:lstStyle/>"
                + "<a:p><a:r><a:rPr lang=\"zh-CN\"/><a:t>" + node + "</a:t></a:r></a:p></dgm:t></dgm:pt>"
                + "<dgm:pt modelId=\"{2}\"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:lstStyle/>"
                + "<a:p><a:r><a:rPr lang=\"zh-CN\"/><a:t>组织实施</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst>"
                + "<dgm:cxnLst><dgm:cxn modelId=\"{3}\" srcId=\"{0}\" destId=\"{1}\" srcOrd=\"0\" destOrd=\"0\"/></dgm:cxnLst>"
                + "<dgm:bg/><dgm:whole/></dgm:dataModel>";
        String drawing = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<dsp:drawing xmlns:dsp=\"http://schemas.microsoft.com/office/drawing/2008/diagram\" xmlns:a=\"" + a + "\">"
                + "<dsp:spTree><dsp:sp modelId=\"{4}\"><dsp:txBody><a:bodyPr/><a:p><a:r><a:t>" + node + "</a:t></a:r></a:p>"
                + "</dsp:txBody></dsp:sp></dsp:spTree></dsp:drawing>";
        return withParts(docx(body, null, null, null, null), new String[][] {
            {"word/diagrams/data1.xml", data}, {"word/diagrams/drawing1.xml", drawing},
        });
    }

    /** The package {@code zip} with {@code parts} (name, UTF-8 content) added. */
    static byte[] withParts(byte[] zip, String[][] parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                z.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(z);
                z.closeEntry();
            }
            for (String[] p : parts) {
                z.putNextEntry(new ZipEntry(p[0]));
                z.write(p[1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * A ppt whose one slide holds only WordArt saying {@code text}, as PowerPoint 97-2003 keeps
     * it: no text records, the string a property of the shape (gtextUNICODE, NUL-terminated).
     */
    static byte[] pptWordArt(String text) throws IOException {
        try (var show = new org.apache.poi.hslf.usermodel.HSLFSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var slide = show.createSlide();
            var art = new org.apache.poi.hslf.usermodel.HSLFAutoShape(org.apache.poi.sl.usermodel.ShapeType.TEXT_PLAIN_TEXT);
            art.setAnchor(new java.awt.Rectangle(100, 100, 400, 100));
            slide.addShape(art);
            byte[] data = (text + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
            var property = new org.apache.poi.ddf.EscherComplexProperty(org.apache.poi.ddf.EscherPropertyTypes.GEOTEXT__UNICODE,
                    false, data.length);
            property.setComplexData(data);
            art.getEscherOptRecord().addEscherProperty(property);
            show.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xls(String sheetName, String cell) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet(sheetName).createRow(0).createCell(0).setCellValue(cell);
            wb.write(out);
            return out.toByteArray();
        }
    }

    static byte[] pdf(String line, String ownerPassword, String userPassword) throws IOException {
        return pdf(line, (doc, page) -> {
            if (userPassword != null) {
                StandardProtectionPolicy p = new StandardProtectionPolicy(ownerPassword, userPassword, new AccessPermission());
                p.setEncryptionKeyLength(128);
                doc.protect(p);
            }
        });
    }

    /**
     * A one-page PDF whose page says nothing marked, with {@code extra} applied: the places a
     * PDF keeps text besides its pages.
     */
    static byte[] pdfWith(PdfExtra extra) throws IOException {
        return pdf("Budget notes for the year.", extra);
    }

    /** A one-page PDF showing {@code line}, with {@code extra} applied before it is saved. */
    private static byte[] pdf(String line, PdfExtra extra) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                showLine(cs, Standard14Fonts.FontName.HELVETICA, 12, 50, 700, line);
            }
            extra.apply(doc, page);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** One line of text in a standard font at (x, y). */
    private static void showLine(PDPageContentStream cs, Standard14Fonts.FontName font, float size, float x, float y,
                                 String text) throws IOException {
        cs.beginText();
        cs.setFont(new PDType1Font(font), size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    /** Something added to a PDF. */
    interface PdfExtra {
        void apply(PDDocument doc, PDPage page) throws IOException;
    }

    /** An attachment of the document (its EmbeddedFiles name tree), as "attach a file" makes. */
    static PdfExtra attachment(String name, byte[] content) {
        return (doc, page) -> {
            org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification spec = fileSpec(doc, name, content);
            org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode tree = new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
            tree.setNames(java.util.Map.of(name, spec));
            org.apache.pdfbox.pdmodel.PDDocumentNameDictionary names =
                    new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
        };
    }

    /** A file attached to the page by a file-attachment annotation (the paper-clip icon). */
    static PdfExtra attachedToPage(String name, byte[] content) {
        return (doc, page) -> {
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment a =
                    new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment();
            a.setFile(fileSpec(doc, name, content));
            a.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(50, 600, 20, 20));
            page.getAnnotations().add(a);
        };
    }

    private static org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification fileSpec(
            PDDocument doc, String name, byte[] content) throws IOException {
        org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile file =
                new org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile(doc,
                        new java.io.ByteArrayInputStream(content), org.apache.pdfbox.cos.COSName.FLATE_DECODE);
        file.setSize(content.length);
        org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification spec =
                new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
        spec.setFile("attachment.bin");
        spec.setFileUnicode(name);
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        return spec;
    }

    /** A form whose text field was filled in with {@code value} (its value only, as a form filler saves it). */
    static PdfExtra formValue(String value) {
        return (doc, page) -> {
            org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm form = new org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            org.apache.pdfbox.pdmodel.interactive.form.PDTextField field = new org.apache.pdfbox.pdmodel.interactive.form.PDTextField(form);
            field.setPartialName("classification");
            field.getCOSObject().setString(org.apache.pdfbox.cos.COSName.V, value);
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(400, 740, 150, 20));
            widget.setPage(page);
            page.getAnnotations().add(widget);
            form.getFields().add(field);
        };
    }

    /** A bookmark titled {@code title}. */
    static PdfExtra bookmark(String title) {
        return (doc, page) -> {
            org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline outline =
                    new org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline();
            org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem item =
                    new org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem();
            item.setTitle("第一章 总则");
            outline.addLast(item);
            org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem child =
                    new org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem();
            child.setTitle(title);
            item.addLast(child);
            doc.getDocumentCatalog().setDocumentOutline(outline);
        };
    }

    /** A custom entry of the document information dictionary, as a marking tool writes one. */
    static PdfExtra info(String key, String value) {
        return (doc, page) -> doc.getDocumentInformation().setCustomMetadataValue(key, value);
    }

    /** One of PDF's standard rubber stamps ({@code /TopSecret}, {@code /Confidential}, ...). */
    static PdfExtra stamp(String name) {
        return (doc, page) -> {
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationRubberStamp s =
                    new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationRubberStamp();
            s.setName(name);
            s.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(400, 700, 150, 50));
            page.getAnnotations().add(s);
        };
    }

    /**
     * A custom rubber stamp, as Acrobat makes one from a page: named {@code #D…}, its appearance
     * a form that draws {@code words} as text.
     */
    static PdfExtra customStamp(String words) {
        return (doc, page) -> {
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationRubberStamp s =
                    new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationRubberStamp();
            s.setName("#D3kT9xQ2mLw0aVbN");
            org.apache.pdfbox.pdmodel.common.PDRectangle box = new org.apache.pdfbox.pdmodel.common.PDRectangle(400, 700, 150, 50);
            s.setRectangle(box);
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream look =
                    new org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream(doc);
            look.setBBox(new org.apache.pdfbox.pdmodel.common.PDRectangle(0, 0, 150, 50));
            look.setResources(new org.apache.pdfbox.pdmodel.PDResources());
            try (PDPageContentStream cs = new PDPageContentStream(doc, look)) {
                showLine(cs, Standard14Fonts.FontName.HELVETICA_BOLD, 14, 10, 20, words);
            }
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary ap =
                    new org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary();
            ap.setNormalAppearance(look);
            s.setAppearance(ap);
            page.getAnnotations().add(s);
        };
    }

    /** OpenDocument text: the zip layout of ODF 1.2 with a header in styles.xml. */
    static byte[] odt(String body, String header) throws IOException {
        return zip(new String[][] {
            {"mimetype", "application/vnd.oasis.opendocument.text"},
            {"content.xml", "<?xml version=\"1.0\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text><text:p>" + body
                + "</text:p></office:text></office:body></office:document-content>"},
            {"styles.xml", "<?xml version=\"1.0\"?><office:document-styles xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"
                + "<office:master-styles><style:master-page><style:header><text:p>" + header
                + "</text:p></style:header></style:master-page></office:master-styles></office:document-styles>"},
            {"meta.xml", "<?xml version=\"1.0\"?><office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"},
        });
    }

    /** OFD (GB/T 33190): OFD.xml, a document root and one page of TextObjects. */
    static byte[] ofd(String pageText) throws IOException {
        return ofd("", "<ofd:TextObject ID=\"2\"><ofd:TextCode X=\"0\" Y=\"10\">" + pageText + "</ofd:TextCode></ofd:TextObject>",
                null, null);
    }

    /**
     * An OFD whose document information ends with {@code info} (e.g. custom data), whose one page
     * holds {@code layer} (text objects), and which carries {@code attachment} (or none) as the
     * file {@code attachmentName} of its attachments (GB/T 33190: {@code Attachs/Attachments.xml}).
     */
    static byte[] ofd(String info, String layer, String attachmentName, byte[] attachment) throws IOException {
        return ofd(info, layer, attachmentName, attachment, Map.of());
    }

    /** The same with more parts (their XML bodies; the namespace prefix {@code ofd} declared on their root by the caller). */
    static byte[] ofd(String info, String layer, String attachmentName, byte[] attachment, Map<String, String> more)
            throws IOException {
        String ns = OFD_NS;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            Map<String, byte[]> parts = new java.util.LinkedHashMap<>();
            parts.put("OFD.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD " + ns + " Version=\"1.0\"><ofd:DocBody>"
                    + "<ofd:DocInfo><ofd:DocID>6c1b6a</ofd:DocID><ofd:Title>报告</ofd:Title><ofd:Creator>OFD Writer</ofd:Creator>" + info
                    + "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>").getBytes(StandardCharsets.UTF_8));
            parts.put("Doc_0/Document.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document " + ns + "><ofd:Pages>"
                    + "<ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages>"
                    + (attachment == null ? "" : "<ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>")
                    + "</ofd:Document>").getBytes(StandardCharsets.UTF_8));
            parts.put("Doc_0/Pages/Page_0/Content.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page " + ns
                    + "><ofd:Content><ofd:Layer ID=\"1\">" + layer + "</ofd:Layer></ofd:Content></ofd:Page>").getBytes(StandardCharsets.UTF_8));
            if (attachment != null) {
                parts.put("Doc_0/Attachs/Attachments.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Attachments " + ns
                        + "><ofd:Attachment ID=\"9\" Name=\"附件1\" Visible=\"true\"><ofd:FileLoc>" + attachmentName
                        + "</ofd:FileLoc></ofd:Attachment></ofd:Attachments>").getBytes(StandardCharsets.UTF_8));
                parts.put("Doc_0/Attachs/" + attachmentName, attachment);
            }
            more.forEach((name, xml) -> parts.put(name, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml).getBytes(StandardCharsets.UTF_8)));
            for (Map.Entry<String, byte[]> e : parts.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static final String OFD_NS = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";

    /**
     * A line of an OFD page as converters of 公文 write it: one text object per character, each
     * {@code size} millimetres wide, from ({@code x}, {@code y}); a space leaves a character's gap.
     */
    static String ofdGlyphs(double x, double y, double size, String line) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) != ' ') {
                sb.append("<ofd:TextObject ID=\"").append(100 + i).append("\" Boundary=\"").append(x + i * size).append(' ').append(y)
                        .append(' ').append(size).append(' ').append(size).append("\" Font=\"3\" Size=\"").append(size)
                        .append("\"><ofd:TextCode X=\"0\" Y=\"").append(size * 0.85).append("\">").append(line.charAt(i))
                        .append("</ofd:TextCode></ofd:TextObject>");
            }
        }
        return sb.toString();
    }

    static byte[] zip(String[][] entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (String[] e : entries) {
                z.putNextEntry(new ZipEntry(e[0]));
                z.write(e[1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] zipOf(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry(name));
            z.write(content);
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

    static byte[] tarGz(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(tar(name, content));
        }
        return bytes.toByteArray();
    }

    /** A tar holding one file. */
    static byte[] tar(String name, byte[] content) throws IOException {
        return tar("UTF-8", false, content, name);
    }

    /**
     * A tar whose names are written in {@code encoding} (in pax headers instead when {@code pax} and
     * a name is not ASCII), each file holding {@code content}; a name ending in "/" is a folder.
     */
    static byte[] tar(String encoding, boolean pax, byte[] content, String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, encoding)) {
            tar.setAddPaxHeadersForNonAsciiNames(pax);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String name : names) {
                boolean folder = name.endsWith("/");
                TarArchiveEntry e = new TarArchiveEntry(name);
                e.setSize(folder ? 0 : content.length);
                tar.putArchiveEntry(e);
                if (!folder) {
                    tar.write(content);
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static void sevenZ(Path target, String name, byte[] content) throws IOException {
        try (SevenZOutputFile z = new SevenZOutputFile(target.toFile())) {
            SevenZArchiveEntry e = new SevenZArchiveEntry();
            e.setName(name);
            z.putArchiveEntry(e);
            z.write(content);
            z.closeArchiveEntry();
        }
    }

    /**
     * A message whose body is {@code plain} and {@code html} as multipart/alternative (as Outlook,
     * Foxmail and most mail programs send it), or {@code html} alone when {@code plain} is null.
     */
    static byte[] emlBody(String subject, String plain, String html) {
        String subj = "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=";
        String head = "From: a@example.org\r\nTo: b@example.org\r\nSubject: " + subj + "\r\nMIME-Version: 1.0\r\n";
        String htmlPart = "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)) + "\r\n";
        if (plain == null) {
            return (head + htmlPart).getBytes(StandardCharsets.UTF_8);
        }
        return (head + "Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n--alt\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + plain + "\r\n--alt\r\n"
                + htmlPart + "--alt--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] eml(String subject, String body, String attachmentName, byte[] attachment) {
        String boundary = "b0undary";
        String b64 = java.util.Base64.getMimeEncoder().encodeToString(attachment);
        String subj = "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=";
        String s = "From: a@example.org\r\nTo: b@example.org\r\nSubject: " + subj + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n--" + boundary + "\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"=?UTF-8?B?"
                + java.util.Base64.getEncoder().encodeToString(attachmentName.getBytes(StandardCharsets.UTF_8)) + "?=\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + b64 + "\r\n--" + boundary + "--\r\n";
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] encryptedDocx(byte[] docx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(docx);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    static byte[] text(String s, Charset cs) {
        return s.getBytes(cs);
    }

    /**
     * An Excel 5.0/95 workbook (BIFF5, stream {@code Book}), as old report systems export: one
     * sheet {@code sheetName} whose cells are {@code cells} (one a row, GBK, code page 936), and
     * a title in its summary properties when {@code title} is not null. Written record by record
     * (BOF, CODEPAGE, BOUNDSHEET, EOF; the sheet's BOF, LABELs, EOF): nothing writes BIFF5 today.
     */
    static byte[] excel95(String sheetName, String title, String... cells) throws Exception {
        Charset gbk = Charset.forName("GBK");
        ByteArrayOutputStream sheet = new ByteArrayOutputStream();
        biffRecord(sheet, 0x0809, shorts(0x0500, 0x0010, 0, 0));
        for (int row = 0; row < cells.length; row++) {
            byte[] text = cells[row].getBytes(gbk);
            biffRecord(sheet, 0x0204, java.nio.ByteBuffer.allocate(8 + text.length).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .putShort((short) row).putShort((short) 0).putShort((short) 15).putShort((short) text.length).put(text).array());
        }
        biffRecord(sheet, 0x000A, new byte[0]);
        byte[] name = sheetName.getBytes(gbk);
        ByteArrayOutputStream book = new ByteArrayOutputStream();
        biffRecord(book, 0x0809, shorts(0x0500, 0x0005, 0, 0));
        biffRecord(book, 0x0042, shorts(936));
        int sheetAt = book.size() + 4 + 7 + name.length + 4; // after BOUNDSHEET and EOF
        biffRecord(book, 0x0085, java.nio.ByteBuffer.allocate(7 + name.length).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(sheetAt).putShort((short) 0).put((byte) name.length).put(name).array());
        biffRecord(book, 0x000A, new byte[0]);
        book.writeBytes(sheet.toByteArray());
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new java.io.ByteArrayInputStream(book.toByteArray()), "Book");
            if (title != null) {
                org.apache.poi.hpsf.SummaryInformation si = org.apache.poi.hpsf.PropertySetFactory.newSummaryInformation();
                si.setTitle(title);
                si.write(fs.getRoot(), org.apache.poi.hpsf.SummaryInformation.DEFAULT_STREAM_NAME);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static void biffRecord(ByteArrayOutputStream out, int type, byte[] data) {
        out.writeBytes(java.nio.ByteBuffer.allocate(4 + data.length).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putShort((short) type).putShort((short) data.length).put(data).array());
    }

    private static byte[] shorts(int... values) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(values.length * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    /**
     * A TNEF message ({@code winmail.dat}) with a subject, a plain body and one attachment, as
     * Outlook writes it (MS-OXTNEF): with {@code unicode}, the body and the attachment's long
     * file name as MAPI properties in UTF-16 (and the attachment's short title in ASCII), a body
     * that is RTF ({@code {\\rtf...}}) as the rich-text body PR_RTF_COMPRESSED; else
     * only the older attributes, their strings in the OEM code page 936 (GBK).
     */
    static byte[] tnef(String subject, String body, String attachmentName, byte[] attachment, boolean unicode) {
        Charset gbk = Charset.forName("GBK");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x78, (byte) 0x9F, 0x3E, 0x22, 0x01, 0x00}); // signature, legacy key
        tnefAttribute(out, 1, 0x00089006, new byte[] {0, 0, 1, 0}); // attTnefVersion
        tnefAttribute(out, 1, 0x00069007, le32(936, 0)); // attOemCodepage
        tnefAttribute(out, 1, 0x00018004, (subject + "\0").getBytes(gbk)); // attSubject
        if (unicode && body.startsWith("{\\rtf")) {
            // attMsgProps: PR_RTF_COMPRESSED, stored uncompressed (MS-OXRTFCP: size, raw size, "MELA", CRC 0).
            byte[] rtf = body.getBytes(StandardCharsets.US_ASCII);
            byte[] value = java.nio.ByteBuffer.allocate(16 + rtf.length).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .putInt(rtf.length + 12).putInt(rtf.length).putInt(0x414C454D).putInt(0).put(rtf).array();
            tnefAttribute(out, 1, 0x00069003, mapiValue(0x0102, 0x1009, value));
        } else if (unicode) {
            tnefAttribute(out, 1, 0x00069003, mapiString(0x1000, body)); // attMsgProps: PR_BODY_W
        } else {
            tnefAttribute(out, 1, 0x0002800C, (body + "\0").getBytes(gbk)); // attBody
        }
        // attAttachRenddata (a file attachment), attAttachTitle, attAttachData, attAttachment.
        tnefAttribute(out, 2, 0x00069002, java.nio.ByteBuffer.allocate(14).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 1).putInt(-1).putShort((short) 0).putShort((short) 0).putInt(0).array());
        tnefAttribute(out, 2, 0x00018010, ((unicode ? "ATTACH~1.TXT" : attachmentName) + "\0").getBytes(gbk));
        tnefAttribute(out, 2, 0x0006800F, attachment);
        if (unicode) {
            tnefAttribute(out, 2, 0x00069005, mapiString(0x3707, attachmentName)); // PR_ATTACH_LONG_FILENAME_W
        }
        return out.toByteArray();
    }

    /** One TNEF attribute: level, id (type and number), length, data, checksum (the sum of the data's bytes). */
    private static void tnefAttribute(ByteArrayOutputStream out, int level, int id, byte[] data) {
        int sum = 0;
        for (byte b : data) {
            sum += b & 0xFF;
        }
        out.writeBytes(java.nio.ByteBuffer.allocate(11 + data.length).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .put((byte) level).putInt(id).putInt(data.length).put(data).putShort((short) sum).array());
    }

    /** A MAPI property list of one PT_UNICODE property {@code id}. */
    private static byte[] mapiString(int id, String value) {
        return mapiValue(0x001F, id, (value + "\0").getBytes(StandardCharsets.UTF_16LE));
    }

    /** A MAPI property list of one variable-length property: count, tag (type, id), one value, its length, bytes, padding. */
    private static byte[] mapiValue(int type, int id, byte[] value) {
        int padded = (value.length + 3) / 4 * 4;
        return java.nio.ByteBuffer.allocate(16 + padded).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(1).putShort((short) type).putShort((short) id).putInt(1).putInt(value.length).put(value).array();
    }

    private static byte[] le32(int... values) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(values.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    /**
     * {@code zip} with its parts renamed as another writer might name them ({@code renames}:
     * old file name to new), and every mention of the old names in its XML and relationship
     * parts changed with them, so the package stays whole.
     */
    static byte[] renamed(byte[] zip, Map<String, String> renames) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
             java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName();
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (Map.Entry<String, String> r : renames.entrySet()) {
                    name = name.replace(r.getKey(), r.getValue());
                    text = text.replace(r.getKey(), r.getValue());
                }
                z.putNextEntry(new java.util.zip.ZipEntry(name));
                z.write(text.getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static void write(Path dir, String name, byte[] data) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, data);
    }
}
