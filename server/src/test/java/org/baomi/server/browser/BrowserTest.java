package org.baomi.server.browser;

import java.time.Duration;
import org.baomi.server.test.Fixtures.TestAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test does around its story: a desktop-sized headless browser per test
 * (skipped without chromium, see {@link BrowserTestSupport}), the server's address, waiting for a
 * page, and signing in. The subclass carries its own {@code @SpringBootTest}.
 */
@ExtendWith(BrowserTestSupport.class)
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    protected ChromeDriver browser;

    @BeforeEach
    protected void openBrowser() {
        browser = BrowserTestSupport.newBrowser(width(), height());
    }

    /** The window's size; a phone test overrides both. */
    protected int width() {
        return 1280;
    }

    protected int height() {
        return 900;
    }

    @AfterEach
    protected void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /**
     * Waits up to 20 s for a condition. While a page is being replaced Chrome may answer a question
     * about an element of the old one with a generic error ("Node with given id does not belong to the
     * document") instead of "stale"; such answers mean "not yet", so they are retried, not thrown.
     */
    protected void waitFor(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(WebDriverException.class)
                .until(condition);
    }

    /**
     * Runs an action that leads to another page (a link, a submit button, a confirmation) and waits
     * until the new document has loaded. The old document is marked by a script variable, which only a
     * real navigation clears; that is sturdier than watching an element of the old page go stale.
     */
    protected void navigating(Runnable action) {
        browser.executeScript("window.__baomiOldPage = true");
        action.run();
        waitFor(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return window.__baomiOldPage === undefined && document.readyState === 'complete'")));
    }

    /** Scrolls an element into the middle of the screen (a phone's too), clicks it and waits for the next page. */
    protected void clickAndWait(By target) {
        navigating(() -> {
            WebElement element = browser.findElement(target);
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
        });
    }

    /** Clicks a button that asks "are you sure?" first, accepts, and waits for the next page. */
    protected void clickConfirmed(By target) {
        navigating(() -> {
            WebElement element = browser.findElement(target);
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.alertIsPresent());
            browser.switchTo().alert().accept();
        });
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in on the login page and waits for the dashboard it leads to. */
    protected void signIn(String username, String password) {
        browser.get(url("/login"));
        BrowserTestSupport.type(browser, "username", username);
        BrowserTestSupport.type(browser, "password", password);
        clickAndWait(By.id("login-submit"));
        waitFor(ExpectedConditions.urlToBe(url("/")));
    }

    protected void signIn(TestAccount who) {
        signIn(who.username(), who.password());
    }
}
