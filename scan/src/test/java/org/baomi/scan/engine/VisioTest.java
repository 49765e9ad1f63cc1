package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baomi.scan.engine.TestCorpus.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.baomi.scan.rules.RuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Visio 2013 and later drawings (MS-VSDX), built here part by part as Visio writes them: a
 * network diagram's marking is found where a person sees it — in a shape's text, in text its
 * shape shows from the stencil's master, in its shape data, on a background page — and named
 * by the page's tab; a marking a shape replaces is not reported.
 */
class VisioTest {
    @TempDir
    static Path dir;
    static final Map<String, List<FileResult>> results = new ConcurrentHashMap<>();

    private static final String VISIO = "http://schemas.microsoft.com/office/visio/2012/main";
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String VREL = "http://schemas.microsoft.com/visio/2010/relationships/";

    @BeforeAll
    static void buildAndScan() throws Exception {
        // The title block is at the top of the page (PinY 8) though written after the diagram's shapes.
        write(dir, "topology.vsdx", drawing(
                List.of(page("网络拓扑", false,
                        shape("1", null, null, 4, 2, "核心交换机", "") + shape("2", null, null, 4, 8, "机密★10年", "")),
                        page("设备清单", false, shape("1", null, null, 4, 5, "服务器 办公网", ""))),
                Map.of(), null, null));
        // The tab says it: （机密）拓扑, over a page whose shapes do not.
        write(dir, "pagename.vsdx", drawing(List.of(page("（机密）拓扑", false, shape("1", null, null, 3, 3, "交换机", ""))),
                Map.of(), null, null));
        // A router dropped from a stencil: its label is the master's; the page only places it.
        String router = shape("5", null, null, 1, 1, "秘密★5年", "");
        write(dir, "inherited.vsdx", drawing(
                List.of(page("Page-1", false, shape("1", "2", null, 3, 3, null, "") + shape("2", null, null, 3, 9, "拓扑图", ""))),
                Map.of("2", new String[] {"路由器", router}), null, null));
        // A group master (a title block): its second shape's text is shown though the instance writes only the first.
        String titleBlock = "<Shape ID='5' Type='Group'><Cell N='PinX' V='1'/><Cell N='PinY' V='1'/><Shapes>"
                + shape("6", null, null, 1, 2, "单位名称", "") + shape("7", null, null, 1, 1, "绝密", "") + "</Shapes></Shape>";
        write(dir, "group.vsdx", drawing(List.of(page("Page-1", false,
                "<Shape ID='1' Master='3' Type='Group'><Shapes>" + shape("2", null, "6", 0, 0, "某某局", "") + "</Shapes></Shape>")),
                Map.of("3", new String[] {"标题栏", titleBlock}), null, null));
        // The instance replaces the master's text: the stencil's 绝密 is not on the page.
        write(dir, "replaced.vsdx", drawing(List.of(page("Page-1", false, shape("1", "2", null, 3, 3, "公开", ""))),
                Map.of("2", new String[] {"标签", shape("5", null, null, 1, 1, "绝密", "")}), null, null));
        // A master part past the limits (a bomb's ratio): named in the reason, the pages read.
        write(dir, "bigmaster.vsdx", drawing(List.of(page("Page-1", false, shape("1", "2", null, 3, 3, null, "")
                + shape("2", null, null, 3, 9, "机密", ""))),
                Map.of("2", new String[] {"路由器", " ".repeat(12 << 20) + shape("5", null, null, 1, 1, "标签", "")}), null, null));
        // Shape data (the Shape Data window): a row labelled 密级 with its value.
        write(dir, "shapedata.vsdx", drawing(List.of(page("Page-1", false, shape("1", null, null, 3, 3, "服务器",
                "<Section N='Property'><Row N='Row_1'><Cell N='Value' V='机密' U='STR'/><Cell N='Label' V='密级'/></Row>"
                        + "<Row N='IP'><Cell N='Value' V='10.1.2.3'/></Row></Section>"))),
                Map.of(), null, null));
        // A background page, shown behind the pages that use it, holding the banner.
        write(dir, "background.vsdx", drawing(List.of(page("背景", true, shape("1", null, null, 5, 10, "TOP SECRET//NOFORN", "")),
                page("Page-1", false, shape("1", null, null, 3, 3, "Network diagram", ""))), Map.of(), null, null));
        // A reviewer's comment, and the rows of a data set linked to the shapes (ADO XML).
        write(dir, "comments.vsdx", drawing(List.of(page("Page-1", false, shape("1", null, null, 3, 3, "拓扑", ""))), Map.of(),
                "<Comments xmlns='" + VISIO + "'><CommentList><CommentEntry AuthorID='0' PageID='0' ShapeID='1'>"
                        + "此图按秘密级管理，定为秘密★5年</CommentEntry></CommentList></Comments>",
                "<DataRecordSet xmlns='" + VISIO + "' ID='1'><ADOData><xml xmlns:z='#RowsetSchema' xmlns:rs='urn:schemas-microsoft-com:rowset'>"
                        + "<rs:data><z:row c0='1' c1='张三' c2='绝密'/></rs:data></xml></ADOData></DataRecordSet>"));
        // A stencil: masters and no pages; its masters are its content.
        write(dir, "stencil.vssx", stencil("交换机", shape("5", null, null, 1, 1, "内部资料", "")));
        // Relationships lost (a repaired or hand-made package): the page is found by its name.
        Map<String, String> lost = drawingParts(List.of(page("Page-1", false, shape("1", null, null, 3, 3, "机密", ""))),
                Map.of(), null, null);
        lost.remove("visio/pages/_rels/pages.xml.rels");
        write(dir, "norels.vsdx", zip(lost));

        Path words = Files.createTempFile(dir, "kw-", ".txt");
        Files.writeString(words, "核心交换机\n服务器\n", StandardCharsets.UTF_8);
        try (Engine engine = new Engine(new RuleSet().withBuiltInMarkings().withKeywords(words), Limits.defaults(), 2)) {
            for (String name : List.of("topology.vsdx", "inherited.vsdx", "group.vsdx", "replaced.vsdx", "shapedata.vsdx",
                    "background.vsdx", "comments.vsdx", "stencil.vssx", "norels.vsdx", "pagename.vsdx", "bigmaster.vsdx")) {
                results.put(name, engine.scan(name, Files.readAllBytes(dir.resolve(name))));
            }
        }
    }

