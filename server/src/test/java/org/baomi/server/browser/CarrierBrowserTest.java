package org.baomi.server.browser;

import org.baomi.core.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.Fixtures.TestAccount;
import org.baomi.server.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * A SECRET document's life as the people of a unit live it in the browser: the secrecy officer
 * registers it and circulates it to two readers, each signs on his own screen, the officer asks
 * to copy it, the leader in charge approves in /approvals with a comment, the officer makes the
 * copy; then the original goes into a destruction batch, the leader approves it, the officer records
 * the destruction with two supervisors, and the timeline tells it all in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.H2.class)
class CarrierBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    void signOut() {
        clickAndWait(By.id("logout"));
        waitFor(ExpectedConditions.urlContains("/login"));
    }

    /** Clicks a button that submits a form and waits for the page it leads to. */
    void submit(By button) {
        clickAndWait(button);
    }

    String flash() {
        return browser.findElement(By.cssSelector(".flash.success")).getText();
    }

    @Test
    void aSecretDocumentIsRegisteredCirculatedSignedCopiedUnderApprovalDestroyedInABatchAndItsTimelineTellsItAll() throws Exception {
        long unit = fixtures.unit(Fixtures.unique("江州市审计局"), fixtures.rootUnit());
        long office = fixtures.department(unit, Fixtures.unique("办公室"));
        TestAccount officer = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        TestAccount reader1 = fixtures.account(unit, SecretRelatedLevel.IMPORTANT, Role.CLEARED_PERSON);
        TestAccount reader2 = fixtures.account(unit, SecretRelatedLevel.IMPORTANT, Role.CLEARED_PERSON);
        TestAccount leader = fixtures.account(unit, SecretRelatedLevel.IMPORTANT, Role.LEADER_IN_CHARGE);
        long supervisor1 = fixtures.person(unit, Fixtures.unique("监销人甲"), SecretRelatedLevel.IMPORTANT);
        long supervisor2 = fixtures.person(unit, Fixtures.unique("监销人乙"), SecretRelatedLevel.IMPORTANT);
        for (TestAccount a : List.of(reader1, reader2, leader)) {
            jdbc.sql("update person set department_id = :d where id = :p").param("d", office).param("p", a.personId())
                    .update();
        }

        // The secrecy officer registers the document.
        signIn(officer);
        browser.get(url("/carriers"));
        BrowserTestSupport.screenshot(browser, "carrier-ledger-empty");
        browser.findElement(By.id("carrier-new")).click();
        waitFor(ExpectedConditions.urlContains("/carriers/new"));
        String title = Fixtures.unique("关于年度审计计划的通知");
        BrowserTestSupport.type(browser, "title", title);
        BrowserTestSupport.type(browser, "documentNumber", "江审发〔2026〕9号");
        BrowserTestSupport.type(browser, "issuer", "江州市人民政府");
        browser.executeScript("document.getElementById('dated').value = '2026-11-02'");
        new Select(browser.findElement(By.id("level"))).selectByValue("SECRET");
        BrowserTestSupport.type(browser, "term", "10年");
        assertThat(browser.findElement(By.id("marking-preview")).getText()).isEqualTo("机密★10年");
        browser.findElement(By.cssSelector("input[name=scopeDepartmentIds][value='" + office + "']")).click();
        new Select(browser.findElement(By.id("storageKind"))).selectByValue("COMBINATION_LOCK_CABINET");
        BrowserTestSupport.type(browser, "storageName", "机要室2号密码文件柜");
        BrowserTestSupport.screenshot(browser, "carrier-register");
        submit(By.id("carrier-save"));
        assertThat(flash()).contains("已登记");
        String carrierPage = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("carrier-title")).getText()).isEqualTo(title);
        assertThat(browser.findElement(By.id("carrier-marking")).getText()).contains("机密★10年");

        // ... and circulates it: reader 1, then reader 2.
        browser.findElement(By.cssSelector("#act-circulate summary")).click();
        browser.findElement(By.id("route-" + reader1.personId())).click();
        browser.findElement(By.id("route-" + reader2.personId())).click();
        submit(By.id("circulate-submit"));
        assertThat(flash()).contains("已开始传阅");
        signOut();

        // Each reader signs when it is his turn.
        for (TestAccount reader : List.of(reader1, reader2)) {
            signIn(reader);
            browser.get(carrierPage);
            if (reader == reader2) {
                // The second reader signs on his phone.
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                browser.navigate().refresh();
                BrowserTestSupport.screenshot(browser, "carrier-sign-phone");
            }
            submit(By.id("sign"));
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
            assertThat(flash()).contains("已签阅");
            assertThat(browser.findElement(By.id("carrier-circulation")).getText())
                    .contains(reader.username() + " 已签阅");
            signOut();
        }

        // The officer has it back and asks to copy it once.
        signIn(officer);
        browser.get(carrierPage);
        submit(By.id("end-circulation"));
        browser.findElement(By.cssSelector("#act-copy summary")).click();
        BrowserTestSupport.type(browser, "copy-copies", "1");
        new Select(browser.findElement(By.id("copy-chain"))).selectByValue("LEADER_IN_CHARGE");
        BrowserTestSupport.type(browser, "copy-reason", "审计组现场使用");
        submit(By.id("copy-request-submit"));
        assertThat(flash()).contains("已提交审批");
        long request = jdbc.sql("select max(id) from approval_request where subject_type = 'carrier' and type = 'carrier.copy'"
                + " and unit_id = :u").param("u", unit).query(Long.class).single();
        signOut();

        // The leader in charge approves it on his approvals page, with a comment.
        signIn(leader);
        browser.get(url("/approvals"));
        browser.findElement(By.id("request-" + request)).click();
        waitFor(ExpectedConditions.urlContains("/approvals/" + request));
        BrowserTestSupport.type(browser, "comment", "同意复制一份，用后清退。");
        submit(By.id("approve"));
        assertThat(browser.findElement(By.id("approval-status")).getText()).isEqualTo("已同意");
        signOut();

        // The officer makes the copy under the approval.
        signIn(officer);
        browser.get(carrierPage);
        submit(By.id("use-" + request));
        assertThat(flash()).contains("已复制 1 份");
        WebElement copy = browser.findElement(By.cssSelector("#carrier-copies a"));
        String copySerial = copy.getText();

        // The timeline, oldest first.
        List<String> events = browser.findElements(By.cssSelector("#carrier-timeline li")).stream()
                .map(li -> li.getAttribute("data-event")).toList();
        assertThat(events).containsExactly("Registered", "CirculationStarted", "SignedAsRead", "SignedAsRead",
                "CirculationEnded", "Copied");
        List<WebElement> lines = browser.findElements(By.cssSelector("#carrier-timeline li"));
        assertThat(lines.get(2).getText()).contains(reader1.username());
        assertThat(lines.get(3).getText()).contains(reader2.username());
        assertThat(lines.get(5).findElement(By.cssSelector("a.approval-link")).getAttribute("href"))
                .endsWith("/approvals/" + request);
        assertThat(lines.get(5).getText()).contains(copySerial);
        BrowserTestSupport.screenshot(browser, "carrier-detail-desktop");
        browser.executeScript("document.getElementById('carrier-timeline').scrollIntoView()");
        BrowserTestSupport.screenshot(browser, "carrier-timeline-desktop");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.navigate().refresh();
        Object pageWidth = browser.executeScript("return document.documentElement.scrollWidth");
        assertThat(((Number) pageWidth).intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
        BrowserTestSupport.screenshot(browser, "carrier-detail-phone");
        browser.executeScript("document.getElementById('carrier-timeline').scrollIntoView()");
        BrowserTestSupport.screenshot(browser, "carrier-timeline-phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

        // The copy links back to its original.
        copy = browser.findElement(By.cssSelector("#carrier-copies a"));
        navigating(copy::click);
        assertThat(browser.findElement(By.id("carrier-original")).getAttribute("href")).isEqualTo(carrierPage);
        assertThat(browser.findElement(By.id("carrier-marking")).getText()).contains("机密★10年");

        browser.get(url("/carriers"));
        assertThat(browser.findElement(By.id("carrier-table")).getText()).contains(title).contains(copySerial);
        BrowserTestSupport.screenshot(browser, "carrier-ledger");

        // Filtering swaps the results in place (htmx) and puts the filter in the address to bookmark.
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(By.id("filter-serial")).sendKeys(copySerial);
        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#carrier-table tbody tr"), 1));
        waitFor(ExpectedConditions.urlContains("serial=" + copySerial));
        assertThat(browser.findElement(By.cssSelector("#carrier-table tbody tr")).getText()).contains(copySerial);
        assertThat(page.isDisplayed()).as("the page itself was not reloaded").isTrue();

        // The original goes to destruction: the officer lists it in a batch and submits it.
        browser.get(carrierPage);
        String originalSerial = browser.findElement(By.id("carrier-serial")).getText();
        browser.get(url("/carriers/batches/new"));
        new Select(browser.findElement(By.id("unitId"))).selectByValue(Long.toString(unit));
        new Select(browser.findElement(By.id("method"))).selectByValue("DESTRUCTION_CENTRE");
        browser.executeScript("document.getElementById('plannedDate').value = '2026-12-01'");
        BrowserTestSupport.type(browser, "place", "江州市国家保密局销毁中心");
        submit(By.id("batch-create"));
        String batchPage = browser.getCurrentUrl();
        long batch = Long.parseLong(batchPage.replaceAll(".*/carriers/batches/(\\d+).*", "$1"));
        browser.findElement(By.id("serial")).sendKeys(originalSerial + org.openqa.selenium.Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("batch-items"), originalSerial));
        clickConfirmed(By.id("batch-submit"));
        long destroyRequest = jdbc.sql("select request_id from carrier_batch where id = :id").param("id", batch)
                .query(Long.class).single();
        signOut();

        // The leader in charge approves the destruction on his approvals page.
        signIn(leader);
        browser.get(url("/approvals/" + destroyRequest));
        BrowserTestSupport.type(browser, "comment", "同意送销。");
        submit(By.id("approve"));
        assertThat(browser.findElement(By.id("approval-status")).getText()).isEqualTo("已同意");
        signOut();

        // The officer records the destruction with two supervisors who are not himself.
        signIn(officer);
        browser.get(batchPage);
        assertThat(browser.findElement(By.id("batch-status")).getText()).isEqualTo("已批准");
        browser.executeScript("document.getElementById('executedOn').value = arguments[0]",
                ChinaTime.today().toString());
        browser.findElement(By.id("supervisor-" + supervisor1)).click();
        browser.findElement(By.id("supervisor-" + supervisor2)).click();
        new Select(browser.findElement(By.id("destroyedById"))).selectByValue(Long.toString(officer.personId()));
        clickConfirmed(By.id("batch-execute-submit"));
        assertThat(browser.findElement(By.id("batch-status")).getText()).isEqualTo("已销毁");
        BrowserTestSupport.screenshot(browser, "carrier-e2e-batch-executed");

        // The original's timeline, read at the end, tells its whole life in order.
        browser.get(carrierPage);
        assertThat(browser.findElement(By.id("carrier-status")).getText()).isEqualTo("已销毁");
        assertThat(browser.findElements(By.cssSelector("#carrier-timeline li")).stream()
                .map(li -> li.getAttribute("data-event")).toList())
                .containsExactly("Registered", "CirculationStarted", "SignedAsRead", "SignedAsRead", "CirculationEnded",
                        "Copied", "Destroyed");
        List<WebElement> life = browser.findElements(By.cssSelector("#carrier-timeline li"));
        assertThat(life.get(6).getText()).contains(officer.username());
        browser.executeScript("document.getElementById('carrier-timeline').scrollIntoView()");
        BrowserTestSupport.screenshot(browser, "carrier-e2e-timeline-destroyed");
    }
}
