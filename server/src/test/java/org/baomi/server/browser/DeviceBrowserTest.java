package org.baomi.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.TestDatabases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * What a secrecy officer does with the device ledger: registers a classified computer and a
 * medium, records Bluetooth in the computer, sees the violation on the device page and on the
 * compliance page, removes it and sees it clear; prints the label. Screenshots for a person to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabases.H2.class)
class DeviceBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    void select(String id, String value) {
        new Select(browser.findElement(By.id(id))).selectByValue(value);
    }

    void check(String name, boolean on) {
        WebElement box = browser.findElement(By.cssSelector("input[type=checkbox][name='" + name + "']"));
        if (box.isSelected() != on) {
            box.click();
        }
    }

    void save(String buttonId, String urlPattern) {
        clickAndWait(By.id(buttonId));
        waitFor(d -> d.getCurrentUrl().matches(urlPattern));
    }

    @Test
    void theOfficerRegistersBreaksAndFixesAComputerAndSeesTheCompliancePageFollow() throws Exception {
        long unit = fixtures.unit(Fixtures.unique("市档案局"), fixtures.rootUnit());
        long department = fixtures.department(unit, "办公室");
        long responsible = fixtures.person(unit, "王建国", SecretRelatedLevel.IMPORTANT);
        var officer = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        String asset = Fixtures.unique("ZC-2026-");

        signIn(officer);

        // register a classified computer with every security setting in place
        browser.get(url("/devices/new?unitId=" + unit));
        BrowserTestSupport.type(browser, "details.assetNumber", asset);
        select("details.type", "DESKTOP");
        select("details.designation", "CLASSIFIED");
        select("details.level", "SECRET");
        BrowserTestSupport.type(browser, "details.brandModel", "联想 启天 M428");
        BrowserTestSupport.type(browser, "details.serialNumber", "PC0XK9QZ");
        BrowserTestSupport.type(browser, "details.diskSerials", "WD-WX12A3456789");
        BrowserTestSupport.type(browser, "details.macAddresses", "00-1A-2B-3C-4D-5E");
        BrowserTestSupport.type(browser, "details.operatingSystem", "统信 UOS 20");
        for (String s : new String[] {"bootPassword", "usbStorageBlocked", "wirelessRemoved", "opticalDriveDisabled",
                "terminalControlSuite", "antivirus", "auditEnabled"}) {
            check("details.security." + s, true);
        }
        select("placement.responsiblePersonId", String.valueOf(responsible));
        select("placement.departmentId", String.valueOf(department));
        BrowserTestSupport.type(browser, "placement.location", "3楼 301 室");
        BrowserTestSupport.screenshot(browser, "device-form");
        save("save-device", ".*/devices/\\d+$");
        String devicePage = browser.getCurrentUrl();
        assertThat(browser.findElement(By.cssSelector(".flash.success")).getText()).contains(asset);
        assertThat(browser.findElement(By.id("device-clean")).isDisplayed()).isTrue();

        // register a medium for it
        browser.get(url("/media/new?unitId=" + unit));
        select("type", "USB_FLASH_DRIVE");
        select("level", "SECRET");
        BrowserTestSupport.type(browser, "brandModel", "朗科 U208");
        BrowserTestSupport.type(browser, "capacity", "32GB");
        BrowserTestSupport.type(browser, "usbSerial", "0401ABCD1234");
        browser.findElement(By.cssSelector("input[type=checkbox][name='allowedDeviceIds']")).click();
        save("save-medium", ".*/media/\\d+$");
        String mediumNumber = browser.findElement(By.cssSelector("h1 .mono")).getText();
        assertThat(mediumNumber).contains("-HP-");
        BrowserTestSupport.screenshot(browser, "medium-detail");

        // break a rule: Bluetooth in a classified computer
        browser.get(devicePage + "/edit");
        check("details.hardware.bluetooth", true);
        save("save-device", ".*/devices/\\d+$");
        assertThat(browser.findElements(By.id("device-clean"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#device-compliance .violations")).getText()).contains(asset);
        assertThat(browser.findElement(By.tagName("section")).getText()).as("the medium is listed as allowed on it")
                .contains(mediumNumber);
        BrowserTestSupport.screenshot(browser, "device-detail-violation");

        browser.get(url("/compliance?unitId=" + unit));
        assertThat(browser.findElement(By.id("severity-HIGH")).getText()).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector(".violations a[href$='" + devicePage.substring(devicePage.indexOf("/devices/")) + "']"))).hasSize(1);
        BrowserTestSupport.screenshot(browser, "compliance-desktop");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("group-HIGH")));
        BrowserTestSupport.screenshot(browser, "compliance-violations");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        BrowserTestSupport.screenshot(browser, "compliance-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));

        // fix it and see it clear
        browser.get(devicePage + "/edit");
        check("details.hardware.bluetooth", false);
        save("save-device", ".*/devices/\\d+$");
        assertThat(browser.findElement(By.id("device-clean")).isDisplayed()).isTrue();
        BrowserTestSupport.screenshot(browser, "device-detail-clean");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("device-acts")));
        BrowserTestSupport.screenshot(browser, "device-detail-acts-history");
        browser.get(url("/compliance?unitId=" + unit));
        clickAndWait(By.id("recheck"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash.success")));
        assertThat(browser.findElement(By.id("severity-HIGH")).getText()).isEqualTo("0");
        assertThat(browser.findElements(By.id("no-violations"))).hasSize(1);

        browser.get(url("/media?unitId=" + unit));
        assertThat(browser.findElement(By.id("media-table")).getText()).contains(mediumNumber);
        BrowserTestSupport.screenshot(browser, "media-ledger");
        browser.get(url("/devices?unitId=" + unit));
        assertThat(browser.findElement(By.id("devices-table")).getText()).contains(asset).contains("王建国");
        BrowserTestSupport.screenshot(browser, "device-ledger");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(devicePage);
        BrowserTestSupport.screenshot(browser, "device-detail-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));

        // the same page in English
        browser.get(url("/compliance?unitId=" + unit));
        clickAndWait(By.id("switch-language"));
        waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Compliance of devices and media"));
        BrowserTestSupport.screenshot(browser, "compliance-en");

        // the label, as printed
        browser.get(devicePage + "/label");
        assertThat(browser.findElement(By.cssSelector(".print-label")).getText()).contains(asset).contains("王建国");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        BrowserTestSupport.screenshot(browser, "device-label-print");
        String pdf = browser.print(new org.openqa.selenium.print.PrintOptions()).getContent();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "device-label.pdf"),
                java.util.Base64.getDecoder().decode(pdf));
    }
}
