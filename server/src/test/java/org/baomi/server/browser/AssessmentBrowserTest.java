package org.baomi.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.baomi.core.security.Role;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A secrecy officer on a phone: adds a standard, opens the unit's self-assessment, scores it category by
 * category with the result buttons and submits it for the unit head. Screenshots for a person to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.H2.class)
class AssessmentBrowserTest extends BrowserTest {

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

    @Test
    void theOfficerScoresAndSubmitsOnAPhone() throws Exception {
        long unit = fixtures.unit(Fixtures.unique("市保密局"), fixtures.rootUnit());
        var officer = fixtures.account(unit, Role.SECRECY_OFFICER);
        var head = fixtures.account(unit, Role.UNIT_HEAD);
        String code = "phone" + System.nanoTime();
        Path file = Files.createTempFile("standard", ".yaml");
        Files.writeString(file, org.baomi.server.assessment.AssessmentTestStandard.yaml(code), StandardCharsets.UTF_8);

        signIn(officer);

        browser.get(url("/standards"));
        browser.findElement(By.id("standard-file")).sendKeys(file.toString());
        clickAndWait(By.id("standard-upload"));
        assertThat(browser.getCurrentUrl()).matches(".*/standards/\\d+$");

        browser.get(url("/assessments"));
        Select standard = new Select(browser.findElement(By.id("standardId")));
        standard.getOptions().stream().filter(o -> o.getText().contains(code)).findFirst().orElseThrow().click();
        new Select(browser.findElement(By.id("unitId"))).selectByValue(String.valueOf(unit));
        BrowserTestSupport.screenshot(browser, "assessment-open-phone");
        clickAndWait(By.id("open"));
        assertThat(browser.getCurrentUrl()).matches(".*/assessments/\\d+$");

        clickAndWait(By.id("f-A1-COMPLIANT"));
        WebElement points = browser.findElement(By.cssSelector("#item-A2 input[name=points]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", points);
        points.sendKeys("25");
        clickAndWait(By.id("f-A2-PARTLY"));
        assertThat(browser.findElement(By.id("result-A2")).getText()).contains("25");
        browser.executeScript("document.getElementById('item-A2').scrollIntoView()");
        BrowserTestSupport.screenshot(browser, "assessment-items-phone");
        clickAndWait(By.id("category-B"));
        clickAndWait(By.id("f-B1-NOT_APPLICABLE"));
        clickAndWait(By.id("f-B2-COMPLIANT"));
        assertThat(browser.findElement(By.id("score-value")).getText()).isEqualTo("93.8");
        browser.executeScript("window.scrollTo(0, 0)");
        BrowserTestSupport.screenshot(browser, "assessment-scored-phone");

        clickConfirmed(By.id("submit"));
        assertThat(browser.findElement(By.id("assessment-status")).getText()).isNotBlank();
        assertThat(browser.findElements(By.id("submit"))).isEmpty();
        assertThat(browser.findElement(By.id("approval-link")).isDisplayed()).isTrue();
        BrowserTestSupport.screenshot(browser, "assessment-submitted-phone");
        String assessment = browser.getCurrentUrl();

        // the unit head approves on his phone: the assessment locks and A2 becomes a rectification
        clickAndWait(By.id("logout"));
        signIn(head);
        browser.get(assessment);
        clickAndWait(By.id("approval-link"));
        clickAndWait(By.id("approve"));
        browser.get(assessment);
        assertThat(browser.findElements(By.cssSelector("#assessment-rectifications li"))).hasSize(1);
        browser.executeScript("document.getElementById('assessment-rectifications').scrollIntoView()");
        BrowserTestSupport.screenshot(browser, "assessment-locked-phone");
        clickAndWait(By.cssSelector("#assessment-rectifications a"));
        assertThat(browser.findElement(By.id("rectification-status")).getText()).isNotBlank();
        BrowserTestSupport.screenshot(browser, "rectification-phone");
    }
}
