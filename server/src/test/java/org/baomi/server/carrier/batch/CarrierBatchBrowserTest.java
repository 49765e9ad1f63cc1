package org.baomi.server.carrier.batch;

import org.baomi.core.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.baomi.core.approval.Verdict;
import org.baomi.core.carrier.DestructionRecord;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.approval.ApprovalService;
import org.baomi.server.browser.BrowserTest;
import org.baomi.server.browser.BrowserTestSupport;
import org.baomi.server.carrier.CarrierService;
import org.baomi.server.carrier.CarrierViews.Registered;
import org.baomi.server.carrier.batch.BatchViews.BatchInput;
import org.baomi.server.carrier.batch.BatchViews.Execution;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.Fixtures.TestAccount;
import org.baomi.server.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * What a secrecy officer does with a destruction batch and an inventory in the browser: lists a
 * carrier by scanning its serial, records the destruction, prints the record; ticks carriers by
 * scanning during an inventory. Screenshots go to target/screenshots for a person to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.H2.class)
class CarrierBatchBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    CarrierLedgerFixture ledger;
    @Autowired
    DestructionBatchService batches;
    @Autowired
    InventoryService inventories;
    @Autowired
    ApprovalService approvals;
    @Autowired
    CarrierService carriers;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theOfficerListsRecordsAndPrintsADestructionBatchAndScansAnInventory() throws Exception {
        long unit = fixtures.unit("江州市发展和改革委员会" + Fixtures.unique(""), fixtures.rootUnit());
        TestAccount officer = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        jdbc.sql("update person set name = '周丽华' where id = :id").param("id", officer.personId()).update();
        TestAccount leader = fixtures.account(unit, SecretRelatedLevel.CORE, Role.LEADER_IN_CHARGE);
        jdbc.sql("update person set name = '李志强' where id = :id").param("id", leader.personId()).update();
        long zhao = fixtures.person(unit, "赵敏", SecretRelatedLevel.IMPORTANT);
        long wang = fixtures.person(unit, "王建国", SecretRelatedLevel.IMPORTANT);
        long chen = fixtures.person(unit, "陈晓东", SecretRelatedLevel.IMPORTANT);
        Registered plan = ledger.secret(officer, unit, "2025年度重点项目投资计划（草案）");
        Registered minutes = ledger.secret(officer, unit, "市委常委会会议纪要（第12次）");
        Registered report = ledger.secret(officer, unit, "全市能源消费总量控制测算报告", chen);
        Registered top = ledger.topSecret(officer, unit, "重要经济数据安全保障工作方案");
        ledger.as(officer, () -> carriers.archive(minutes.id()));

        long batch = ledger.as(officer, () -> batches.create(new BatchInput(unit,
                DestructionRecord.Method.DESTRUCTION_CENTRE, null, ChinaTime.today().plusDays(2), "江州市国家保密局销毁中心")));
        ledger.as(officer, () -> {
            batches.addCarrier(batch, plan.serial());
            batches.addCarrier(batch, minutes.serial());
        });

        signIn(officer);
        browser.get(url("/carriers/batches/new"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("method"))).selectByValue("IN_HOUSE_EQUIPMENT");
        browser.findElement(By.id("batch-create")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field-error")));
        assertThat(browser.findElement(By.id("batch-form")).getText()).contains("自行销毁须注明经检测合格的销毁设备")
                .contains("请填写销毁地点");
        BrowserTestSupport.screenshot(browser, "carrier-batch-new-errors");

        browser.get(url("/carriers/batches/" + batch));
        var serial = browser.findElement(By.id("serial"));
        serial.sendKeys(top.serial() + Keys.ENTER);
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.success"), top.serial()));
        assertThat(browser.findElement(By.id("batch-items")).getText()).contains("重要经济数据安全保障工作方案");
        BrowserTestSupport.screenshot(browser, "carrier-batch-draft");

        ledger.as(officer, () -> batches.submit(batch));
        long request = jdbc.sql("select request_id from carrier_batch where id = :id").param("id", batch)
                .query(Long.class).single();
        ledger.as(leader, () -> approvals.decide(request, Verdict.APPROVE, "同意送市国家保密局销毁中心销毁"));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1350));
        browser.get(url("/carriers/batches/" + batch));
        assertThat(browser.findElement(By.id("batch-status")).getText()).isEqualTo("已批准");
        assertThat(browser.findElement(By.cssSelector("#batch-execute .people-pick")).getText()).contains("赵敏").doesNotContain("周丽华");
        BrowserTestSupport.screenshot(browser, "carrier-batch-approved");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

        ledger.as(officer, () -> batches.execute(batch, new Execution(ChinaTime.today(), List.of(zhao, wang), chen)));
        browser.get(url("/carriers/batches/" + batch));
        assertThat(browser.findElement(By.id("batch-supervisors")).getText()).isEqualTo("赵敏、王建国");
        BrowserTestSupport.screenshot(browser, "carrier-batch-executed");

        browser.get(url("/carriers/batches"));
        assertThat(browser.findElement(By.id("batch-" + batch)).getText()).startsWith("XH-");
        BrowserTestSupport.screenshot(browser, "carrier-batch-list");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1000, 1300));
        browser.get(url("/carriers/batches/" + batch + "/print"));
        assertThat(browser.findElement(By.id("record-items")).getText()).contains(plan.serial())
                .contains("2025年度重点项目投资计划（草案）");
        assertThat(browser.findElement(By.id("record-count")).getText()).contains("合计 3 件");
        BrowserTestSupport.screenshot(browser, "carrier-batch-print");

        // An inventory of the cabinet: one ticked by scanning, one not there, one unknown serial.
        Registered a = ledger.secret(officer, unit, "关于开展2026年度价格专项检查的通知");
        Registered b = ledger.secret(officer, unit, "中期财政规划编制说明");
        ledger.secret(officer, unit, "粮食安全储备调整方案");
        ledger.as(officer, () -> carriers.lend(report.id(), chen, ChinaTime.today().plusDays(5)));
        long inventory = ledger.as(officer, () -> inventories.start(new InventoryViews.InventoryInput(unit,
                org.baomi.core.carrier.StoragePlace.Kind.COMBINATION_LOCK_CABINET, CarrierLedgerFixture.CABINET)));
        ledger.as(officer, () -> inventories.markMissing(inventory, b.id(), "2号柜、机要室各处均已查找，未找到"));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1100));
        browser.get(url("/carriers/inventories/" + inventory));
        browser.findElement(By.id("check-serial")).sendKeys(a.serial() + Keys.ENTER);
        waitFor(ExpectedConditions.textToBe(By.id("count-present"), "1"));
        assertThat(browser.findElement(By.id("check-serial")).getAttribute("value")).isEmpty();
        browser.findElement(By.id("check-serial")).sendKeys("JZ-2019-X-0042" + Keys.ENTER);
        waitFor(ExpectedConditions.textToBe(By.id("count-unexpected"), "1"));
        assertThat(browser.findElement(By.id("check-message")).getText()).contains("JZ-2019-X-0042");
        BrowserTestSupport.screenshot(browser, "carrier-inventory");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.navigate().refresh();
        BrowserTestSupport.screenshot(browser, "carrier-inventory-phone");

        ledger.as(officer, () -> inventories.finish(inventory));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1000, 1300));
        browser.get(url("/carriers/inventories/" + inventory + "/print"));
        assertThat(browser.findElement(By.id("record-summary")).getText()).contains("缺失 2 件");
        BrowserTestSupport.screenshot(browser, "carrier-inventory-print");

        browser.get(url("/carriers/batches"));
        browser.findElement(By.id("switch-language")).click();
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Destruction batches"));
        browser.get(url("/carriers/batches/" + batch + "/print"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Classified carrier destruction record");
        BrowserTestSupport.screenshot(browser, "carrier-batch-print-en");
    }
}
