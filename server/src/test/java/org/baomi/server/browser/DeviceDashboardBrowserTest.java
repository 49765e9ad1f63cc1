package org.baomi.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.baomi.server.demo.DemoOrganisation;
import org.baomi.server.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo secrecy officer signs in and finds the device compliance on his dashboard (the demo's
 * findings: two high, one medium, no critical); the leader in charge finds the admission waiting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"baomi.demo=true",
        "baomi.mode=serve", "spring.datasource.url=jdbc:h2:mem:baomi-device-browser;DB_CLOSE_DELAY=-1"})
class DeviceDashboardBrowserTest extends BrowserTest {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("baomi.data-dir", () -> TestDatabases.dataDir().resolve("device-browser").toString());
    }

    void signIn(String username) {
        signIn(username, DemoOrganisation.PASSWORD);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("dashboard-cards")));
    }

    Map<String, String> cards() {
        Map<String, String> cards = new LinkedHashMap<>();
        for (WebElement card : browser.findElements(By.cssSelector("#dashboard-cards .card"))) {
            cards.put(card.findElement(By.className("label")).getText(),
                    card.findElement(By.className("value")).getText() + " " + card.getAttribute("class"));
        }
        return cards;
    }

    @Test
    void theOfficerSeesTheDemoFindingsAndTheLeaderTheAdmissionWaiting() throws Exception {
        signIn("secrecy");
        Map<String, String> cards = cards();
        assertThat(cards).containsEntry("设备合规：严重违规", "0 card good")
                .containsEntry("设备合规：高风险", "2 card attention")
                .containsEntry("设备合规：中风险", "1 card attention");
        BrowserTestSupport.screenshot(browser, "device-dashboard-officer");

        browser.manage().deleteAllCookies();
        signIn("leader");
        BrowserTestSupport.screenshot(browser, "device-dashboard-leader");
        browser.get(url("/approvals?box=inbox"));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "设备入网审批"));
        BrowserTestSupport.screenshot(browser, "device-admission-inbox");
    }
}
