package org.baomi.server.browser;

import org.baomi.core.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baomi.core.security.Role;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * "Done" for the report: a secrecy officer opens the year's assessment, scores it and submits it, the unit head
 * approves, the officer opens the report draft, edits a part, sets the report's marking and downloads the PDF,
 * which carries his text and the marking. Screenshots of the editor at 1280 and 390 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.H2.class)
class AssessmentReportBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    Path downloads;

    @BeforeEach
    @Override
    protected void openBrowser() {
        try {
            downloads = Files.createTempDirectory("report-downloads");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        browser = BrowserTestSupport.newBrowser(width(), height(), downloads);
    }

    @Test
    void theOfficerRunsTheAssessmentEditsTheReportAndDownloadsThePdf() throws Exception {
        String unitName = Fixtures.unique("市档案馆");
        long unit = fixtures.unit(unitName, fixtures.rootUnit());
        var officer = fixtures.account(unit, Role.SECRECY_OFFICER);
        var head = fixtures.account(unit, Role.UNIT_HEAD);
        String code = "report" + System.nanoTime();
        Path standardFile = Files.createTempFile("standard", ".yaml");
        Files.writeString(standardFile, org.baomi.server.assessment.AssessmentTestStandard.yaml(code),
                StandardCharsets.UTF_8);

        signIn(officer);
        browser.get(url("/standards"));
        browser.findElement(By.id("standard-file")).sendKeys(standardFile.toString());
        clickAndWait(By.id("standard-upload"));

        // open the year's assessment and score it
        browser.get(url("/assessments"));
        new Select(browser.findElement(By.id("standardId"))).getOptions().stream()
                .filter(o -> o.getText().contains(code)).findFirst().orElseThrow().click();
        new Select(browser.findElement(By.id("unitId"))).selectByValue(String.valueOf(unit));
        clickAndWait(By.id("open"));
        String assessment = browser.getCurrentUrl();
        assertThat(assessment).matches(".*/assessments/\\d+$");
        clickAndWait(By.id("f-A1-COMPLIANT"));
        WebElement points = browser.findElement(By.cssSelector("#item-A2 input[name=points]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", points);
        points.sendKeys("25");
        BrowserTestSupport.type(browser, "note-A2", "仅配备兼职保密员");
        clickAndWait(By.id("f-A2-PARTLY"));
        clickAndWait(By.id("category-B"));
        clickAndWait(By.id("f-B1-NOT_APPLICABLE"));
        clickAndWait(By.id("f-B2-COMPLIANT"));
        assertThat(browser.findElement(By.id("score-value")).getText()).isEqualTo("93.8");
        clickConfirmed(By.id("submit"));

        // the unit head approves: A2 becomes a rectification
        clickAndWait(By.id("logout"));
        signIn(head);
        browser.get(assessment);
        clickAndWait(By.id("approval-link"));
        clickAndWait(By.id("approve"));

        // the officer writes the report
        browser.get(url("/"));
        clickAndWait(By.id("logout"));
        signIn(officer);
        browser.get(assessment);
        clickAndWait(By.id("report-link"));
        assertThat(browser.findElement(By.id("text-BASIC_SITUATION")).getAttribute("value")).contains(unitName);
        assertThat(browser.findElement(By.id("part-PROBLEMS")).getText()).contains("仅配备兼职保密员");
        assertThat(browser.findElement(By.id("part-MANAGEMENT")).getText()).contains("涉密人员");
        String edited = "全年组织保密教育培训四次，参训一百二十人次，考试合格率百分之百。";
        WebElement education = browser.findElement(By.id("text-EDUCATION"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", education);
        BrowserTestSupport.type(browser, "text-EDUCATION", edited);
        BrowserTestSupport.type(browser, "report-marking", "秘密★10年");
        // the report is dated the day the officer chooses, not the day of the download
        int year = ChinaTime.today().getYear();
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("report-date")),
                year + "-12-28");
        clickAndWait(By.id("report-save"));
        assertThat(browser.findElement(By.id("report-date")).getAttribute("value")).isEqualTo(year + "-12-28");
        assertThat(browser.findElement(By.id("report-marking")).getAttribute("value")).isEqualTo("秘密★10年");
        assertThat(browser.findElement(By.id("state-EDUCATION")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("text-EDUCATION")).getAttribute("value")).isEqualTo(edited);
        assertThat(browser.findElements(By.id("version-1"))).hasSize(1);
        browser.executeScript("window.scrollTo(0, 0)");
        BrowserTestSupport.screenshot(browser, "report-draft-desktop");
        browser.executeScript("document.getElementById('part-SCORE').scrollIntoView()");
        BrowserTestSupport.screenshot(browser, "report-draft-score-desktop");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        waitFor(d -> d.findElement(By.id("report-form")).isDisplayed());
        browser.executeScript("window.scrollTo(0, 0)");
        BrowserTestSupport.screenshot(browser, "report-draft-phone");
        browser.executeScript("document.getElementById('part-EDUCATION').scrollIntoView()");
        BrowserTestSupport.screenshot(browser, "report-draft-part-phone");
        browser.executeScript("document.getElementById('part-SCORE').scrollIntoView()");
        BrowserTestSupport.screenshot(browser, "report-draft-score-phone");
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        browser.manage().window().setSize(new Dimension(1280, 900));

        // the download: a PDF with his text and the marking
        browser.executeScript("window.scrollTo(0, 0)");
        browser.findElement(By.id("download-pdf")).click();
        waitFor(d -> pdfIn(downloads) != null);
        File pdf = pdfIn(downloads);
        assertThat(pdf.getName()).isEqualTo(unitName + "-" + ChinaTime.today().getYear() + "年度保密自查报告.pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replace("\n", "").replace(" ", "");
            assertThat(text).startsWith("秘密★10年").contains(edited).contains(unitName).contains("得分93.8分")
                    .contains(year + "年12月28日");
        }
    }

    /** The finished PDF in the download directory (not Chrome's .crdownload while it is being written). */
    private static File pdfIn(Path dir) {
        File[] files = dir.toFile().listFiles((d, name) -> name.endsWith(".pdf"));
        return files == null || files.length == 0 ? null : files[0];
    }
}
