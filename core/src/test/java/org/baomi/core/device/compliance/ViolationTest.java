package org.baomi.core.device.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViolationTest {

    @Test
    void ruleIdsAreLowerCaseDottedWords() {
        assertThat(new RuleId("device.classified.single-responsible").value())
                .isEqualTo("device.classified.single-responsible");
        for (String bad : List.of("device", "Device.x", "device..x", "device.x ", "device.x_y", ".x", "x.")) {
            assertThatThrownBy(() -> new RuleId(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theStandardRulesHaveUniqueWellFormedIds() {
        var rules = ComplianceEngine.standardRules(ComplianceSettings.defaults(), TestUnit.CLOCK);

        assertThat(rules).extracting(ComplianceRule::id).doesNotHaveDuplicates().hasSize(18);
        assertThat(rules).extracting(r -> r.id().value()).allMatch(id -> id.startsWith("device.")
                || id.startsWith("medium."));
    }

    @Test
    void numericSubjectIdsSortAsNumbers() {
        List<Subject> subjects = new ArrayList<>(List.of(new Subject(Subject.Type.DEVICE, "10"),
                new Subject(Subject.Type.MEDIUM, "1"), new Subject(Subject.Type.DEVICE, "2"),
                new Subject(Subject.Type.DEVICE, "D-1"), new Subject(Subject.Type.DEVICE, "02")));
        Collections.shuffle(subjects, new java.util.Random(1));
        Collections.sort(subjects);

        assertThat(subjects).extracting(Subject::toString)
                .containsExactly("device 02", "device 2", "device 10", "device D-1", "medium 1");
    }

    @Test
    void theMessageKeyNamesTheRuleAndTheVariant() {
        var rule = new SingleResponsiblePersonRule();
        Violation v = Violation.of(rule, new Subject(Subject.Type.DEVICE, "1"), List.of(), "none", "No one; add one.",
                "SM-1", 3);

        assertThat(v.messageKey()).isEqualTo("compliance.device.classified.single-responsible.none");
        assertThat(v.args()).containsExactly("SM-1", "3");
        assertThat(v.severity()).isEqualTo(Severity.HIGH);
        assertThat(Violation.of(rule, v.subject(), List.of(), null, "x", "y").messageKey())
                .isEqualTo("compliance.device.classified.single-responsible");
    }
}
