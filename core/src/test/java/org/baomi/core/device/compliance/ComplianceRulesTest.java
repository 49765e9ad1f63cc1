package org.baomi.core.device.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baomi.core.classification.ClassificationLevel.CONFIDENTIAL;
import static org.baomi.core.classification.ClassificationLevel.SECRET;
import static org.baomi.core.classification.ClassificationLevel.TOP_SECRET;
import static org.baomi.core.device.compliance.TestUnit.*;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.baomi.core.device.Device;
import org.baomi.core.device.DeviceClass;
import org.baomi.core.device.DeviceId;
import org.baomi.core.device.DeviceType;
import org.baomi.core.device.HardwareFacts;
import org.baomi.core.device.IpAddress;
import org.baomi.core.device.MacAddress;
import org.baomi.core.device.OpenMaintenance;
import org.baomi.core.device.SecurityControl;
import org.baomi.core.device.SecuritySettings;
import org.baomi.core.device.UsbSerial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule against a clean, realistic unit: the unit as it stands breaks nothing; each single
 * breach yields exactly the one violation expected, about the expected subject; each near miss
 * (a change that looks like a breach but is not) keeps the unit clean.
 */
class ComplianceRulesTest {

    static Arguments breach(String name, Consumer<TestUnit> change, RuleId rule, Subject subject,
            Subject... related) {
        return Arguments.of(name, change, rule, subject, List.of(related));
    }

    static Subject dev(DeviceId id) {
        return Subject.of(id);
    }

