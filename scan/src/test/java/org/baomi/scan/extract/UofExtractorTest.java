package org.baomi.scan.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.baomi.scan.engine.FileStatus;
import org.baomi.scan.engine.Limits;
import org.baomi.scan.engine.Location;
import org.junit.jupiter.api.Test;

/**
 * The UOF 1.0 reader (GB/T 20916): text only from the runs, each part where a person sees it,
 * drawings where they are anchored, embedded objects decoded as they stream. The documents are
 * written here in the shape LibreOffice 7.4 and the standard give them.
 */
class UofExtractorTest {
    private static final String ROOT = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<uof:UOF xmlns:uof=\"http://schemas.uof.org/cn/2003/uof\" xmlns:字=\"http://schemas.uof.org/cn/2003/uof-wordproc\""
            + " xmlns:表=\"http://schemas.uof.org/cn/2003/uof-spreadsheet\" xmlns:演=\"http://schemas.uof.org/cn/2003/uof-slideshow\""
            + " xmlns:图=\"http://schemas.uof.org/cn/2003/graph\" uof:language=\"cn\" uof:version=\"1.0\" uof:mimetype=\"%s\">";

    private static String doc(String mimetype, String body) {
        return String.format(ROOT, mimetype) + body + "</uof:UOF>";
    }

    private static String para(String text) {
        return "<字:段落><字:段落属性 字:式样引用=\"Standard\"/><字:句><字:句属性 字:式样引用=\"Standard\"/><字:文本串>" + text
                + "</字:文本串></字:句></字:段落>";
    }

    private static String shape(String id, String text) {
        return "<图:图形 图:标识符=\"" + id + "\" 图:层次=\"0\"><图:预定义图形><图:类别>3</图:类别><图:名称>文本框</图:名称>"
                + "<图:生成软件>PNG</图:生成软件></图:预定义图形><图:文本内容>" + para(text) + "</图:文本内容></图:图形>";
    }

    private static String anchor(String id) {
        return "<字:句><字:锚点 字:类型=\"normal\"><字:锚点属性><字:宽度/></字:锚点属性><字:图形 字:图形引用=\"" + id
                + "\"/></字:锚点></字:句>";
    }

    record Read(Map<String, String> text, Map<String, byte[]> nested) {
    }

