package org.baomi.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.baomi.core.carrier.CarrierType;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.carrier.CarrierInput;
import org.baomi.server.carrier.CarrierService;
import org.baomi.server.security.AccountUserDetailsService;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.Fixtures.TestAccount;
import org.baomi.server.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ContextConfiguration;

/**
 * 张三调离: the secrecy officer hands over everything 张三 keeps. He first picks a successor who is
 * not cleared for the TOP SECRET document — the preview says which one cannot go and the button
 * stays disabled — then one who is; he confirms, and the printed hand-over list names both people
 * and every carrier, with lines for their signatures and the supervisor's. On one carrier's page
 * he then narrows the knowledge scope, and the timeline tells both changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.H2.class)
class CarrierHandoverBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CarrierService carriers;
    @Autowired
    AccountUserDetailsService users;

    <T> T as(TestAccount who, Callable<T> work) throws Exception {
        var user = users.loadUserByUsername(who.username());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void everythingAPersonKeepsIsHandedOverAtOnceAndTheListIsPrinted() throws Exception {
        long unit = fixtures.unit(Fixtures.unique("江州市统计局"), fixtures.rootUnit());
        long office = fixtures.department(unit, Fixtures.unique("办公室"));
        long survey = fixtures.department(unit, Fixtures.unique("调查科"));
        TestAccount officer = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        String leavingName = Fixtures.unique("张三");
        long leaving = fixtures.person(unit, leavingName, SecretRelatedLevel.CORE);
        long notCleared = fixtures.person(unit, Fixtures.unique("王五"), SecretRelatedLevel.IMPORTANT);
        String successorName = Fixtures.unique("李四");
        long successor = fixtures.person(unit, successorName, SecretRelatedLevel.CORE);
        List<String> titles = List.of(Fixtures.unique("关于人口普查数据的报告"), Fixtures.unique("年度统计调查方案"),
                Fixtures.unique("重大项目统计资料"));
        List<Long> ids = as(officer, () -> List.of(
                register(unit, titles.get(0), "机密★10年", StoragePlace.Kind.COMBINATION_LOCK_CABINET, office, leaving),
                register(unit, titles.get(1), "秘密★", StoragePlace.Kind.COMBINATION_LOCK_CABINET, office, leaving),
                register(unit, titles.get(2), "绝密★长期", StoragePlace.Kind.COMBINATION_SAFE, office, leaving)));

        signIn(officer);
        browser.get(url("/carriers"));
        clickAndWait(By.id("carrier-handover"));
        new Select(browser.findElement(By.id("handover-from"))).selectByValue(Long.toString(leaving));
        new Select(browser.findElement(By.id("handover-to"))).selectByValue(Long.toString(notCleared));
        clickAndWait(By.id("handover-preview"));

        // Not cleared for TOP SECRET: that line says so, and nothing can be confirmed.
        assertThat(browser.findElements(By.cssSelector("#handover-list tbody tr"))).hasSize(3);
        WebElement refused = browser.findElement(By.id("handover-item-" + ids.get(2)));
        assertThat(refused.getAttribute("class")).contains("refused");
        assertThat(refused.getText()).contains("绝密");
        assertThat(browser.findElement(By.id("handover-refused")).getText()).contains("1");
        assertThat(browser.findElement(By.id("handover-submit")).isEnabled()).isFalse();
        BrowserTestSupport.screenshot(browser, "carrier-handover-refused");
        onAPhone(() -> {
            assertThat(refused.getText()).as("the reason stays readable").contains("绝密");
            BrowserTestSupport.screenshot(browser, "carrier-handover-refused-phone");
        });

        new Select(browser.findElement(By.id("handover-to"))).selectByValue(Long.toString(successor));
        clickAndWait(By.id("handover-preview"));
        assertThat(browser.findElements(By.cssSelector("#handover-list tr.refused"))).isEmpty();
        assertThat(browser.findElement(By.id("handover-list")).getText()).contains(titles.get(0), titles.get(2));
        BrowserTestSupport.type(browser, "handover-reason", "调离本岗位");
        onAPhone(() -> BrowserTestSupport.screenshot(browser, "carrier-handover-preview-phone"));
        clickConfirmed(By.id("handover-submit"));

        // The printed list: both names, every carrier, the signature lines.
        waitFor(ExpectedConditions.urlMatches(".*/carriers/handovers/\\d+/print$"));
        assertThat(browser.findElement(By.id("flash-success")).getText()).contains("移交清单");
        assertThat(browser.findElement(By.id("record-from")).getText()).isEqualTo(leavingName);
        assertThat(browser.findElement(By.id("record-to")).getText()).isEqualTo(successorName);
        assertThat(browser.findElements(By.cssSelector("#record-items tbody tr"))).hasSize(3);
        assertThat(browser.findElement(By.id("record-items")).getText()).contains(titles.get(1));
        assertThat(browser.findElement(By.id("handover-record")).getText()).contains("监交人");
        BrowserTestSupport.screenshot(browser, "carrier-handover-print");
        for (long id : ids) {
            assertThat(jdbc.sql("select custodian_person_id from carrier where id = :id").param("id", id)
                    .query(Long.class).single()).isEqualTo(successor);
        }

        // One carrier's knowledge scope narrows to the survey section.
        browser.get(url("/carriers/" + ids.get(0)));
        assertThat(browser.findElement(By.id("carrier-timeline")).getText()).contains(leavingName + " → " + successorName);
        browser.findElement(By.cssSelector("#act-scope summary")).click();
        browser.findElement(By.id("scope-dept-" + office)).click();
        browser.findElement(By.id("scope-dept-" + survey)).click();
        BrowserTestSupport.type(browser, "scope-reason", "工作分工调整");
        BrowserTestSupport.screenshot(browser, "carrier-scope-form");
        clickAndWait(By.id("scope-submit"));
        assertThat(browser.findElement(By.cssSelector(".flash.success")).getText()).contains("知悉范围");
        assertThat(browser.findElement(By.id("carrier-scope")).getText()).doesNotContain(
                jdbc.sql("select name from department where id = :d").param("d", office).query(String.class).single());
        assertThat(browser.findElement(By.id("carrier-timeline")).getText()).contains("工作分工调整");
        BrowserTestSupport.screenshot(browser, "carrier-scope-timeline");
    }

    interface Check {
        void run() throws Exception;
    }

    /**
     * At 390 px the preview stacks each carrier as a card: the page does not scroll sideways and
     * every carrier's status is shown.
     */
    private void onAPhone(Check then) throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            Number overflow = (Number) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
            List<WebElement> statuses = browser.findElements(By.cssSelector("#handover-list tbody td.handover-status"));
            assertThat(statuses).hasSize(3).allMatch(WebElement::isDisplayed, "status shown");
            int screen = ((Number) browser.executeScript("return document.documentElement.clientWidth;")).intValue();
            assertThat(screen).isLessThanOrEqualTo(390);
            for (WebElement card : browser.findElements(By.cssSelector("#handover-list tbody tr"))) {
                assertThat(card.getRect().getX() + card.getRect().getWidth()).as("card within the screen")
                        .isLessThanOrEqualTo(screen);
            }
            browser.executeScript("document.getElementById('handover-list').scrollIntoView();");
            then.run();
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private long register(long unit, String title, String marking, StoragePlace.Kind kind, long department,
            long custodian) {
        return carriers.register(new CarrierInput(unit, CarrierType.PAPER_DOCUMENT, title, "江统发〔2026〕5号",
                "江州市统计局", LocalDate.of(2026, 10, 9), 1, 1, marking, List.of(), List.of(department), custodian, kind,
                "机要室保险柜")).id();
    }
}
