package org.baomi.server.device.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.Fixtures.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The device, medium, network, compliance and label pages through MockMvc on a real database:
 * each renders, bad input comes back beside its field, roles that must not act get 403, and a
 * unit outside the reader's scope does not exist for him.
 */
abstract class DevicePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    long unit;
    long department;
    long responsible;
    TestAccount officer;
    TestAccount cleared;
    TestAccount otherOfficer;

    @BeforeEach
    void aUnitWithItsSecrecyOfficer() {
        unit = fixtures.unit(Fixtures.unique("单位"), fixtures.rootUnit());
        department = fixtures.department(unit, Fixtures.unique("办公室"));
        responsible = fixtures.person(unit, Fixtures.unique("张"), SecretRelatedLevel.IMPORTANT);
        officer = fixtures.account(unit, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
        cleared = fixtures.account(unit, SecretRelatedLevel.GENERAL, Role.CLEARED_PERSON);
        long other = fixtures.unit(Fixtures.unique("他单位"), fixtures.rootUnit());
        otherOfficer = fixtures.account(other, SecretRelatedLevel.CORE, Role.SECRECY_OFFICER);
    }

    // ------------------------------------------------------------------ helpers

    MockHttpServletRequestBuilder deviceForm(String path, String asset) {
        return post(path).with(csrf()).with(fixtures.as(officer))
                .param("unitId", String.valueOf(unit))
                .param("details.assetNumber", asset)
                .param("details.type", "DESKTOP")
                .param("details.designation", "CLASSIFIED")
                .param("details.level", "SECRET")
                .param("details.brandModel", "联想 启天 M428")
                .param("details.serialNumber", "SN-" + asset)
                .param("details.diskSerials", "WD-1234\nWD-5678")
                .param("details.macAddresses", "00-1A-2B-3C-4D-5E")
                .param("details.ipAddresses", "10.1.2.3")
                .param("details.operatingSystem", "统信 UOS 20")
                .param("details.osInstalledOn", "2026-03-01")
                .param("details.purpose", "涉密文件处理")
                .param("details.security.bootPassword", "true")
                .param("details.security.usbStorageBlocked", "true")
                .param("details.security.wirelessRemoved", "true")
                .param("details.security.opticalDriveDisabled", "true")
                .param("details.security.terminalControlSuite", "true")
                .param("details.security.antivirus", "true")
                .param("details.security.auditEnabled", "true")
                .param("placement.responsiblePersonId", String.valueOf(responsible))
                .param("placement.departmentId", String.valueOf(department))
                .param("placement.location", "3楼 301");
    }

    long registerDevice(String asset) throws Exception {
        String location = mvc.perform(deviceForm("/devices", asset))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/devices/*"))
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    long registerMedium() throws Exception {
        String location = mvc.perform(post("/media").with(csrf()).with(fixtures.as(officer))
                        .param("unitId", String.valueOf(unit)).param("type", "USB_FLASH_DRIVE").param("level", "SECRET")
                        .param("brandModel", "朗科 U208").param("capacity", "32GB").param("serialNumber", "MSN-1")
                        .param("usbSerial", "AA00BB11").param("purpose", "涉密文件交换"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/media/*"))
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    String page(String path, TestAccount who) throws Exception {
        try {
            return pageOf(path, who);
        } catch (jakarta.servlet.ServletException e) {
            // the page's own failure, not the servlet wrapper, is what a reader of the test needs
            e.getRootCause().printStackTrace(System.out);
            throw e;
        }
    }

    String pageOf(String path, TestAccount who) throws Exception {
        return mvc.perform(get(path).with(fixtures.as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ networks

    @Test
    void theOfficerRegistersANetworkAndBadInputComesBackBesideItsField() throws Exception {
        String name = Fixtures.unique("涉密内网");
        mvc.perform(post("/networks").with(csrf()).with(fixtures.as(officer)).param("unitId", String.valueOf(unit))
                        .param("name", name).param("kind", "CLASSIFIED"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "level", "approvalReference"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("field-error")));
        mvc.perform(post("/networks").with(csrf()).with(fixtures.as(officer)).param("unitId", String.valueOf(unit))
                        .param("name", name).param("kind", "CLASSIFIED").param("level", "SECRET")
                        .param("approvalReference", "保密办〔2026〕7号"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/networks?unitId=" + unit, officer)).contains(name).contains("保密办〔2026〕7号");
        assertThat(page("/networks", cleared)).contains(name).doesNotContain("id=\"new-network\"");
        assertThat(page("/networks", otherOfficer)).doesNotContain(name);
    }

    @Test
    void onlyTheOfficerOfTheUnitMayRegisterOrEditNetworks() throws Exception {
        mvc.perform(get("/networks/new").with(fixtures.as(cleared))).andExpect(status().isForbidden());
        mvc.perform(post("/networks").with(csrf()).with(fixtures.as(cleared)).param("unitId", String.valueOf(unit))
                .param("name", "x").param("kind", "INTERNET")).andExpect(status().isForbidden());
        mvc.perform(post("/networks").with(csrf()).with(fixtures.as(otherOfficer)).param("unitId", String.valueOf(unit))
                .param("name", "x").param("kind", "INTERNET")).andExpect(status().isNotFound());
    }

    @Test
    void theOfficerTakesAnEmptyNetworkOutOfUseWithAReasonAndPutsItBack() throws Exception {
        String name = Fixtures.unique("互联网");
        mvc.perform(post("/networks").with(csrf()).with(fixtures.as(officer)).param("unitId", String.valueOf(unit))
                .param("name", name).param("kind", "INTERNET")).andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from network where name = :n").param("n", name).query(Long.class).single();
        assertThat(page("/networks/" + id + "/edit", officer)).contains("id=\"deactivate-form\"");
        mvc.perform(post("/networks/" + id + "/deactivate").with(csrf()).with(fixtures.as(officer)).param("reason", " "))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flashError"));
        assertThat(active(id)).as("a blank reason changes nothing").isTrue();
        mvc.perform(post("/networks/" + id + "/deactivate").with(csrf()).with(fixtures.as(cleared)).param("reason", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/networks/" + id + "/deactivate").with(csrf()).with(fixtures.as(otherOfficer)).param("reason", "x"))
                .andExpect(status().isNotFound());
        assertThat(active(id)).as("another unit's officer cannot").isTrue();
        mvc.perform(post("/networks/" + id + "/deactivate").with(csrf()).with(fixtures.as(officer))
                .param("reason", "专线撤销")).andExpect(status().is3xxRedirection());
        assertThat(active(id)).isFalse();
        String list = page("/networks?unitId=" + unit, officer);
        assertThat(list).contains(name).contains("已停用");
        assertThat(page("/devices/new?unitId=" + unit, officer)).as("no admission to it").doesNotContain(name);
        assertThat(page("/networks/" + id + "/edit", officer)).contains("id=\"reactivate-form\"");
        mvc.perform(post("/networks/" + id + "/reactivate").with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().is3xxRedirection());
        assertThat(active(id)).isTrue();
    }

    boolean active(long network) {
        return jdbc.sql("select active from network where id = :id").param("id", network).query(Boolean.class).single();
    }

    // ------------------------------------------------------------------ settings

    @Test
    void theSettingsPageShowsTheNextMediumNumberAndSavesBothSettingsOrNeither() throws Exception {
        String html = page("/devices/settings?unitId=" + unit, officer);
        assertThat(html).contains("{unit}-HP-{seq:4}").contains("id=\"medium-number-example\"").contains("-HP-0001")
                .contains("value=\"30\"");
        mvc.perform(post("/devices/settings").with(csrf()).with(fixtures.as(officer)).param("unitId", String.valueOf(unit))
                        .param("mediumNumbering", "{unit}-HP").param("maintenanceLimitDays", "400"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "mediumNumbering", "maintenanceLimitDays"));
        mvc.perform(post("/devices/settings").with(csrf()).with(fixtures.as(officer)).param("unitId", String.valueOf(unit))
                        .param("mediumNumbering", "{unit}-{year}-HP-{seq:3}").param("maintenanceLimitDays", "400"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "maintenanceLimitDays"));
        assertThat(page("/devices/settings?unitId=" + unit, officer)).as("half right saves nothing")
                .contains("{unit}-HP-{seq:4}").contains("value=\"30\"");
        mvc.perform(post("/devices/settings").with(csrf()).with(fixtures.as(officer)).param("unitId", String.valueOf(unit))
                        .param("mediumNumbering", "{unit}-{year}-HP-{seq:3}").param("maintenanceLimitDays", "45"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/devices/settings?unitId=" + unit, officer)).contains("{unit}-{year}-HP-{seq:3}")
                .contains("value=\"45\"").containsPattern("-20\\d\\d-HP-001");
        long medium = registerMedium();
        assertThat(jdbc.sql("select number from medium where id = :id").param("id", medium).query(String.class).single())
                .containsPattern("-20\\d\\d-HP-001$");
        assertThat(page("/devices/settings?unitId=" + unit, officer)).containsPattern("-20\\d\\d-HP-002");

        mvc.perform(get("/devices/settings").param("unitId", String.valueOf(unit)).with(fixtures.as(cleared)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/devices/settings").param("unitId", String.valueOf(unit)).with(fixtures.as(otherOfficer)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/devices/settings").with(csrf()).with(fixtures.as(otherOfficer)).param("unitId", String.valueOf(unit))
                .param("mediumNumbering", "X-{seq:2}").param("maintenanceLimitDays", "5")).andExpect(status().isForbidden());
    }

    // ------------------------------------------------------------------ devices

    @Test
    void aDeviceFormWithProblemsShowsEachBesideItsFieldAndSavesNothing() throws Exception {
        long before = fixtures.auditCount("device.register");
        mvc.perform(deviceForm("/devices", "").param("details.macAddresses", "not-a-mac")
                        .param("details.ipAddresses", "10.0.0.999"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "details.assetNumber", "details.macAddresses",
                        "details.ipAddresses"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("not-a-mac")));
        assertThat(fixtures.auditCount("device.register")).isEqualTo(before);
    }

    @Test
    void theOfficerRegistersADeviceAndSeesItInTheLedgerAndOnItsPage() throws Exception {
        String asset = Fixtures.unique("ZC-");
        long id = registerDevice(asset);
        assertThat(page("/devices?unitId=" + unit, officer)).contains(asset);
        assertThat(page("/devices?unitId=" + unit + "&sort=responsible&responsibleId=" + responsible, officer))
                .contains(asset);
        assertThat(page("/devices?unitId=" + unit + "&departmentId=" + department + "&sort=updated", officer))
                .contains(asset);
        assertThat(page("/devices?unitId=" + unit + "&level=TOP_SECRET", officer)).doesNotContain(asset);
        assertThat(page("/devices?unitId=" + unit + "&violations=true", officer)).doesNotContain(asset);
        String detail = page("/devices/" + id, officer);
        assertThat(detail).contains(asset).contains("id=\"device-clean\"").contains("id=\"device-acts\"")
                .contains("class=\"history-facts\"")
                .contains("00:1A:2B:3C:4D:5E").contains("WD-1234");
        assertThat(page("/devices/" + id + "/edit", officer)).contains(asset);
        assertThat(page("/devices/" + id, cleared)).contains(asset).doesNotContain("id=\"device-acts\"");
    }

    @Test
    void bluetoothInAClassifiedDeviceIsAViolationUntilTheEditRemovesIt() throws Exception {
        String asset = Fixtures.unique("ZC-");
        long id = registerDevice(asset);
        mvc.perform(deviceForm("/devices/" + id, asset).param("details.hardware.bluetooth", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/devices/" + id, officer)).contains("chip sev sev-HIGH").doesNotContain("id=\"device-clean\"");
        assertThat(page("/devices?unitId=" + unit + "&violations=true", officer)).contains(asset);
        String compliance = page("/compliance?unitId=" + unit, officer);
        assertThat(compliance).contains("/devices/" + id).contains("data-rule=\"device.classified.radio-hardware\" data-count=\"1\"");
        mvc.perform(deviceForm("/devices/" + id, asset)).andExpect(status().is3xxRedirection());
        assertThat(page("/devices/" + id, officer)).contains("id=\"device-clean\"");
        assertThat(page("/compliance?unitId=" + unit, officer)).doesNotContain("/devices/" + id + "\"");
    }

    @Test
    void aClearedPersonMayReadTheLedgerButNotKeepIt() throws Exception {
        long id = registerDevice(Fixtures.unique("ZC-"));
        mvc.perform(get("/devices/new").with(fixtures.as(cleared))).andExpect(status().isForbidden());
        mvc.perform(get("/devices/" + id + "/edit").with(fixtures.as(cleared))).andExpect(status().isForbidden());
        mvc.perform(post("/devices").with(csrf()).with(fixtures.as(cleared)).param("unitId", String.valueOf(unit))
                .param("details.assetNumber", "X")).andExpect(status().isForbidden());
        for (String act : new String[] {"requests/admission", "requests/scrapping", "admission", "reinstall",
                "removal", "loss", "maintenance/close"}) {
            mvc.perform(post("/devices/" + id + "/" + act).with(csrf()).with(fixtures.as(cleared)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void anotherUnitsDeviceDoesNotExistForItsOfficer() throws Exception {
        String asset = Fixtures.unique("ZC-");
        long id = registerDevice(asset);
        mvc.perform(get("/devices/" + id).with(fixtures.as(otherOfficer))).andExpect(status().isNotFound());
        mvc.perform(get("/devices/" + id + "/label").with(fixtures.as(otherOfficer))).andExpect(status().isNotFound());
        mvc.perform(get("/compliance?unitId=" + unit).with(fixtures.as(otherOfficer))).andExpect(status().isNotFound());
        assertThat(page("/devices", otherOfficer)).doesNotContain(asset);
        mvc.perform(post("/devices/" + id + "/loss").with(csrf()).with(fixtures.as(otherOfficer)).param("note", "x"))
                .andExpect(status().isNotFound());
    }

    @Test
    void anActRefusedByTheRulesComesBackAsAMessageAndChangesNothing() throws Exception {
        long id = registerDevice(Fixtures.unique("ZC-"));
        long before = fixtures.auditCount("device.admit");
        mvc.perform(post("/devices/" + id + "/admission").with(csrf()).with(fixtures.as(officer)).param("requestId", "999999"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("flashError"));
        assertThat(fixtures.auditCount("device.admit")).isEqualTo(before);
        mvc.perform(post("/devices/" + id + "/requests/admission").with(csrf()).with(fixtures.as(officer)))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("flashError"));
    }

    @Test
    void admissionIsAskedOnTheDevicePageApprovedByTheLeaderAndAppliedThere() throws Exception {
        String networkName = Fixtures.unique("涉密网");
        mvc.perform(post("/networks").with(csrf()).with(fixtures.as(officer)).param("unitId", String.valueOf(unit))
                .param("name", networkName).param("kind", "CLASSIFIED").param("level", "SECRET")
                .param("approvalReference", "保密办〔2026〕9号")).andExpect(status().is3xxRedirection());
        long network = jdbc.sql("select id from network where name = :n").param("n", networkName).query(Long.class)
                .single();
        long id = registerDevice(Fixtures.unique("ZC-"));
        mvc.perform(post("/devices/" + id + "/requests/admission").with(csrf()).with(fixtures.as(officer))
                        .param("networkId", String.valueOf(network)).param("reason", "接入涉密网办公"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("flashSuccess"));
        long request = jdbc.sql("select max(id) from approval_request where subject_type = 'device' and subject_id = :s")
                .param("s", String.valueOf(id)).query(Long.class).single();
        assertThat(page("/devices/" + id, officer)).contains("/approvals/" + request).doesNotContain("apply-" + request);

        TestAccount leader = fixtures.account(unit, SecretRelatedLevel.CORE, Role.LEADER_IN_CHARGE);
        mvc.perform(post("/api/v1/approvals/" + request + "/decisions").with(csrf()).with(fixtures.as(leader))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"verdict\":\"APPROVE\",\"comment\":\"同意\"}"))
                .andExpect(status().is2xxSuccessful());
        assertThat(page("/devices/" + id, officer)).contains("id=\"apply-" + request + "\"");

        mvc.perform(post("/devices/" + id + "/admission").with(csrf()).with(fixtures.as(officer))
                        .param("requestId", String.valueOf(request)))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("flashSuccess"));
        String after = page("/devices/" + id, officer);
        assertThat(after).contains(networkName).contains("status-IN_USE").doesNotContain("apply-" + request);
        // the approval is spent: a second use is refused with a message, nothing changes
        mvc.perform(post("/devices/" + id + "/admission").with(csrf()).with(fixtures.as(officer))
                        .param("requestId", String.valueOf(request)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("flashError"));
    }

    // ------------------------------------------------------------------ media

    @Test
    void theOfficerRegistersAMediumIssuesItAndPrintsItsLabel() throws Exception {
        long id = registerMedium();
        String number = jdbc.sql("select number from medium where id = :id").param("id", id).query(String.class).single();
        assertThat(page("/media?unitId=" + unit, officer)).contains(number);
        assertThat(page("/media?unitId=" + unit + "&level=SECRET&sort=HOLDER", officer)).contains(number);
        assertThat(page("/media?unitId=" + unit + "&level=TOP_SECRET", officer)).doesNotContain(number);
        mvc.perform(post("/media/" + id + "/issue").with(csrf()).with(fixtures.as(officer))
                .param("holderPersonId", String.valueOf(responsible))).andExpect(status().is3xxRedirection());
        assertThat(page("/media/" + id, officer)).contains(number).contains("id=\"return-medium\"");
        assertThat(decodeFirstQr(page("/media/" + id + "/label", officer)))
                .isEqualTo("BAOMI-MEDIUM\nNUMBER:" + number + "\nSERIAL:MSN-1");
        assertThat(page("/media/labels?ids=" + id, cleared)).contains(number);
        mvc.perform(post("/media/" + id + "/return").with(csrf()).with(fixtures.as(cleared)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/media/" + id).with(fixtures.as(otherOfficer))).andExpect(status().isNotFound());
    }

    @Test
    void aMediumFormWithoutTypeOrLevelShowsBothBesideTheirFields() throws Exception {
        assertThat(page("/media/new?unitId=" + unit, officer)).contains("id=\"medium-number\"");
        mvc.perform(post("/media").with(csrf()).with(fixtures.as(officer)).param("unitId", String.valueOf(unit)))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "type", "level"));
        mvc.perform(get("/media/new").with(fixtures.as(cleared))).andExpect(status().isForbidden());
    }

    // ------------------------------------------------------------------ compliance and labels

    @Test
    void theCompliancePageDrawsABarForEveryRuleIncludingZeros() throws Exception {
        registerDevice(Fixtures.unique("ZC-"));
        String html = page("/compliance?unitId=" + unit, cleared);
        int bars = html.split("<g class=\"bar", -1).length - 1;
        assertThat(bars).isGreaterThanOrEqualTo(18);
        assertThat(html).contains("role=\"img\"").contains("<title id=\"chart-title\"")
                .contains("data-count=\"0\"").contains("id=\"recheck\"");
        mvc.perform(post("/compliance/check").with(csrf()).with(fixtures.as(cleared)).param("unitId", String.valueOf(unit)))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theLabelsQrCodeDecodesToTheAssetNumberAndSerial() throws Exception {
        String asset = Fixtures.unique("ZC-");
        long id = registerDevice(asset);
        String html = page("/devices/" + id + "/label", officer);
        assertThat(decodeFirstQr(html)).isEqualTo("BAOMI-DEVICE\nASSET:" + asset + "\nSERIAL:SN-" + asset);
        long second = registerDevice(Fixtures.unique("ZC-"));
        String sheet = page("/devices/labels?ids=" + id + "," + second, officer);
        assertThat(sheet.split("class=\"print-label\"", -1).length - 1).isEqualTo(2);
    }

    /** Reads the first QR code of a page: the SVG path's unit squares drawn 4 pixels each, then ZXing. */
    static String decodeFirstQr(String html) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(html);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1));
        Matcher path = Pattern.compile("<path fill=\"#000\" d=\"([^\"]+)\"").matcher(html);
        assertThat(path.find()).isTrue();
        int scale = 4;
        int px = size * scale;
        int[] pixels = new int[px * px];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(path.group(1));
        while (module.find()) {
            int mx = Integer.parseInt(module.group(1));
            int my = Integer.parseInt(module.group(2));
            for (int y = my * scale; y < (my + 1) * scale; y++) {
                for (int x = mx * scale; x < (mx + 1) * scale; x++) {
                    pixels[y * px + x] = 0xFF000000;
                }
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(px, px, pixels)));
        // PURE_BARCODE: the image is the code alone, drawn exactly. ZXing's finder-pattern search
        // (meant for camera pictures) misses about 1 in 270 such codes, depending on the data
        // (3,000 random asset numbers: 11 not found with or without TRY_HARDER, 0 with this).
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.CHARACTER_SET, "UTF-8",
                DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