    private static Read read(String xml) throws Exception {
        return read(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static Read read(byte[] bytes) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, byte[]> nested = new LinkedHashMap<>();
        new UofExtractor().extract(new Source.InMemory("t.uot", bytes), new ExtractionContext() {
            @Override
            public void text(Location location, CharSequence text) {
                out.merge(location.label(), text.toString().strip(), (a, b) -> a + "|" + b);
            }

            @Override
            public void nested(String name, InputStream in, long declaredSize, long compressedSize) throws java.io.IOException {
                nested.put(name, in.readAllBytes());
            }

            @Override
            public Limits limits() {
                return Limits.defaults();
            }

            @Override
            public void checkDeadline() {
            }
        });
        return new Read(out, nested);
    }

    /** The settings' values ("portrait", "new-page") that a generic XML reader glues to a marking are not text. */
    @Test
    void textComesFromTheRunsAndEachPartIsWhereAPersonSeesIt() throws Exception {
        Read r = read(doc("vnd.uof.text", "<uof:元数据><uof:标题>秘密★1年</uof:标题><uof:创建者>王明</uof:创建者>"
                + "<uof:创建应用程序>WPS Office 机密版</uof:创建应用程序><uof:创建日期>2026-11-21T10:00:00</uof:创建日期>"
                + "<uof:页数>3</uof:页数><uof:关键字集><uof:关键字>自查</uof:关键字><uof:关键字>通知</uof:关键字></uof:关键字集>"
                + "<uof:用户自定义元数据集><uof:用户自定义元数据 uof:名称=\"密级\" uof:类型=\"string\">机密★10年</uof:用户自定义元数据>"
                + "</uof:用户自定义元数据集></uof:元数据>"
                + "<uof:文字处理><字:公用处理规则><字:文档设置><字:当前视图>page</字:当前视图></字:文档设置>"
                + "<字:批注集><字:批注 字:作者=\"李四\">" + para("此件应定为机密★5年") + "</字:批注></字:批注集></字:公用处理规则>"
                + "<字:主体><字:分节><字:节属性><字:节类型>new-page</字:节类型>"
                + "<字:页眉><字:奇数页页眉>" + para("绝密★长期") + "</字:奇数页页眉></字:页眉>"
                + "<字:页脚><字:奇数页页脚>" + para("内部资料 注意保密") + "</字:奇数页页脚></字:页脚>"
                + "<字:纸张方向>portrait</字:纸张方向></字:节属性></字:分节>"
                + para("关于做好保密自查工作的通知")
                + "<字:段落><字:句><字:文本串>各科室</字:文本串><字:空格/><字:文本串>：</字:文本串></字:句>"
                + "<字:句><字:脚注>" + para("本件密级：机密★5年") + "</字:脚注></字:句></字:段落>"
                + "<字:文字表><字:文字表属性><字:对齐>left</字:对齐></字:文字表属性><字:行><字:单元格>" + para("密级")
                + "</字:单元格><字:单元格>" + para("秘密") + "</字:单元格></字:行></字:文字表>"
                + "</字:主体></uof:文字处理>"));
        assertThat(r.text()).containsEntry("metadata", "秘密★1年\n王明\n自查\n通知\n密级 机密★10年")
                .containsEntry("comment", "此件应定为机密★5年")
                .containsEntry("header", "绝密★长期")
                .containsEntry("footer", "内部资料 注意保密")
                .containsEntry("note", "本件密级：机密★5年")
                .containsEntry("paragraph", "关于做好保密自查工作的通知\n各科室 ：\n密级\n秘密");
        assertThat(String.join("", r.text().values())).doesNotContain("portrait", "new-page", "page", "WPS", "2026", "left");
    }

    /** A text box or a watermark lives in the object set; it is read where its anchor is, once. */
    @Test
    void drawingsAreReadWhereTheyAreAnchored() throws Exception {
        Read r = read(doc("vnd.uof.text", "<uof:对象集>" + shape("fr1", "机密★10年") + shape("gr1", "机密") + shape("gr2", "机密")
                + shape("gr9", "草稿") + "</uof:对象集>"
                + "<uof:文字处理><字:主体><字:分节><字:节属性><字:页眉><字:奇数页页眉><字:段落>" + anchor("gr1")
                + "<字:句><字:文本串>某某局办公室</字:文本串></字:句></字:段落></字:奇数页页眉></字:页眉></字:节属性></字:分节>"
                + para("标题") + "<字:段落>" + anchor("fr1") + "</字:段落>" + para("正文")
                + "</字:主体></uof:文字处理>"));
        assertThat(r.text()).containsEntry("header", "机密\n某某局办公室")
                .containsEntry("paragraph", "标题\n机密★10年\n正文");
        // gr2 says what the placed gr1 says (a watermark written for every page style): not read
        // twice. gr9 is anchored nowhere: read as a drawing.
        assertThat(r.text()).containsEntry("drawing", "草稿").hasSize(3);
    }

    @Test
    void aDrawingReferencedBeforeItIsDefinedGoesWhereItWasReferenced() throws Exception {
        Read r = read(doc("vnd.uof.text", "<uof:文字处理><字:主体><字:分节><字:节属性><字:页脚><字:奇数页页脚><字:段落>"
                + anchor("late") + "</字:段落></字:奇数页页脚></字:页脚></字:节属性></字:分节>" + para("正文")
                + "</字:主体></uof:文字处理><uof:对象集>" + shape("late", "SECRET//NOFORN") + "</uof:对象集>"));
        assertThat(r.text()).containsEntry("footer", "SECRET//NOFORN").doesNotContainKey("drawing");
    }

    @Test
    void sheetsAndTheirDrawings() throws Exception {
        Read r = read(doc("vnd.uof.spreadsheet", "<uof:对象集>" + shape("gr1_0", "机密") + "</uof:对象集>"
                + "<uof:电子表格><表:主体><表:工作表 表:名称=\"工资\" 表:隐藏=\"false\"><表:工作表属性><表:页面设置>"
                + "<表:纸张方向>portrait</表:纸张方向></表:页面设置></表:工作表属性><表:工作表内容>"
                + "<表:行><表:单元格><表:数据 表:数据类型=\"text\"><字:句><字:文本串>绝密</字:文本串></字:句></表:数据></表:单元格></表:行>"
                + "<表:行><表:单元格><表:数据><字:句><字:文本串>姓名</字:文本串></字:句></表:数据></表:单元格>"
                + "<表:单元格><表:数据><字:句><字:文本串>金额</字:文本串></字:句></表:数据></表:单元格></表:行>"
                + "<uof:锚点 uof:图形引用=\"gr1_0\" uof:随动方式=\"movesize\"/></表:工作表内容></表:工作表>"
                + "<表:工作表 表:名称=\"隐藏\"><表:工作表内容><表:行><表:单元格><表:数据><字:句><字:文本串>备注</字:文本串>"
                + "</字:句></表:数据></表:单元格></表:行></表:工作表内容></表:工作表></表:主体></uof:电子表格>"));
        assertThat(r.text()).containsEntry("sheet 工资", "绝密\n姓名\n金额")
                .containsEntry("sheet 工资 drawing", "机密")
                .containsEntry("sheet 隐藏", "备注")
                .containsEntry("sheet name", "工资|隐藏") // the names on the tabs, read as a file name is
                .doesNotContainKey("drawing");
    }

    @Test
    void slidesNotesAndMasters() throws Exception {
        Read r = read(doc("vnd.uof.presentation", "<uof:对象集>" + shape("m1", "机密★10年") + shape("s1", "年度工作总结")
                + shape("n1", "讲话时不得展示本页备注") + shape("s2", "TOP SECRET//NOFORN") + "</uof:对象集>"
                + "<uof:演示文稿><演:主体><演:母版集><演:母版 演:名称=\"slide母版\"><uof:锚点 uof:图形引用=\"m1\"/></演:母版></演:母版集>"
                + "<演:幻灯片集><演:幻灯片 演:名称=\"page1\"><uof:锚点 uof:图形引用=\"s1\"/><演:幻灯片备注>"
                + "<uof:锚点 uof:图形引用=\"n1\"/></演:幻灯片备注></演:幻灯片>"
                + "<演:幻灯片 演:名称=\"page2\"><uof:锚点 uof:图形引用=\"s2\"/></演:幻灯片></演:幻灯片集></演:主体></uof:演示文稿>"));
        assertThat(r.text()).containsEntry("header", "机密★10年")
                .containsEntry("slide 1", "年度工作总结")
                .containsEntry("notes 1", "讲话时不得展示本页备注")
                .containsEntry("slide 2", "TOP SECRET//NOFORN")
                .doesNotContainKey("drawing");
    }

    /** A group (组合列表) anchored once brings its members; a group that holds itself does not loop. */
    @Test
    void aGroupBringsItsMembersAndALoopEnds() throws Exception {
        Read r = read(doc("vnd.uof.text", "<uof:对象集>" + shape("a", "机密") + shape("b", "★10年")
                + "<图:图形 图:标识符=\"g\" 图:组合列表=\"a b g\"/></uof:对象集>"
                + "<uof:文字处理><字:主体><字:段落>" + anchor("g") + "</字:段落></字:主体></uof:文字处理>"));
        assertThat(r.text()).containsEntry("paragraph", "机密\n★10年").doesNotContainKey("drawing");
    }

    /** An embedded file (base64 in uof:数据) is scanned as a member; a metafile's text is read; pictures are not members. */
    @Test
    void embeddedObjectsAreDecodedAsTheyStream() throws Exception {
        byte[] memo = "机密★10年\n关于某项目的报告\n".repeat(2000).getBytes(StandardCharsets.UTF_8);
        String b64 = Base64.getMimeEncoder().encodeToString(memo); // lines of 76 characters
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        Read r = read(doc("vnd.uof.text", "<uof:其他对象 uof:标识符=\"obj1\" uof:内嵌=\"true\" uof:私有类型=\"Word\"><uof:数据>" + b64
                + "</uof:数据></uof:其他对象><uof:其他对象 uof:标识符=\"img\" uof:公共类型=\"png\"><uof:数据>"
                + Base64.getEncoder().encodeToString(png) + "</uof:数据></uof:其他对象>"
                // A table pasted as a picture by WPS: an EMF whose text is GBK.
                + "<uof:其他对象 uof:标识符=\"emf\" uof:公共类型=\"emf\"><uof:数据>"
                + Base64.getMimeEncoder().encodeToString(MetafilesTest.ansiEmf(true, "机密★10年", "人员名单")) + "</uof:数据></uof:其他对象>"
                + "<uof:文字处理><字:主体>" + para("正文") + "</字:主体></uof:文字处理>"));
        assertThat(r.nested()).containsOnlyKeys("object obj1");
        assertThat(r.nested().get("object obj1")).isEqualTo(memo);
        assertThat(r.text()).containsEntry("paragraph", "正文").containsEntry("picture", "机密★10年 人员名单");
    }

    /** Base64 as RFC 2045 reads it: characters outside the alphabet skipped; data cut short is an error naming the object. */
    @Test
    void base64IsReadAsMimeReadsIt() throws Exception {
        Read r = read(doc("vnd.uof.text", "<uof:其他对象 uof:标识符=\"obj1\"><uof:数据>5py65a+G!4piF\nMTDlubQ=</uof:数据></uof:其他对象>"));
        assertThat(new String(r.nested().get("object obj1"), StandardCharsets.UTF_8)).isEqualTo("机密★10年");
        assertThatThrownBy(() -> read(doc("vnd.uof.text", "<uof:其他对象 uof:标识符=\"obj2\"><uof:数据>5py65a+G4piFMTDlu</uof:数据></uof:其他对象>")))
                .isInstanceOfSatisfying(ExtractionProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(FileStatus.UNREADABLE);
                    assertThat(p.getMessage()).contains("object obj2");
                });
    }

