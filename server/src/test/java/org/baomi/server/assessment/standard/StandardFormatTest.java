package org.baomi.server.assessment.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.baomi.core.assessment.AssessmentLevel;
import org.baomi.core.assessment.Category;
import org.baomi.core.assessment.InvalidStandardException;
import org.baomi.core.assessment.Standard;
import org.baomi.core.assessment.StandardItem;
import org.baomi.core.assessment.StandardProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The standard file formats and the shipped standards; plain JUnit, no application context. */
class StandardFormatTest {

    private static final String SMALL = """
            standard: small
            version: 2
            level: UNIT
            title: {zh: 小标准, en: Small standard}
            total: 10
            categories:
              - id: A
                title: {zh: 组织, en: Organisation}
                items:
                  - id: A.1
                    text: {zh: 设立领导小组, en: A leading group is set up}
                    points: 6
                    methods: [DOCUMENTS]
                  - id: A.2
                    text: {zh: 配备保密干部, en: Secrecy officers are assigned}
                    points: 4
                    evidence: person.commitmentSigned
            deductions:
              - id: D1
                category: A
                text: {zh: 载体丢失, en: A carrier lost}
                perOccurrence: 2
                cap: 4
            vetoes:
              - id: V1
                text: {zh: 涉密计算机连接互联网, en: A classified computer on the Internet}
            """;

    // ---------------------------------------------------------------- the shipped standards

