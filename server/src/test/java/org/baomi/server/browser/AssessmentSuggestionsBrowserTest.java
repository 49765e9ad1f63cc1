package org.baomi.server.browser;

import org.baomi.core.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A secrecy officer on a phone opens the year's assessment, finds the items the ledgers answer offered,
 * accepts them and sees them answered; after the unit head's approval he assigns the new rectification's
 * owner and deadline in place on the assessment page. Screenshots for a person to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.H2.class)
class AssessmentSuggestionsBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Override
    protected int width() {
        return 390;
    }

    @Override
    protected int height() {
        return 844;
    }

    static String standard(String code) {
        return """
                standard: %s
                version: 1
                level: UNIT
                title: {zh: 台账建议测试标准, en: Ledger suggestion test standard}
                total: 100
                categories:
                  - id: S
                    title: {zh: 组织与事件, en: Organisation and incidents}
                    items:
                      - id: S1
                        text: {zh: 配备专职或兼职保密干部, en: Secrecy officers are assigned}
                        points: 40
                        evidence: org.secrecyOfficer
                      - id: S2
                        text: {zh: 发生泄密事件按规定时限报告, en: Incidents are reported in time}
                        points: 30
                        evidence: incident.unreported
                      - id: S3
                        text: {zh: 制定泄密事件应急预案并定期演练, en: An incident plan is drilled regularly}
                        points: 30
                        methods: [DOCUMENTS]
                """.formatted(code);
    }

    @Test
    void theOfficerAcceptsTheLedgersSuggestionsAndAssignsTheRectification() throws Exception {
        long unit = fixtures.unit(Fixtures.unique("市发改委"), fixtures.rootUnit());
        var officer = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        var head = fixtures.account(unit, SecretRelatedLevel.CORE, Role.UNIT_HEAD);
        var staff = fixtures.account(unit, SecretRelatedLevel.IMPORTANT, Role.CLEARED_PERSON);
        String code = "suggest" + System.nanoTime();
        Path file = Files.createTempFile("standard", ".yaml");
        Files.writeString(file, standard(code), StandardCharsets.UTF_8);

        signIn(officer);
        browser.get(url("/standards"));
        browser.findElement(By.id("standard-file")).sendKeys(file.toString());
        clickAndWait(By.id("standard-upload"));

        browser.get(url("/assessments"));
        Select standard = new Select(browser.findElement(By.id("standardId")));
        standard.getOptions().stream().filter(o -> o.getText().contains(code)).findFirst().orElseThrow().click();
        new Select(browser.findElement(By.id("unitId"))).selectByValue(String.valueOf(unit));
        WebElement year = browser.findElement(By.id("year"));
        year.clear();
        year.sendKeys(Integer.toString(ChinaTime.today().getYear()));
        clickAndWait(By.id("open"));
        assertThat(browser.getCurrentUrl()).matches(".*/assessments/\\d+$");

        // Opening offers what the ledgers answer: S1 (a secrecy officer is on record) and S2 (no open incident).
        assertThat(browser.findElement(By.id("accept-suggestions")).getText()).contains("2");
        assertThat(browser.findElements(By.id("result-S1"))).isEmpty();
        BrowserTestSupport.screenshot(browser, "assessment-suggestions-offered-phone");
        clickAndWait(By.id("accept-suggestions-button"));
        assertThat(browser.findElement(By.id("result-S1")).getText()).contains("40");
        assertThat(browser.findElement(By.id("result-S2")).getText()).contains("30");
        assertThat(browser.findElements(By.id("result-S3"))).isEmpty();
        assertThat(browser.findElements(By.id("accept-suggestions"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#item-S1 .decision-comment")).getText()).startsWith("依据系统数据");
        BrowserTestSupport.screenshot(browser, "assessment-suggestions-accepted-phone");

        browser.executeScript("document.getElementById('item-S3').scrollIntoView({block: 'center'})");
        browser.findElement(By.id("note-S3")).sendKeys("应急预案未演练");
        clickAndWait(By.id("f-S3-NOT_COMPLIANT"));
        browser.executeScript("window.scrollTo(0, 0)");
        clickConfirmed(By.id("submit"));
        String assessment = browser.getCurrentUrl();

        clickAndWait(By.id("logout"));
        signIn(head);
        browser.get(assessment);
        clickAndWait(By.id("approval-link"));
        clickAndWait(By.id("approve"));
        clickAndWait(By.id("logout"));

        // The officer assigns the new rectification in place: owner, deadline, saved without leaving the page.
        signIn(officer);
        browser.get(assessment);
        WebElement plan = browser.findElement(By.cssSelector("#rectification-plans form.rect-plan"));
        String id = plan.getAttribute("id").substring("plan-".length());
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", plan);
        new Select(browser.findElement(By.id("owner-" + id))).selectByVisibleText(staff.username());
        WebElement measures = browser.findElement(By.id("measures-" + id));
        measures.clear();
        measures.sendKeys("制定应急预案并于年底前组织一次演练");
        WebElement deadline = browser.findElement(By.id("deadline-" + id));
        String due = ChinaTime.today().plusDays(45).toString();
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", deadline, due);
        browser.findElement(By.id("plan-save-" + id)).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("plan-saved-" + id)));
        BrowserTestSupport.screenshot(browser, "assessment-rectification-assigned-phone");

        browser.get(url("/rectifications/" + id));
        assertThat(browser.findElement(By.cssSelector(".facts")).getText()).contains(staff.username()).contains(due)
                .contains("制定应急预案");
        BrowserTestSupport.screenshot(browser, "rectification-assigned-phone");
    }
}