    static Stream<Arguments> breaches() {
        var elapsed31Days = new OpenMaintenance(NOW.minus(Duration.ofDays(31)), OpenMaintenance.Site.ON_SITE, false);
        return Stream.of(
                breach("classified desktop with two responsible persons",
                        u -> u.device(DESKTOP_1, d -> d.responsiblePersons(List.of(ZHANG, LI))),
                        SingleResponsiblePersonRule.ID, dev(DESKTOP_1), Subject.of(ZHANG), Subject.of(LI)),
                breach("classified desktop with nobody responsible",
                        u -> u.device(DESKTOP_1, d -> d.responsiblePersons(List.of())),
                        SingleResponsiblePersonRule.ID, dev(DESKTOP_1)),
                breach("classified desktop on the intranet",
                        u -> u.device(DESKTOP_1, d -> d.network(INTRANET)),
                        ClassifiedOnNonClassifiedNetworkRule.ID, dev(DESKTOP_1), Subject.of(INTRANET)),
                breach("classified laptop on the Internet",
                        u -> u.device(LAPTOP, d -> d.network(INTERNET)),
                        ClassifiedOnNonClassifiedNetworkRule.ID, dev(LAPTOP), Subject.of(INTERNET)),
                breach("SECRET desktop on the CONFIDENTIAL network",
                        u -> u.device(DESKTOP_3, d -> d.network(CONFIDENTIAL_NET)),
                        NetworkLevelExceededRule.ID, dev(DESKTOP_3), Subject.of(CONFIDENTIAL_NET)),
                breach("office desktop on the Internet",
                        u -> u.device(OFFICE_PC, d -> d.network(INTERNET).ipAddresses(List.of(new IpAddress("192.168.1.30")))
                                .macAddresses(List.of(new MacAddress("3c:52:82:aa:bb:30")))),
                        NetworkLevelExceededRule.ID, dev(OFFICE_PC), Subject.of(INTERNET)),
                breach("Internet computer plugged into the classified network",
                        u -> u.device(INTERNET_LAPTOP, d -> d.network(SECRET_NET)),
                        NonClassifiedOnClassifiedNetworkRule.ID, dev(INTERNET_LAPTOP), Subject.of(SECRET_NET)),
                breach("office desktop on the classified network",
                        u -> u.device(OFFICE_PC, d -> d.network(CONFIDENTIAL_NET)),
                        NonClassifiedOnClassifiedNetworkRule.ID, dev(OFFICE_PC), Subject.of(CONFIDENTIAL_NET)),
                breach("classified desktop with a wireless card",
                        u -> u.device(DESKTOP_2, d -> d.hardware(new HardwareFacts(true, false, false))),
                        RadioHardwareRule.ID, dev(DESKTOP_2)),
                breach("classified laptop with Bluetooth",
                        u -> u.device(LAPTOP, d -> d.hardware(new HardwareFacts(false, true, false))),
                        RadioHardwareRule.ID, dev(LAPTOP)),
                breach("classified printer with a modem",
                        u -> u.device(PRINTER, d -> d.hardware(new HardwareFacts(false, false, true))),
                        RadioHardwareRule.ID, dev(PRINTER)),
                breach("classified desktop without antivirus",
                        u -> u.device(DESKTOP_1, d -> d.security(SecuritySettings.complete().with(SecurityControl.ANTIVIRUS, false))),
                        SecuritySettingsRule.ID, dev(DESKTOP_1)),
                breach("SECRET desktop allowed a CONFIDENTIAL red disk",
                        u -> u.medium(CONFIDENTIAL_RED, m -> m.withAllowedDevices(List.of(CONFIDENTIAL_PC, DESKTOP_3))),
                        MediaLevelRule.ID, dev(DESKTOP_3), Subject.of(CONFIDENTIAL_RED)),
                breach("red disk allowed on an Internet computer",
                        u -> u.medium(RED_3, m -> m.withAllowedDevices(List.of(INTERNET_PC))),
                        MediaCrossBoundaryRule.ID, Subject.of(RED_3), dev(INTERNET_PC)),
                breach("non-classified drive allowed on a classified desktop",
                        u -> u.device(DESKTOP_3, d -> d.allowedMedia(List.of(PLAIN_DRIVE))),
                        MediaCrossBoundaryRule.ID, Subject.of(PLAIN_DRIVE), dev(DESKTOP_3)),
                breach("general staff in charge of a SECRET desktop",
                        u -> u.device(DESKTOP_3, d -> d.responsiblePerson(WANG)),
                        ResponsibleClearanceRule.ID, dev(DESKTOP_3), Subject.of(WANG)),
                breach("SECRET red disk held by general staff",
                        u -> u.medium(RED_3, m -> m.withHolder(WANG)),
                        HolderClearanceRule.ID, Subject.of(RED_3), Subject.of(WANG)),
                breach("Internet computer without an IP address",
                        u -> u.device(INTERNET_PC, d -> d.ipAddresses(List.of())),
                        InternetRegistrationRule.ID, dev(INTERNET_PC)),
                breach("Internet computer without a MAC address",
                        u -> u.device(INTERNET_LAPTOP, d -> d.macAddresses(List.of())),
                        InternetRegistrationRule.ID, dev(INTERNET_LAPTOP)),
                breach("Internet computer without a responsible person",
                        u -> u.device(INTERNET_PC, d -> d.responsiblePersons(List.of())),
                        InternetRegistrationRule.ID, dev(INTERNET_PC)),
                breach("maintenance open for 31 days",
                        u -> u.device(DESKTOP_2, d -> d.maintenance(elapsed31Days)),
                        MaintenanceOverdueRule.ID, dev(DESKTOP_2)),
                breach("classified laptop off site for repair with its disk inside",
                        u -> u.device(LAPTOP, d -> d.maintenance(
                                new OpenMaintenance(NOW.minus(Duration.ofDays(2)), OpenMaintenance.Site.OFF_SITE, false))),
                        OffSiteMaintenanceRule.ID, dev(LAPTOP)),
                breach("red disk registered without its USB serial",
                        u -> u.medium(RED_3, m -> m.withUsbSerial(null)),
                        UsbSerialMissingRule.ID, Subject.of(RED_3)),
                breach("two red disks reporting one serial",
                        u -> u.medium(RED_3, m -> m.withUsbSerial(new UsbSerial("aa0401270001"))),
                        SharedUsbSerialRule.ID, Subject.of(RED_1), Subject.of(RED_3)),
                breach("red disk seen on another classified desktop",
                        u -> u.seen(DESKTOP_3, "AA0401270001", 1).seen(DESKTOP_3, "aa0401270001", 0),
                        CrossUseRule.ID, Subject.of(RED_1), dev(DESKTOP_3)),
                breach("red disk seen on an Internet computer",
                        u -> u.seen(INTERNET_PC, "AA0401270002", 1),
                        CrossUseRule.ID, Subject.of(RED_2), dev(INTERNET_PC)),
                breach("registered non-classified drive seen on a classified desktop",
                        u -> u.seen(DESKTOP_1, "0701234ABC", 1),
                        CrossUseRule.ID, Subject.of(PLAIN_DRIVE), dev(DESKTOP_1)),
                breach("unregistered drive seen on a classified desktop",
                        u -> u.seen(DESKTOP_2, "SOMEONES-PHONE", 1).seen(DESKTOP_2, "someones-phone", 0),
                        UnregisteredMediumRule.ID, dev(DESKTOP_2)),
                breach("classified desktop reached the Internet",
                        u -> u.reached(DESKTOP_1, "www.example.com", 3).reached(DESKTOP_1, "1.1.1.1", 1),
                        OutsideConnectionRule.ID, dev(DESKTOP_1)));
    }