    @Test
    void theDefaultUnitStandardIsWorthHundredPointsOverTheSixteenSubjectsWithDeductionsAndNamedVetoes() {
        Standard unit = DefaultStandards.load("standards/unit.yaml");

        assertThat(unit.level()).isEqualTo(AssessmentLevel.UNIT);
        assertThat(unit.total()).isEqualByComparingTo("100");
        assertThat(unit.items().stream().map(StandardItem::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
        assertThat(unit.categories()).hasSize(16).allSatisfy(c -> assertThat(unit.itemsOf(c.id())).isNotEmpty());
        assertThat(unit.categories()).extracting(c -> c.title().zh()).contains("保密工作领导责任制", "涉密载体管理",
                "涉密计算机和信息系统", "移动存储介质", "信息公开保密审查", "泄密事件查处和应急预案");
        assertThat(unit.deductions()).isNotEmpty();
        assertThat(unit.vetoes()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(v -> {
            assertThat(v.text()).isNotNull();
            assertThat(v.text().zh()).isNotBlank();
            assertThat(v.text().en()).isNotBlank();
        });
        assertThat(unit.vetoes()).extracting(v -> v.text().zh()).anyMatch(t -> t.contains("涉密计算机连接互联网"));
        assertThat(unit.evidenceQueries()).contains("device.compliance.critical", "carrier.overdue", "carrier.yearEndHeld",
                "medium.unregistered", "carrier.destroyedWithoutApproval");
    }

    @Test
    void theDepartmentAndIndividualChecklistsLoadToo() {
        List<Standard> all = DefaultStandards.all();
        assertThat(all).extracting(Standard::level).containsExactly(AssessmentLevel.UNIT, AssessmentLevel.DEPARTMENT,
                AssessmentLevel.INDIVIDUAL);
        assertThat(all).extracting(s -> s.ref().id()).doesNotHaveDuplicates();
        assertThat(all.subList(1, 3)).allSatisfy(s -> {
            assertThat(s.items().size()).isLessThan(all.get(0).items().size());
            assertThat(s.total()).isEqualByComparingTo("100");
            assertThat(s.vetoes()).isNotEmpty();
        });
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void everyShippedStandardSurvivesAYamlRoundTrip() {
        for (Standard s : DefaultStandards.all()) {
            StringWriter out = new StringWriter();
            StandardYaml.write(s, out);
            assertThat(StandardYaml.read(new StringReader(out.toString()))).as(s.ref().toString()).isEqualTo(s);
        }
    }

    @Test
    void writtenYamlKeepsChineseReadable() {
        StringWriter out = new StringWriter();
        StandardYaml.write(DefaultStandards.all().get(0), out);
        assertThat(out.toString()).contains("建立保密工作领导小组").contains("points: 1.5").startsWith("standard: unit-default");
    }

    @Test
    void everyShippedStandardSurvivesAnXlsxRoundTrip() {
        for (Standard s : DefaultStandards.all()) {
            assertThat(StandardXlsx.read(new ByteArrayInputStream(xlsx(s)))).as(s.ref().toString()).isEqualTo(s);
        }
    }

    @Test
    void anXlsxWithColumnsInAnotherOrderAndOnlyEnglishHeadersReadsTheSame() throws Exception {
        Standard small = yaml(SMALL);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx(small)))) {
            Sheet items = book.getSheet("Items");
            for (Row row : items) {
                // swap the id and points columns
                String id = row.getCell(0).getStringCellValue();
                var points = row.getCell(4);
                if (row.getRowNum() == 0) {
                    row.getCell(0).setCellValue("points");
                    points.setCellValue("id");
                } else {
                    double p = points.getNumericCellValue();
                    row.getCell(0).setCellValue(p);
                    points.setCellValue(id);
                }
            }
            assertThat(StandardXlsx.read(new ByteArrayInputStream(bytes(book)))).isEqualTo(small);
        }
    }

    // ---------------------------------------------------------------- broken YAML

    @Test
    void aDuplicateIdIsNamedWithItsPath() {
        StandardProblem p = onlyProblem(SMALL.replace("id: A.2", "id: A.1"));
        assertThat(p.code()).isEqualTo("assessment.duplicateId");
        assertThat(p.english()).startsWith("categories[0].items[1] (A.1), id:");
    }

    @Test
    void pointsThatDoNotSumToTheTotalNameBothFigures() {
        StandardProblem p = onlyProblem(SMALL.replace("total: 10", "total: 12"));
        assertThat(p.code()).isEqualTo("assessment.pointsSum");
        assertThat(p.english()).startsWith("standard, total:").contains("10").contains("12");
    }

    @Test
    void theUnitStandardWithAnItemTwoPointsShortIsRefusedAs98() throws Exception {
        String unit = new String(getClass().getClassLoader().getResourceAsStream("standards/unit.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        String broken = unit.replaceFirst("points: 3\n", "points: 1\n");
        StandardProblem p = onlyProblem(broken);
        assertThat(p.code()).isEqualTo("assessment.pointsSum");
        assertThat(p.english()).contains("98").contains("100");
    }

    @Test
    void aVetoWithoutTextIsNamed() {
        StandardProblem p = onlyProblem(SMALL.replace("    text: {zh: 涉密计算机连接互联网, en: A classified computer on the Internet}\n",
                ""));
        assertThat(p.code()).isEqualTo("assessment.vetoUnnamed");
        assertThat(p.english()).startsWith("vetoes[0] (V1), text:");
    }

    @Test
    void aVetoWithChineseOnlyIsNamed() {
        StandardProblem p = onlyProblem(SMALL.replace("en: A classified computer on the Internet", "en: ''"));
        assertThat(p.code()).isEqualTo("assessment.textMissing");
        assertThat(p.english()).startsWith("vetoes[0] (V1), text:").contains("English");
    }

    @Test
    void anUnknownCategoryIsNamed() {
        StandardProblem p = onlyProblem(SMALL.replace("category: A", "category: Z"));
        assertThat(p.code()).isEqualTo("assessment.unknownCategory");
        assertThat(p.english()).startsWith("deductions[0] (D1), category:").contains("Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-4", "0", "4.25", "''"})
    void badPointsAreNamedWithTheItem(String points) {
        List<StandardProblem> problems = problems(SMALL.replace("points: 4", "points: " + points));
        assertThat(problems).extracting(StandardProblem::english)
                .anyMatch(e -> e.startsWith("categories[0].items[1] (A.2), points:"));
        assertThat(problems).extracting(StandardProblem::code).doesNotContain("assessment.pointsSum");
    }

    @Test
    void everyProblemInAFileIsReportedTogether() {
        List<StandardProblem> problems = problems(SMALL.replace("level: UNIT", "level: CITY")
                .replace("methods: [DOCUMENTS]", "methods: [DOCUMENTS, GUESSING]\n        unitKinds: [SPACESHIP]")
                .replace("evidence: person.commitmentSigned", "evidence: Person Commitment"));
        assertThat(problems).extracting(StandardProblem::code).containsExactlyInAnyOrder("assessment.unknownLevel",
                "assessment.unknownMethod", "assessment.unknownUnitKind", "assessment.evidenceInvalid");
    }

    @Test
    void aBrokenHeaderStillLetsTheEntriesBeChecked() {
        List<StandardProblem> problems = problems(SMALL.replace("total: 10", "total: 0").replace("id: A.2", "id: A.1")
                .replace("standard: small", "standard: ''"));
        assertThat(problems).extracting(StandardProblem::english).containsExactlyInAnyOrder(
                "standard, id: the standard's id is missing.",
                "standard, total: The standard: total must be more than 0, at most 1000, with at most one decimal; was 0.",
                "categories[0].items[1] (A.1), id: The id A.1 is used twice; every category, item, deduction and veto"
                        + " needs its own.");
    }

    @Test
    void anUnquotedCommaInAFlowTextIsRefusedNotCutShort() {
        StandardProblem p = onlyProblem(SMALL.replace("en: Organisation}", "en: Organisation, staff}"));
        assertThat(p.code()).isEqualTo("assessment.unknownField");
        assertThat(p.english()).startsWith("categories[0] (A), title:").contains("staff");
    }

    @Test
    void aMisspeltFieldOfAnItemIsNamed() {
        StandardProblem p = onlyProblem(SMALL.replace("evidence: person.commitmentSigned", "evidance: x.y"));
        assertThat(p.english()).startsWith("categories[0].items[1] (A.2): unknown field 'evidance'");
    }

    @Test
    void theShippedTextsAreWhole() {
        Standard unit = DefaultStandards.all().get(0);
        assertThat(unit.categories()).extracting(c -> c.title().en()).contains("Publicity, education and training");
    }

    @Test
    void anUnknownTopLevelFieldIsNamed() {
        assertThat(onlyProblem(SMALL + "extra: 1\n").code()).isEqualTo("assessment.unknownField");
    }

    @ParameterizedTest
    @ValueSource(strings = {"just text", "- a\n- b", "standard: [unclosed", "a: 1\na: 2", "%PDF-1.7 \u0000\u0001"})
    void somethingThatIsNotAYamlStandardIsRefusedAsSuch(String text) {
        StandardProblem p = onlyProblem(text);
        assertThat(p.code()).isIn("assessment.notYaml", "assessment.unknownField");
        assertThat(p.english()).isNotBlank();
    }

    @Test
    void brokenYamlNamesTheLine() {
        StandardProblem p = onlyProblem("standard: x\nversion: 1\ntitle: {zh: [\n");
        assertThat(p.code()).isEqualTo("assessment.notYaml");
        assertThat(p.english()).contains("line");
    }

    // ---------------------------------------------------------------- broken xlsx

    @Test
    void anXlsxProblemNamesTheSheetRowAndColumn() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx(yaml(SMALL))))) {
            book.getSheet("Items").getRow(2).getCell(4).setCellValue("four");
            book.getSheet("Items").getRow(2).getCell(0).setCellValue("A.1");
            List<StandardProblem> problems = problems(book);
            assertThat(problems).extracting(StandardProblem::english).containsExactlyInAnyOrder(
                    "Items sheet, row 3 (A.1), points: 'four' is not a number of points.");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx(yaml(SMALL))))) {
            book.getSheet("Items").getRow(2).getCell(0).setCellValue("A.1");
            assertThat(problems(book)).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("assessment.duplicateId");
                assertThat(p.english()).startsWith("Items sheet, row 3 (A.1), id:");
            });
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx(yaml(SMALL))))) {
            book.getSheet("Vetoes").getRow(1).getCell(1).setCellValue("");
            book.getSheet("Vetoes").getRow(1).getCell(2).setCellValue("");
            assertThat(problems(book)).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("assessment.vetoUnnamed");
                assertThat(p.english()).startsWith("Vetoes sheet, row 2 (V1), text:");
            });
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx(yaml(SMALL))))) {
            book.getSheet("Items").getRow(1).getCell(1).setCellValue("Q");
            assertThat(problems(book)).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("assessment.unknownCategory");
                assertThat(p.english()).startsWith("Items sheet, row 2 (A.1), category:");
            });
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx(yaml(SMALL))))) {
            book.removeSheetAt(book.getSheetIndex("Vetoes"));
            assertThat(problems(book)).extracting(StandardProblem::code).containsExactly("assessment.sheetMissing");
        }
    }

    @Test
    void somethingThatIsNotAnXlsxIsRefusedAsSuch() {
        for (byte[] bytes : List.of(SMALL.getBytes(StandardCharsets.UTF_8), new byte[0], new byte[] {0x50, 0x4b, 3, 4, 1})) {
            InvalidStandardException e = catchThrowableOfType(InvalidStandardException.class,
                    () -> StandardXlsx.read(new ByteArrayInputStream(bytes)));
            assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("assessment.notXlsx"));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Standard yaml(String text) {
        return StandardYaml.read(new StringReader(text));
    }

    private static List<StandardProblem> problems(String yaml) {
        InvalidStandardException e = catchThrowableOfType(InvalidStandardException.class, () -> yaml(yaml));
        assertThat(e).as("the file should have been refused").isNotNull();
        return e.problems();
    }

    private static StandardProblem onlyProblem(String yaml) {
        List<StandardProblem> problems = problems(yaml);
        assertThat(problems).as(problems.stream().map(StandardProblem::english).collect(Collectors.joining("\n")))
                .hasSize(1);
        return problems.get(0);
    }

    private static List<StandardProblem> problems(XSSFWorkbook book) throws Exception {
        byte[] bytes = bytes(book);
        InvalidStandardException e = catchThrowableOfType(InvalidStandardException.class,
                () -> StandardXlsx.read(new ByteArrayInputStream(bytes)));
        assertThat(e).as("the workbook should have been refused").isNotNull();
        return e.problems();
    }

    private static byte[] xlsx(Standard s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StandardXlsx.write(s, out);
        return out.toByteArray();
    }

    private static byte[] bytes(XSSFWorkbook book) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }

    @SuppressWarnings("unused")
    private static Set<String> ids(Standard s) {
        return s.categories().stream().map(Category::id).collect(Collectors.toSet());
    }
}
