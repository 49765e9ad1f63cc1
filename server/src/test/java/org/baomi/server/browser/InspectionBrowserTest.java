package org.baomi.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.baomi.core.security.Role;
import org.baomi.server.assessment.AssessmentTestStandard;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The superior's secrecy officer plans an inspection of two units below, starts it, scores one unit and
 * records a finding, concludes it and opens the comparison (desktop and phone); the inspected unit's officer
 * then finds the finding among his rectifications. Screenshots for a person to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.H2.class)
class InspectionBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Test
    void planScoreFindConcludeCompareAndTheUnitRectifies() throws Exception {
        long superior = fixtures.unit(Fixtures.unique("市保密局"), fixtures.rootUnit());
        long unitA = fixtures.unit(Fixtures.unique("市发改委"), superior);
        long unitB = fixtures.unit(Fixtures.unique("市教育局"), superior);
        var chief = fixtures.account(superior, Role.SECRECY_OFFICER);
        var officerA = fixtures.account(unitA, Role.SECRECY_OFFICER);
        var clerkA = fixtures.account(unitA, Role.CLEARED_PERSON);
        String code = "insp" + System.nanoTime();
        Path file = Files.createTempFile("standard", ".yaml");
        Files.writeString(file, AssessmentTestStandard.yaml(code), StandardCharsets.UTF_8);

        signIn(chief);
        browser.get(url("/standards"));
        browser.findElement(By.id("standard-file")).sendKeys(file.toString());
        clickAndWait(By.id("standard-upload"));

        browser.get(url("/inspections"));
        BrowserTestSupport.type(browser, "title", "2026年度保密工作检查");
        browser.findElement(By.id("unit-" + unitA)).click();
        browser.findElement(By.id("unit-" + unitB)).click();
        Select standard = new Select(browser.findElement(By.id("standardId")));
        standard.getOptions().stream().filter(o -> o.getText().contains(code)).findFirst().orElseThrow().click();
        BrowserTestSupport.screenshot(browser, "inspection-plan");
        clickAndWait(By.id("plan"));
        assertThat(browser.getCurrentUrl()).matches(".*/inspections/\\d+$");
        String inspection = browser.getCurrentUrl();

        clickAndWait(By.id("start"));
        assertThat(browser.findElement(By.id("inspection-status")).getText()).isEqualTo("进行中");

        clickAndWait(By.id("open-unit-" + unitA));
        clickAndWait(By.id("f-A1-COMPLIANT"));
        WebElement points = browser.findElement(By.cssSelector("#item-A2 input[name=points]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", points);
        points.sendKeys("25");
        clickAndWait(By.id("f-A2-PARTLY"));
        clickAndWait(By.id("f-B1-NOT_APPLICABLE"));
        clickAndWait(By.id("f-B2-COMPLIANT"));
        assertThat(browser.findElement(By.id("score-value")).getText()).isEqualTo("93.8");
        assertThat(browser.findElement(By.id("grade")).getText()).isEqualTo("符合");
        // A classified computer found on the Internet: the veto turns the grade whatever the points.
        clickAndWait(By.id("veto-V1"));
        assertThat(browser.findElement(By.id("grade")).getText()).isEqualTo("不符合");
        assertThat(browser.findElement(By.id("vetoed")).getText()).contains("V1");
        assertThat(browser.findElement(By.id("score-value")).getText()).isEqualTo("93.8");
        browser.executeScript("window.scrollTo(0, 0)");
        BrowserTestSupport.screenshot(browser, "inspection-unit-veto");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("marks")));
        browser.executeScript("document.getElementById('score').scrollIntoView()");
        BrowserTestSupport.screenshot(browser, "inspection-unit-veto-phone");
        assertThat(browser.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1")).isEqualTo(false);
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.navigate().refresh();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("finding-owner")));
        new Select(browser.findElement(By.id("finding-item"))).selectByValue("A2");
        browser.findElement(By.id("finding-problem")).sendKeys("保密员由办公室文秘兼任，未专职配备");
        new Select(browser.findElement(By.id("finding-severity"))).selectByValue("MAJOR");
        new Select(browser.findElement(By.id("finding-owner"))).selectByValue(Long.toString(clerkA.id()));
        clickAndWait(By.id("add-finding-submit"));
        assertThat(browser.findElement(By.cssSelector("[id^=owner-of-]")).getText()).contains(clerkA.username());
        assertThat(browser.findElement(By.id("findings")).isDisplayed()).isTrue();
        browser.executeScript("window.scrollTo(0, 0)");
        BrowserTestSupport.screenshot(browser, "inspection-unit");

        browser.get(inspection);
        browser.findElement(By.id("conclusion-text")).sendKeys("发改委总体符合要求，保密员配备需整改；教育局待补充评分。");
        clickConfirmed(By.id("conclude"));
        assertThat(browser.findElement(By.id("inspection-status")).getText()).isEqualTo("已结束");
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id^=rectification-of-]")));
        assertThat(browser.findElement(By.id("vetoed-" + unitA)).isDisplayed()).isTrue();
        BrowserTestSupport.screenshot(browser, "inspection-concluded");
        // The summary's next steps are kept on the inspection and there on the next visit.
        WebElement next = browser.findElement(By.id("nextSteps"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", next);
        next.clear();
        next.sendKeys("请发改委于十二月底前报送涉密计算机违规联网整改报告。");
        BrowserTestSupport.type(browser, "marking", "内部");
        clickAndWait(By.id("save-report-texts"));
        browser.get(inspection);
        assertThat(browser.findElement(By.id("nextSteps")).getAttribute("value")).startsWith("请发改委于十二月底前");
        assertThat(browser.findElement(By.id("marking")).getAttribute("value")).isEqualTo("内部");
        browser.executeScript("document.getElementById('summary').scrollIntoView()");
        BrowserTestSupport.screenshot(browser, "inspection-summary-kept");

        browser.get(url("/inspections/comparison?standard=" + code));
        assertThat(browser.findElements(By.cssSelector("#compare-chart .series"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#compare-table td.score")).getText()).isEqualTo("93.8");
        assertThat(browser.findElement(By.cssSelector("#compare-table td.grade")).getText()).contains("不符合");
        BrowserTestSupport.screenshot(browser, "inspection-comparison-desktop");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("compare-chart")));
        BrowserTestSupport.screenshot(browser, "inspection-comparison-phone");
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
        assertThat(overflow).isEqualTo(false);

        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 900));
        signIn(officerA);
        browser.get(url("/rectifications"));
        WebElement from = browser.findElement(By.cssSelector("#rectifications .rect-inspection"));
        assertThat(from.getText()).contains("2026年度保密工作检查");
        BrowserTestSupport.screenshot(browser, "inspection-rectification-in-unit");
    }
}