    @Test
    void theRealisticUnitBreaksNoRule() {
        ComplianceReport report = new TestUnit().check();

        assertThat(report.violations()).isEmpty();
        assertThat(report.isClean()).isTrue();
        assertThat(report.devices()).hasSize(10).allMatch(ComplianceReport.DeviceResult::isClean);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breaches")
    void eachSingleBreachYieldsExactlyTheExpectedViolation(String name, Consumer<TestUnit> change, RuleId rule,
            Subject subject, List<Subject> related) {
        TestUnit unit = new TestUnit();
        change.accept(unit);

        List<Violation> violations = unit.check().violations();

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo(rule);
            assertThat(v.subject()).isEqualTo(subject);
            assertThat(v.related()).isEqualTo(related);
            assertThat(ComplianceEngine.standardRules(ComplianceSettings.defaults(), CLOCK)).filteredOn(
                    r -> r.id().equals(rule)).singleElement().satisfies(r -> assertThat(r.messageKeys())
                            .contains(v.messageKey()));
            assertThat(v.message()).contains(";").endsWith(".");
            assertThat(v.args()).isNotEmpty();
        });
    }

    @Test
    void everyDeclaredMessageKeyIsUsedByABreachCase() {
        var used = breaches().map(a -> {
            TestUnit unit = new TestUnit();
            @SuppressWarnings("unchecked")
            Consumer<TestUnit> change = (Consumer<TestUnit>) a.get()[1];
            change.accept(unit);
            return unit.check().violations().get(0).messageKey();
        }).distinct().toList();

        assertThat(used).containsExactlyInAnyOrderElementsOf(
                ComplianceEngine.standardRules(ComplianceSettings.defaults(), CLOCK).stream()
                        .flatMap(r -> r.messageKeys().stream()).toList());
    }

    @Test
    void everyStandardRuleHasABreachCase() {
        var covered = breaches().map(a -> (RuleId) a.get()[2]).distinct().toList();

        assertThat(covered).containsExactlyInAnyOrderElementsOf(
                ComplianceEngine.standardRules(ComplianceSettings.defaults(), CLOCK).stream().map(ComplianceRule::id)
                        .toList());
    }

    static Stream<Arguments> nearMisses() {
        return Stream.of(
                Arguments.of("a classified fax machine has its modem",
                        (Consumer<TestUnit>) u -> u.add(Device.builder(DeviceId.of(20), "SM-FX-001", DeviceType.FAX,
                                DeviceClass.classified(SECRET)).network(SECRET_NET).responsiblePerson(LI)
                                .hardware(new HardwareFacts(false, false, true)).build())),
                Arguments.of("a classified printer has no computer security settings",
                        (Consumer<TestUnit>) u -> u.device(PRINTER, d -> d.security(SecuritySettings.none()))),
                Arguments.of("a TOP SECRET red disk on a SECRET desktop is of sufficient level",
                        (Consumer<TestUnit>) u -> u.medium(RED_3, m -> m.withLevel(TOP_SECRET).withHolder(ZHANG)
                                .withAllowedDevices(List.of(DESKTOP_3)))),
                Arguments.of("a CONFIDENTIAL desktop on the SECRET network is below the network's level",
                        (Consumer<TestUnit>) u -> u.device(CONFIDENTIAL_PC, d -> d.network(SECRET_NET))),
                Arguments.of("a classified laptop off site with its storage removed",
                        (Consumer<TestUnit>) u -> u.device(LAPTOP, d -> d.maintenance(new OpenMaintenance(
                                NOW.minus(Duration.ofDays(3)), OpenMaintenance.Site.OFF_SITE, true)))),
                Arguments.of("maintenance open for exactly 30 days",
                        (Consumer<TestUnit>) u -> u.device(DESKTOP_2, d -> d.maintenance(new OpenMaintenance(
                                NOW.minus(Duration.ofDays(30)), OpenMaintenance.Site.ON_SITE, false)))),
                Arguments.of("core staff in charge of a SECRET desktop",
                        (Consumer<TestUnit>) u -> u.device(DESKTOP_3, d -> d.responsiblePerson(ZHANG))),
                Arguments.of("a scrapped classified computer still listed on the intranet",
                        (Consumer<TestUnit>) u -> u.device(SCRAPPED, d -> d.network(INTERNET))),
                Arguments.of("a red disk seen on the device it is registered for, serial typed differently",
                        (Consumer<TestUnit>) u -> u.seen(LAPTOP, "wd-wx41a0123456", 0)),
                Arguments.of("an unregistered drive seen on an Internet computer",
                        (Consumer<TestUnit>) u -> u.seen(INTERNET_LAPTOP, "PHONE-123", 0)),
                Arguments.of("an office desktop reached the Internet (not a classified one)",
                        (Consumer<TestUnit>) u -> u.reached(OFFICE_PC, "www.gov.cn", 0)),
                Arguments.of("a CONFIDENTIAL memory card has no USB serial to register",
                        (Consumer<TestUnit>) u -> u.medium(CONFIDENTIAL_RED, m -> m.withUsbSerial(null))),
                Arguments.of("a standalone classified laptop belongs to no network",
                        (Consumer<TestUnit>) u -> u.device(LAPTOP, d -> d.network(null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nearMisses")
    void nearMissesKeepTheUnitClean(String name, Consumer<TestUnit> change) {
        TestUnit unit = new TestUnit();
        change.accept(unit);

        assertThat(unit.check().violations()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SecurityControl.class)
    void eachMissingSecuritySettingIsNamed(SecurityControl control) {
        TestUnit unit = new TestUnit().device(DESKTOP_1, d -> d.security(SecuritySettings.complete().with(control, false)));

        assertThat(unit.check().violations()).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo(SecuritySettingsRule.ID);
            assertThat(v.args()).containsExactly("SM-PC-001", control.name());
        });
    }

    @Test
    void aClassifiedDeviceOnTheInternetIsReportedOnceAndAsCritical() {
        TestUnit unit = new TestUnit().device(DESKTOP_1, d -> d.network(INTERNET));

        assertThat(unit.check().violations()).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(v.message()).isEqualTo("Classified device SM-PC-001 is connected to 互联网 (INTERNET); disconnect"
                    + " it at once, inspect it for leaks, and connect it only to a classified network of its level or"
                    + " run it standalone.");
        });
    }

    @Test
    void argsCarryCodesForTheBundlesWhileTheSentenceReadsAsEnglish() {
        TestUnit unit = new TestUnit().device(DESKTOP_1, d -> d.hardware(new HardwareFacts(true, true, true)))
                .device(INTERNET_PC, d -> d.ipAddresses(List.of()).macAddresses(List.of()));

        List<Violation> violations = unit.check().violations();

        assertThat(violations).extracting(Violation::args).containsExactly(
                List.of("SM-PC-001", "WIRELESS_CARD,BLUETOOTH,MODEM"), List.of("HW-PC-001", "IP_ADDRESS,MAC_ADDRESS"));
        assertThat(violations).extracting(Violation::message).containsExactly(
                "Classified device SM-PC-001 has a wireless card, Bluetooth and a modem; remove the hardware"
                        + " physically and record the removal.",
                "Internet device HW-PC-001 has no IP address or MAC address registered; register them so an outside"
                        + " connection can be traced to the machine and its user.");
    }

    @Test
    void repeatedSightingsAreOneViolationThatCountsThem() {
        TestUnit unit = new TestUnit().seen(DESKTOP_3, "AA0401270001", 9).seen(DESKTOP_3, "AA0401270001", 5)
                .seen(DESKTOP_3, "AA0401270001", 2);

        assertThat(unit.check().violations()).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo(CrossUseRule.ID);
            assertThat(v.args()).containsExactly("红-001", "SM-PC-003", "3", NOW.minusSeconds(120).toString());
        });
    }

    @Test
    void aSightingOfASharedSerialIsAcceptedWhereEitherMediumIsAllowed() {
        TestUnit unit = new TestUnit().medium(RED_3, m -> m.withUsbSerial(new UsbSerial("AA0401270001"))
                .withAllowedDevices(List.of(DESKTOP_3))).seen(DESKTOP_3, "AA0401270001", 0);

        assertThat(unit.check().violations()).extracting(Violation::ruleId).containsExactly(SharedUsbSerialRule.ID);
    }

    @Test
    void severalBreachesOnOneDeviceAreAllReported() {
        TestUnit unit = new TestUnit().device(DESKTOP_1, d -> d.responsiblePersons(List.of())
                .hardware(new HardwareFacts(true, true, true)).security(SecuritySettings.none()).network(INTERNET))
                .reached(DESKTOP_1, "", 0);

        assertThat(unit.check().forDevice(DESKTOP_1).violations()).extracting(Violation::ruleId).containsExactly(
                ClassifiedOnNonClassifiedNetworkRule.ID, OutsideConnectionRule.ID, RadioHardwareRule.ID,
                SingleResponsiblePersonRule.ID, SecuritySettingsRule.ID);
    }

    @Test
    void theMaintenanceLimitIsConfigurable() {
        TestUnit unit = new TestUnit();
        var engine = ComplianceEngine.standard(new ComplianceSettings(Duration.ofDays(7)), CLOCK);

        assertThat(engine.check(unit.facts()).violations()).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo(MaintenanceOverdueRule.ID);
            assertThat(v.args()).containsExactly("SM-PC-002", "10", "7");
        });
    }

    @Test
    void aLowerLevelRedDiskIsJudgedAgainstTheDeviceNotTheNetwork() {
        TestUnit unit = new TestUnit().medium(CONFIDENTIAL_RED,
                m -> m.withLevel(CONFIDENTIAL).withAllowedDevices(List.of(CONFIDENTIAL_PC, LAPTOP)));

        assertThat(unit.check().violations()).extracting(Violation::ruleId, Violation::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MediaLevelRule.ID, Subject.of(LAPTOP)));
    }
}
