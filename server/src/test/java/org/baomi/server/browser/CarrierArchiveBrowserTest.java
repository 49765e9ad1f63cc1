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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ContextConfiguration;

/**
 * 调阅: an archived report is retrieved for a colleague to read; his clearance is checked, the
 * page says he has it until when, and when he brings it back it is in the archive again — the
 * timeline tells both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.H2.class)
class CarrierArchiveBrowserTest extends BrowserTest {

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

    String status(long id) {
        return jdbc.sql("select status from carrier where id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void anArchivedReportIsRetrievedForReadingAndGoesBackToTheArchive() throws Exception {
        long unit = fixtures.unit(Fixtures.unique("江州市审计局"), fixtures.rootUnit());
        long office = fixtures.department(unit, Fixtures.unique("办公室"));
        TestAccount officer = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        String readerName = Fixtures.unique("刘六");
        long reader = fixtures.person(unit, readerName, SecretRelatedLevel.IMPORTANT);
        long general = fixtures.person(unit, Fixtures.unique("钱七"), SecretRelatedLevel.GENERAL);
        String title = Fixtures.unique("2025年度预算执行审计报告");
        long id = as(officer, () -> {
            long c = carriers.register(new CarrierInput(unit, CarrierType.PAPER_DOCUMENT, title, "江审发〔2026〕3号",
                    "江州市审计局", LocalDate.of(2026, 4, 2), 1, 1, "机密★10年", List.of(reader, general),
                    List.of(office), officer.personId(), StoragePlace.Kind.COMBINATION_LOCK_CABINET, "档案室密码柜")).id();
            carriers.archive(c);
            return c;
        });

        signIn(officer);
        browser.get(url("/carriers/" + id));
        browser.findElement(By.cssSelector("#act-retrieve summary")).click();
        // Not cleared for SECRET: refused, named at the field, nothing changed.
        new Select(browser.findElement(By.id("retrieve-person"))).selectByValue(Long.toString(general));
        browser.executeScript("document.getElementById('retrieve-due').value = '" + LocalDate.now().plusDays(5) + "'");
        clickAndWait(By.id("retrieve-submit"));
        assertThat(browser.findElement(By.id("act-retrieve")).getText()).contains("涉密等级不足");
        assertThat(status(id)).isEqualTo("ARCHIVED");
        BrowserTestSupport.screenshot(browser, "carrier-retrieve-refused");

        new Select(browser.findElement(By.id("retrieve-person"))).selectByValue(Long.toString(reader));
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.executeScript("document.getElementById('act-retrieve').scrollIntoView();");
        BrowserTestSupport.screenshot(browser, "carrier-retrieve-form-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
        clickAndWait(By.id("retrieve-submit"));
        assertThat(browser.findElement(By.cssSelector(".flash.success")).getText()).contains("已调阅");
        assertThat(browser.findElement(By.id("carrier-retrieval")).getText()).contains(readerName, "归还入档");
        assertThat(browser.findElement(By.id("carrier-timeline")).getText()).contains("调阅给 " + readerName);
        assertThat(status(id)).isEqualTo("ON_LOAN");
        assertThat(browser.findElement(By.id("carrier-status")).getText()).isEqualTo("已调阅");
        BrowserTestSupport.screenshot(browser, "carrier-retrieved");

        assertThat(browser.findElement(By.id("return")).getText()).isEqualTo("归还入档");
        clickAndWait(By.id("return"));
        assertThat(status(id)).isEqualTo("ARCHIVED");
        assertThat(browser.findElement(By.cssSelector(".flash.success")).getText()).contains("已归还入档");
        assertThat(browser.findElement(By.id("carrier-timeline")).getText()).contains("回到档案");
        assertThat(browser.findElements(By.id("act-retrieve"))).as("it can be retrieved again").hasSize(1);
        BrowserTestSupport.screenshot(browser, "carrier-returned-to-archive");
    }
}
