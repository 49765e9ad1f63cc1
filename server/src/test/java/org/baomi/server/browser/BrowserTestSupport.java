package org.baomi.server.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's packages (chromium, chromium-driver), driven by Selenium
 * without Selenium Manager (which would try to download a browser). Browser tests are skipped
 * on a machine without them, except under {@code CI=true}, where .ci/run installs them.
 */
public final class BrowserTestSupport implements ExecutionCondition {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return ConditionEvaluationResult.enabled("chromium and chromedriver present");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: install Debian's chromium and chromium-driver (.ci/run does)");
        }
        return ConditionEvaluationResult.disabled("no chromium/chromedriver; browser tests skipped outside CI");
    }

    public static ChromeDriver newBrowser(int width, int height) {
        return newBrowser(width, height, null);
    }

    /** A browser that saves downloads into {@code downloads} without asking (none given: Chrome's default). */
    public static ChromeDriver newBrowser(int width, int height, Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--lang=zh-CN", "--window-size=" + width + "," + height);
        // No password manager: it would fill the login form it saw submitted before.
        java.util.Map<String, Object> prefs = new java.util.HashMap<>(java.util.Map.of("credentials_enable_service", false,
                "profile.password_manager_enabled", false, "autofill.profile_enabled", false));
        if (downloads != null) {
            prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
            prefs.put("download.prompt_for_download", false);
        }
        options.setExperimentalOption("prefs", prefs);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Replaces whatever a field holds with {@code text}, as a person retyping it would. */
    public static void type(ChromeDriver driver, String id, String text) {
        var field = driver.findElement(org.openqa.selenium.By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public static void screenshot(ChromeDriver driver, String name) throws java.io.IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
