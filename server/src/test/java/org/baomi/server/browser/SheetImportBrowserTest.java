package org.baomi.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.platform.sheet.Sheets;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * What a secrecy officer does with a register from Excel: uploads it, reads which cells are
 * wrong, corrects them and uploads it again — on a desktop and on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.H2.class)
class SheetImportBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    Path dir;

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("sheet-browser");
    }

    @Test
    void anOfficerSeesEveryBadCellThenImportsTheCorrectedRegister() throws Exception {
        long unit = fixtures.unit(Fixtures.unique("江州市发展和改革委员会"), fixtures.rootUnit());
        var officer = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        String custodian = Fixtures.unique("王");
        fixtures.person(unit, custodian, SecretRelatedLevel.CORE);
        String office = Fixtures.unique("办公室");
        fixtures.department(unit, office);
        List<Object> header = List.of("序号", "编号", "标题", "文号", "密级", "保密期限", "来文单位", "日期", "份数/份号", "知悉范围",
                "责任人", "存放位置", "备注");
        List<Object> good = Arrays.asList(1, "FGW-2026-001", "关于做好年度保密自查自评工作的通知", "江保发〔2026〕3号", "秘密", "1年",
                "江州市保密局", LocalDate.of(2026, 3, 5), "第3份/共20份", office, custodian, "密码文件柜 机要室2号", null);
        List<Object> bad = Arrays.asList(2, "FGW-2026-002", "关于开展保密检查的通知", "江保发〔2026〕4号", "很机密", "10年",
                "江州市保密局", "2026-02-30", "第3份/共2份", "张不存在", "李不存在", "抽屉", "急");
        Path wrong = Files.write(dir.resolve("台账.xlsx"), Sheets.xlsx(List.of(
                List.of("江州市发展和改革委员会 涉密载体台账（2026年）"), header, good, bad)));

        signIn(officer);
        browser.get(url("/carriers/import"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("导入涉密载体台账");
        BrowserTestSupport.screenshot(browser, "sheet-import-form");
        browser.findElement(By.id("sheet-submit")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("sheet-file-error")));
        assertThat(browser.findElement(By.id("sheet-file-error")).getText()).contains("请选择");

        browser.findElement(By.id("sheet-file")).sendKeys(wrong.toString());
        browser.findElement(By.id("sheet-submit")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("sheet-problems")));
        String table = browser.findElement(By.id("sheet-problems")).getText();
        assertThat(table).contains("很机密").contains("2026-02-30").contains("不是日期").contains("第3份/共2份")
                .as("names are checked in the same pass as the cells").contains("张不存在").contains("李不存在");
        assertThat(browser.findElement(By.id("sheet-report")).getText()).contains("未导入任何数据").contains("备注");
        BrowserTestSupport.screenshot(browser, "sheet-import-problems");
        assertThat(jdbc.sql("select count(*) from carrier where unit_id = :u").param("u", unit).query(Long.class)
                .single()).isZero();

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(400, 860));
        browser.executeScript("document.getElementById('sheet-report').scrollIntoView()");
        BrowserTestSupport.screenshot(browser, "sheet-import-problems-phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

        Path right = Files.write(dir.resolve("台账-改.xlsx"), Sheets.xlsx(List.of(header, good)));
        browser.findElement(By.id("sheet-file")).sendKeys(right.toString());
        clickAndWait(By.id("sheet-submit"));
        waitFor(ExpectedConditions.urlToBe(url("/carriers")));
        assertThat(jdbc.sql("select count(*) from carrier where unit_id = :u").param("u", unit).query(Long.class)
                .single()).isEqualTo(1);

        // the ledger page belongs to another branch: switch the language from the import page
        browser.get(url("/carriers/import"));
        clickAndWait(By.id("switch-language"));
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Import the classified carrier ledger"));
        browser.findElement(By.id("sheet-file")).sendKeys(wrong.toString());
        browser.findElement(By.id("sheet-submit")).click();
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("sheet-problems")));
        assertThat(browser.findElement(By.id("sheet-problems")).getText()).contains("is not a date");
        BrowserTestSupport.screenshot(browser, "sheet-import-problems-en");
    }
}
