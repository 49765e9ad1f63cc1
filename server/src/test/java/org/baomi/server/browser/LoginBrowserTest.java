package org.baomi.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.baomi.core.security.Role;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * What a new user does first: signs in with a one-time password, is made to change it, reaches
 * the dashboard, and switches the language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.H2.class)
class LoginBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewUserSignsInChangesHisPasswordSeesTheDashboardAndSwitchesToEnglish() throws Exception {
        var officer = fixtures.account(fixtures.rootUnit(), Role.SECRECY_OFFICER);
        jdbc.sql("update account set must_change_password = true where id = :id").param("id", officer.id()).update();

        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
        BrowserTestSupport.screenshot(browser, "login");

        BrowserTestSupport.type(browser, "username", officer.username());
        BrowserTestSupport.type(browser, "password", "wrong password");
        clickAndWait(By.id("login-submit"));
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText()).contains("用户名或口令错误");

        BrowserTestSupport.type(browser, "username", officer.username());
        BrowserTestSupport.type(browser, "password", officer.password());
        clickAndWait(By.id("login-submit"));

        // A click returns before the navigation it starts has finished: wait for the new page.
        waitFor(ExpectedConditions.urlContains("/account/password"));
        assertThat(browser.findElement(By.cssSelector(".flash.info")).getText()).contains("请先修改口令");
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).as("nothing else before the password is changed").endsWith("/account/password");

        BrowserTestSupport.type(browser, "current", officer.password());
        BrowserTestSupport.type(browser, "next", "short");
        BrowserTestSupport.type(browser, "repeat", "short");
        clickAndWait(By.id("password-submit"));
        assertThat(browser.findElement(By.cssSelector(".field-error")).getText()).contains("至少");
        BrowserTestSupport.screenshot(browser, "password-errors");

        String fresh = "Fresh#Passw0rd-" + officer.id();
        BrowserTestSupport.type(browser, "current", officer.password());
        BrowserTestSupport.type(browser, "next", fresh);
        BrowserTestSupport.type(browser, "repeat", fresh);
        clickAndWait(By.id("password-submit"));

        waitFor(ExpectedConditions.urlToBe(url("/")));
        assertThat(browser.findElement(By.cssSelector(".flash.success")).getText()).contains("口令已修改");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("您好，" + officer.username());
        BrowserTestSupport.screenshot(browser, "dashboard-zh");

        clickAndWait(By.id("switch-language"));
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Welcome, " + officer.username()));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome, " + officer.username());
        assertThat(browser.findElement(By.id("switch-language")).getText()).isEqualTo("中文");
        BrowserTestSupport.screenshot(browser, "dashboard-en");
        assertThat(jdbc.sql("select locale from account where id = :id").param("id", officer.id())
                .query(String.class).single()).as("the language choice belongs to the account").isEqualTo("en");

        clickAndWait(By.id("logout"));
        waitFor(ExpectedConditions.urlContains("/login"));
        assertThat(fixtures.auditCount("logout")).isPositive();
    }
}
