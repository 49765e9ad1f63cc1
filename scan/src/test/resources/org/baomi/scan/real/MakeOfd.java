import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.ofdrw.core.annotation.pageannot.AnnotType;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.core.basicStructure.ofd.docInfo.CustomDatas;
import org.ofdrw.converter.ofdconverter.ImageConverter;
import org.ofdrw.converter.ofdconverter.PDFConverter;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.edit.Annotation;
import org.ofdrw.layout.edit.Attachment;
import org.ofdrw.layout.element.Img;
import org.ofdrw.layout.element.PageAreaFiller;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.canvas.FontSetting;

/**
 * The OFD documents of RealDocumentsTest, written by a real OFD writer (ofdrw, the open-source
 * Java implementation of GB/T 33190; make_ofd.sh fetches it from Maven Central and runs this
 * file): a memo marked on its first line, one marked only in a custom data 密级, one whose only
 * marking is in an attached docx, one marked only by a watermark annotation, a memo that only
 * talks about secrecy, and the marked memo's PDF converted to OFD by ofdrw's converter (which
 * draws the text as outlines: nothing to read without OCR); and the marked memo's first page
 * scanned (a picture of it at 110 ppi) as a scanner's OFD of one page (ofdrw's image converter),
 * and behind a typed page.
 *
 *   java -cp OFDRW_CLASSPATH MakeOfd.java DIR SCAN.png
 */
public class MakeOfd {
    private static final String TITLE = "关于做好2026年度保密自查自评工作的通知";
    private static final String BODY = "各科室、各直属单位：根据上级保密工作部门的统一部署，现就做好本年度保密自查自评工作通知如下。"
            + "请各单位高度重视，认真组织开展自查，如实填写自查表，于十二月十日前报送办公室。";

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args[0]);
        memo(dir.resolve("marked-ofdmemo.ofd"), "机密★10年");
        try (OFDDoc doc = new OFDDoc(dir.resolve("marked-ofdproperty.ofd"))) {
            body(doc);
            CT_DocInfo info = doc.getOfdDir().getOfd().getDocBody().getDocInfo();
            info.setTile("自查工作通知");
            CustomDatas custom = new CustomDatas();
            custom.addCustomData("密级", "机密★10年");
            info.setCustomDatas(custom);
        }
        try (OFDDoc doc = new OFDDoc(dir.resolve("marked-ofdattachment.ofd"))) {
            body(doc);
            doc.addAttachment(new Attachment("附件1", dir.resolve("marked-footer.docx")));
        }
        Path plain = dir.resolve("clean-ofdmemo.ofd");
        memo(plain, null);
        // A watermark annotation (Type="Watermark") on the first page of the clean memo.
        try (OFDDoc doc = new OFDDoc(new org.ofdrw.reader.OFDReader(plain), dir.resolve("marked-ofdwatermark.ofd"))) {
            doc.addAnnotation(1, new Annotation(40d, 120d, 130d, 40d, AnnotType.Watermark, ctx -> {
                ctx.setFont(new FontSetting(30d, org.ofdrw.font.FontName.SimSun.font()));
                ctx.fillText("机密", 30d, 30d);
            }));
        }
        try (PDFConverter converter = new PDFConverter(dir.resolve("outlined-memo.ofd"))) {
            converter.convert(dir.resolve("marked-body.pdf"));
        }
        Path scan = Paths.get(args[1]);
        try (ImageConverter converter = new ImageConverter(dir.resolve("scanned-memo.ofd"))) {
            converter.append(scan, 210d, 297d);
        }
        try (OFDDoc doc = new OFDDoc(dir.resolve("scanned-partly.ofd"))) {
            body(doc);
            doc.add(new PageAreaFiller());
            doc.add(new Img(150d, 212d, scan));
        }
        System.out.println("written " + Files.list(dir).filter(p -> p.toString().endsWith(".ofd")).count() + " OFD files");
    }

    private static void memo(Path out, String marking) throws Exception {
        try (OFDDoc doc = new OFDDoc(out)) {
            if (marking != null) {
                doc.add(new Paragraph(marking, 5d));
            }
            body(doc);
        }
    }

    private static void body(OFDDoc doc) {
        doc.add(new Paragraph(TITLE, 7d));
        doc.add(new Paragraph(BODY, 5d));
        doc.add(new Paragraph("保守国家秘密是每个公民的义务，秘密载体的管理必须严格按照规定执行。", 5d));
    }
}