    /** One UOF file is the whole document: the time limit is checked while it is read, not only after. */
    @Test
    void theTimeLimitIsCheckedInsideTheFile() {
        String body = para("关于做好保密自查工作的通知").repeat(5000);
        int[] checks = {0};
        assertThatThrownBy(() -> new UofExtractor().extract(new Source.InMemory("t.uot",
                doc("vnd.uof.text", "<uof:文字处理><字:主体>" + body + "</字:主体></uof:文字处理>").getBytes(StandardCharsets.UTF_8)),
                new ExtractionContext() {
                    @Override
                    public void text(Location location, CharSequence text) {
                    }

                    @Override
                    public void nested(String name, InputStream in, long declaredSize, long compressedSize) {
                    }

                    @Override
                    public Limits limits() {
                        return Limits.defaults();
                    }

                    @Override
                    public void checkDeadline() throws ExtractionProblem {
                        if (++checks[0] == 3) {
                            throw new ExtractionProblem(FileStatus.TIMEOUT, "over 120 s");
                        }
                    }
                }))
                .isInstanceOfSatisfying(ExtractionProblem.class, p -> assertThat(p.status()).isEqualTo(FileStatus.TIMEOUT));
    }

    @Test
    void theFormatIsToldByTheRootAndItsMimetype() throws Exception {
        assertThat(detect("a.xml", doc("vnd.uof.text", ""))).isEqualTo(Format.UOF_TEXT);
        assertThat(detect("a.uos", doc("vnd.uof.spreadsheet", ""))).isEqualTo(Format.UOF_SPREADSHEET);
        assertThat(detect("a.txt", doc("vnd.uof.presentation", ""))).isEqualTo(Format.UOF_PRESENTATION);
        // No mimetype: the name tells.
        assertThat(detect("a.uop", doc("", "").replace(" uof:mimetype=\"\"", ""))).isEqualTo(Format.UOF_PRESENTATION);
        // The namespace named elsewhere, or a root of another name: generic XML.
        assertThat(detect("a.xml", "<?xml version=\"1.0\"?><list xmlns:uof=\"http://schemas.uof.org/cn/2003/uof\"><UOFX/></list>"))
                .isEqualTo(Format.XML);
        assertThat(detect("a.xml", "<?xml version=\"1.0\"?><UOF><p>x</p></UOF>")).isEqualTo(Format.XML);
    }

    private static Format detect(String name, String xml) throws Exception {
        return FormatDetector.detect(new Source.InMemory(name, xml.getBytes(StandardCharsets.UTF_8)));
    }
}
