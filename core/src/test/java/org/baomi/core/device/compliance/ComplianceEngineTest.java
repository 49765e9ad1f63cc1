package org.baomi.core.device.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baomi.core.device.compliance.TestUnit.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.baomi.core.device.HardwareFacts;
import org.baomi.core.device.SecuritySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ComplianceEngineTest {

    /** A unit with breaches of several rules and severities on several devices. */
    static TestUnit troubled() {
        return new TestUnit()
                .device(DESKTOP_1, d -> d.network(INTERNET).hardware(new HardwareFacts(true, false, false)))
                .device(DESKTOP_3, d -> d.security(SecuritySettings.none()).responsiblePerson(WANG))
                .device(LAPTOP, d -> d.security(SecuritySettings.none()))
                .medium(RED_3, m -> m.withUsbSerial(null))
                .seen(DESKTOP_3, "AA0401270001", 4)
                .seen(DESKTOP_2, "UNKNOWN-1", 3)
                .reached(DESKTOP_1, "8.8.8.8", 2);
    }

    @Test
    void countsByRuleListEveryRuleGravestFirstWithZeros() {
        ComplianceReport report = troubled().check();

        Map<RuleId, Integer> counts = report.countsByRule();
        assertThat(counts).hasSize(18);
        assertThat(counts.keySet()).first().isEqualTo(ClassifiedOnNonClassifiedNetworkRule.ID);
        assertThat(counts).containsEntry(ClassifiedOnNonClassifiedNetworkRule.ID, 1)
                .containsEntry(CrossUseRule.ID, 1)
                .containsEntry(UnregisteredMediumRule.ID, 1)
                .containsEntry(OutsideConnectionRule.ID, 1)
                .containsEntry(RadioHardwareRule.ID, 1)
                .containsEntry(ResponsibleClearanceRule.ID, 1)
                .containsEntry(SecuritySettingsRule.ID, 2)
                .containsEntry(UsbSerialMissingRule.ID, 1)
                .containsEntry(MaintenanceOverdueRule.ID, 0);
        assertThat(report.rules()).extracting(ComplianceReport.RuleCount::severity).isSorted();
    }

    @Test
    void countsBySeverityHoldEverySeverity() {
        ComplianceReport report = troubled().check();

        assertThat(report.countsBySeverity()).containsExactly(Map.entry(Severity.CRITICAL, 4),
                Map.entry(Severity.HIGH, 2), Map.entry(Severity.MEDIUM, 2), Map.entry(Severity.LOW, 1));
        assertThat(report.worst()).contains(Severity.CRITICAL);
        assertThat(new TestUnit().check().countsBySeverity()).containsOnly(Map.entry(Severity.CRITICAL, 0),
                Map.entry(Severity.HIGH, 0), Map.entry(Severity.MEDIUM, 0), Map.entry(Severity.LOW, 0));
        assertThat(new TestUnit().check().worst()).isEmpty();
    }

    @Test
    void violationsComeGravestFirstThenByRuleAndSubject() {
        List<Violation> violations = troubled().check().violations();

        assertThat(violations).isSortedAccordingTo(Violation.ORDER);
        assertThat(violations).extracting(Violation::severity).isSorted();
        assertThat(violations.get(0).ruleId()).isEqualTo(ClassifiedOnNonClassifiedNetworkRule.ID);
    }

    @Test
    void aDeviceResultHoldsWhatConcernsItAsSubjectOrRelated() {
        ComplianceReport report = troubled().check();

        assertThat(report.forDevice(DESKTOP_3).violations()).extracting(Violation::ruleId)
                .containsExactly(CrossUseRule.ID, ResponsibleClearanceRule.ID, SecuritySettingsRule.ID);
        assertThat(report.forDevice(DESKTOP_3).worst()).contains(Severity.CRITICAL);
        assertThat(report.forDevice(OFFICE_PC).isClean()).isTrue();
        assertThat(report.forDevice(OFFICE_PC).assetNumber()).isEqualTo("FS-PC-001");
        assertThat(report.devicesWithViolations()).isEqualTo(4);
        assertThat(report.forMedium(RED_1)).extracting(Violation::ruleId).containsExactly(CrossUseRule.ID);
        assertThat(report.concerning(Subject.of(WANG))).extracting(Violation::ruleId)
                .containsExactly(ResponsibleClearanceRule.ID);
        assertThat(report.devices()).extracting(ComplianceReport.DeviceResult::deviceId)
                .containsExactlyElementsOf(troubled().devices.keySet());
        assertThatThrownBy(() -> report.forDevice(org.baomi.core.device.DeviceId.of("nope")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyUnitIsCleanWithEveryRuleCountedAtZero() {
        ComplianceReport report = ComplianceEngine.standard(ComplianceSettings.defaults(), CLOCK)
                .check(ComplianceFacts.ofLedger(List.of(), List.of(), List.of(), List.of()));

        assertThat(report.isClean()).isTrue();
        assertThat(report.devices()).isEmpty();
        assertThat(report.countsByRule()).hasSize(18).allSatisfy((rule, count) -> assertThat(count).isZero());
    }

    @Test
    void whatTerminalsReportIsJudgedEvenForADeviceTheLedgerCallsScrapped() {
        ComplianceReport report = new TestUnit().reached(SCRAPPED, "", 0).check();

        assertThat(report.violations()).extracting(Violation::ruleId).containsExactly(OutsideConnectionRule.ID);
        assertThat(report.forDevice(SCRAPPED).worst()).contains(Severity.CRITICAL);
    }

    @Test
    void theReportIsStampedWithTheEngineClock() {
        assertThat(new TestUnit().check().checkedAt()).isEqualTo(NOW);
    }

    static LongStream seeds() {
        return LongStream.range(0, 50);
    }

    /** Property: the order of the ledger and of the reports does not change the report. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theReportDoesNotDependOnInputOrder(long seed) {
        TestUnit unit = troubled();
        ComplianceFacts facts = unit.facts();
        Random random = new Random(seed);
        var devices = new ArrayList<>(facts.devices());
        var media = new ArrayList<>(facts.media());
        var networks = new ArrayList<>(facts.networks());
        var persons = new ArrayList<>(facts.persons());
        var observations = new ArrayList<>(facts.observations());
        List.of(devices, media, networks, persons, observations).forEach(l -> Collections.shuffle(l, random));
        var rules = new ArrayList<>(ComplianceEngine.standardRules(ComplianceSettings.defaults(), CLOCK));
        Collections.shuffle(rules, random);

        ComplianceReport shuffled = new ComplianceEngine(rules, CLOCK)
                .check(ComplianceFacts.of(networks, devices, media, persons, observations));
        ComplianceReport original = unit.check();

        assertThat(shuffled.violations()).isEqualTo(original.violations());
        assertThat(shuffled.rules()).isEqualTo(original.rules());
        assertThat(shuffled.forDevice(DESKTOP_3)).isEqualTo(original.forDevice(DESKTOP_3));
    }

    @Test
    void twoRulesWithOneIdAreRefused() {
        assertThatThrownBy(() -> new ComplianceEngine(List.of(new RadioHardwareRule(), new RadioHardwareRule()), CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("device.classified.radio-hardware");
    }

    @Test
    void aRuleReportingUnderAnotherIdOrSeverityIsABug() {
        ComplianceRule liar = new ComplianceRule() {
            @Override
            public RuleId id() {
                return new RuleId("test.liar");
            }

            @Override
            public Severity severity() {
                return Severity.LOW;
            }

            @Override
            public List<Violation> check(ComplianceFacts facts) {
                return new RadioHardwareRule().check(facts);
            }
        };
        ComplianceFacts facts = new TestUnit().device(DESKTOP_1, d -> d.hardware(new HardwareFacts(true, true, true)))
                .facts();

        assertThatThrownBy(() -> new ComplianceEngine(List.of(liar), CLOCK).check(facts))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCustomRuleRunsBesideTheStandardOnes() {
        ComplianceRule everyNetwork = new ComplianceRule() {
            @Override
            public RuleId id() {
                return new RuleId("test.every-network");
            }

            @Override
            public Severity severity() {
                return Severity.LOW;
            }

            @Override
            public List<Violation> check(ComplianceFacts facts) {
                return facts.networks().stream()
                        .map(n -> Violation.of(this, Subject.of(n.id()), List.of(), null, "Network; noted.", n.name()))
                        .toList();
            }
        };
        var rules = new ArrayList<ComplianceRule>(ComplianceEngine.standardRules(ComplianceSettings.defaults(), CLOCK));
        rules.add(everyNetwork);

        ComplianceReport report = new ComplianceEngine(rules, CLOCK).check(new TestUnit().facts());

        assertThat(report.violations()).extracting(Violation::subject).containsExactly(Subject.of(SECRET_NET),
                Subject.of(INTRANET), Subject.of(INTERNET), Subject.of(CONFIDENTIAL_NET));
        assertThat(report.countsByRule().keySet()).last().isEqualTo(new RuleId("test.every-network"));
    }
}