    /** A shape: {@code master} (a master's ID) or {@code masterShape} (a shape of the group's master), its pin, its text (null: none) and more XML. */
    private static String shape(String id, String master, String masterShape, double x, double y, String text, String more) {
        return "<Shape ID='" + id + "' Type='Shape'" + (master == null ? "" : " Master='" + master + "'")
                + (masterShape == null ? "" : " MasterShape='" + masterShape + "'") + ">"
                + "<Cell N='PinX' V='" + x + "'/><Cell N='PinY' V='" + y + "'/>" + more
                + (text == null ? "" : "<Text><cp IX='0'/>" + text + "\n</Text>") + "</Shape>";
    }

    private record Page(String name, boolean background, String shapes) {
    }

    private static Page page(String name, boolean background, String shapes) {
        return new Page(name, background, shapes);
    }

    /** A drawing as Visio writes it: document, pages (in order), masters by ID ({name, shapes}), comments and a recordset (null: none). */
    private static byte[] drawing(List<Page> pages, Map<String, String[]> masters, String comments, String recordset)
            throws Exception {
        return zip(drawingParts(pages, masters, comments, recordset));
    }

    private static Map<String, String> drawingParts(List<Page> pages, Map<String, String[]> masters, String comments,
                                                    String recordset) {
        Map<String, String> parts = new LinkedHashMap<>();
        StringBuilder types = contentTypes("drawing")
                .append("<Override PartName='/visio/pages/pages.xml' ContentType='application/vnd.ms-visio.pages+xml'/>");
        StringBuilder docRels = new StringBuilder("<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
                + "<Relationship Id='rId1' Type='" + VREL + "pages' Target='pages/pages.xml'/>");
        parts.put("visio/document.xml", "<VisioDocument xmlns='" + VISIO + "'><DocumentSettings/></VisioDocument>");
        StringBuilder index = new StringBuilder("<Pages xmlns='" + VISIO + "' xmlns:r='" + R + "'>");
        String[][] pageRels = new String[pages.size()][];
        for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            index.append("<Page ID='").append(i).append("' NameU='").append(p.name()).append("' Name='").append(p.name()).append("'")
                    .append(p.background() ? " Background='1'" : "").append("><PageSheet/><Rel r:id='rId").append(i + 1).append("'/></Page>");
            pageRels[i] = new String[] {"rId" + (i + 1), VREL + "page", "page" + (i + 1) + ".xml"};
            parts.put("visio/pages/page" + (i + 1) + ".xml", "<PageContents xmlns='" + VISIO + "' xmlns:r='" + R + "'><Shapes>"
                    + p.shapes() + "</Shapes></PageContents>");
            types.append("<Override PartName='/visio/pages/page").append(i + 1).append(".xml' ContentType='application/vnd.ms-visio.page+xml'/>");
        }
        parts.put("visio/pages/pages.xml", index + "</Pages>");
        parts.put("visio/pages/_rels/pages.xml.rels", rels(pageRels));
        if (!masters.isEmpty()) {
            docRels.append("<Relationship Id='rId2' Type='").append(VREL).append("masters' Target='masters/masters.xml'/>");
            types.append("<Override PartName='/visio/masters/masters.xml' ContentType='application/vnd.ms-visio.masters+xml'/>");
            mastersParts(masters, parts, types);
        }
        if (comments != null) {
            docRels.append("<Relationship Id='rId3' Type='").append(VREL).append("comments' Target='comments.xml'/>");
            types.append("<Override PartName='/visio/comments.xml' ContentType='application/vnd.ms-visio.comments+xml'/>");
            parts.put("visio/comments.xml", comments);
        }
        if (recordset != null) {
            // Declared only as XML (the package's Default): known by its part name.
            parts.put("visio/data/recordset1.xml", recordset);
        }
        parts.put("visio/_rels/document.xml.rels", docRels + "</Relationships>");
        parts.put("[Content_Types].xml", types + "</Types>");
        return parts;
    }

    /** The start of a package's content types, its main part a Visio {@code kind} (drawing, stencil). */
    private static StringBuilder contentTypes(String kind) {
        return new StringBuilder("<?xml version='1.0' encoding='UTF-8'?><Types xmlns='http://schemas.openxmlformats.org/"
                + "package/2006/content-types'><Default Extension='rels' ContentType='application/vnd.openxmlformats-package."
                + "relationships+xml'/><Default Extension='xml' ContentType='application/xml'/>"
                + "<Override PartName='/visio/document.xml' ContentType='application/vnd.ms-visio." + kind + ".main+xml'/>");
    }

    /** A stencil: a master and no pages. */
    private static byte[] stencil(String name, String shapes) throws Exception {
        Map<String, String> parts = new LinkedHashMap<>();
        StringBuilder types = contentTypes("stencil")
                .append("<Override PartName='/visio/masters/masters.xml' ContentType='application/vnd.ms-visio.masters+xml'/>");
        parts.put("visio/document.xml", "<VisioDocument xmlns='" + VISIO + "'/>");
        parts.put("visio/_rels/document.xml.rels", rels(new String[][] {{"rId1", VREL + "masters", "masters/masters.xml"}}));
        mastersParts(Map.of("2", new String[] {name, shapes}), parts, types);
        parts.put("[Content_Types].xml", types + "</Types>");
        return zip(parts);
    }

    private static void mastersParts(Map<String, String[]> masters, Map<String, String> parts, StringBuilder types) {
        StringBuilder index = new StringBuilder("<Masters xmlns='" + VISIO + "' xmlns:r='" + R + "'>");
        String[][] rels = new String[masters.size()][];
        int n = 0;
        for (Map.Entry<String, String[]> m : masters.entrySet()) {
            n++;
            index.append("<Master ID='").append(m.getKey()).append("' NameU='").append(m.getValue()[0]).append("' Name='")
                    .append(m.getValue()[0]).append("'><PageSheet/><Rel r:id='rId").append(n).append("'/></Master>");
            rels[n - 1] = new String[] {"rId" + n, VREL + "master", "master" + n + ".xml"};
            parts.put("visio/masters/master" + n + ".xml", "<MasterContents xmlns='" + VISIO + "'><Shapes>" + m.getValue()[1]
                    + "</Shapes></MasterContents>");
            types.append("<Override PartName='/visio/masters/master").append(n).append(".xml' ContentType='application/vnd.ms-visio.master+xml'/>");
        }
        parts.put("visio/masters/masters.xml", index + "</Masters>");
        parts.put("visio/masters/_rels/masters.xml.rels", rels(rels));
    }

    private static String rels(String[][] rels) {
        StringBuilder sb = new StringBuilder("<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>");
        for (String[] r : rels) {
            sb.append("<Relationship Id='").append(r[0]).append("' Type='").append(r[1]).append("' Target='").append(r[2]).append("'/>");
        }
        return sb + "</Relationships>";
    }

    /** The parts zipped, with the package's relationship to its Visio document. */
    private static byte[] zip(Map<String, String> parts) throws Exception {
        parts.put("_rels/.rels", rels(new String[][] {{"rId1", VREL + "document", "visio/document.xml"}}));
        String[][] entries = parts.entrySet().stream().map(e -> new String[] {e.getKey(), e.getValue()}).toArray(String[][]::new);
        return TestCorpus.zip(entries);
    }

    /** The one result for a drawing: its parts are not files of their own. */
    private static FileResult drawingResult(String name) {
        List<FileResult> all = results.get(name);
        assertThat(all).as(name + ": one result, its parts not reported as files").hasSize(1);
        FileResult r = all.get(0);
        assertThat(r.status()).as(name + " " + r.reason()).isEqualTo(FileStatus.OK);
        assertThat(r.mediaType()).as(name).isEqualTo("application/vnd.ms-visio.drawing");
        return r;
    }

    private static Finding marking(String name, String text) {
        FileResult r = drawingResult(name);
        return r.findings().stream().filter(f -> f.category() == Category.MARKING && f.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no marking " + text + " in " + r.findings()));
    }

    @Test
    void aTitleBlockAtTheTopOfTheFirstPageIsItsTopWhereverItIsWritten() {
        Finding f = marking("topology.vsdx", "机密★10年");
        assertThat(f.location()).isEqualTo("page 网络拓扑");
        assertThat(f.confidence()).as(f.toString()).isEqualTo(Confidence.HIGH);
        assertThat(f.level()).isEqualTo("机密");
        FileResult r = drawingResult("topology.vsdx");
        assertThat(r.findings()).anySatisfy(k -> {
            assertThat(k.text()).isEqualTo("服务器");
            assertThat(k.location()).isEqualTo("page 设备清单");
        });
    }

    @Test
    void aPagesNameIsReadAsItsTabShowsIt() {
        Finding f = marking("pagename.vsdx", "机密");
        assertThat(f.location()).isEqualTo("page name");
        assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM); // set apart, as in a file name
    }

    @Test
    void aMasterPastTheLimitsIsNamedAndThePagesAreRead() {
        FileResult r = drawingResult("bigmaster.vsdx");
        assertThat(r.reason()).contains("the master 路由器 was not read");
        assertThat(marking("bigmaster.vsdx", "机密").location()).isEqualTo("page Page-1");
    }

    @Test
    void aShapeShowsItsMastersTextWhenItHasNoneOfItsOwn() {
        assertThat(marking("inherited.vsdx", "秘密★5年").location()).isEqualTo("page Page-1");
    }

    @Test
    void aGroupShowsTheShapesOfItsMasterItDoesNotWriteOut() {
        FileResult r = drawingResult("group.vsdx");
        assertThat(marking("group.vsdx", "绝密").location()).isEqualTo("page Page-1");
        assertThat(r.findings()).noneMatch(f -> f.context().contains("单位名称")); // replaced by 某某局
    }

    @Test
    void aMastersTextAShapeReplacesIsNotReported() {
        FileResult r = drawingResult("replaced.vsdx");
        assertThat(r.findings()).as("the stencil's 绝密 is not on the page").isEmpty();
    }

    @Test
    void shapeDataIsReadWithItsLabel() {
        Finding f = marking("shapedata.vsdx", "机密");
        assertThat(f.location()).isEqualTo("page Page-1");
        assertThat(f.context()).contains("密级 机密");
    }

    @Test
    void aBackgroundPageIsShownBehindThePagesAndIsProminent() {
        Finding f = marking("background.vsdx", "TOP SECRET//NOFORN");
        assertThat(f.location()).isEqualTo("background page 背景");
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void commentsAndLinkedDataAreRead() {
        assertThat(marking("comments.vsdx", "秘密★5年").location()).isEqualTo("comment");
        assertThat(marking("comments.vsdx", "绝密").location()).isEqualTo("data 1");
    }

    @Test
    void aStencilsMastersAreItsContent() {
        assertThat(marking("stencil.vssx", "内部资料").location()).isEqualTo("master 交换机");
    }

    @Test
    void pagesAreFoundByNameWhenTheRelationshipsAreLost() {
        assertThat(marking("norels.vsdx", "机密").location()).isEqualTo("page Page-1");
    }
}
