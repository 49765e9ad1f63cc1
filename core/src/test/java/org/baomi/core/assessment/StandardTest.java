package org.baomi.core.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baomi.core.assessment.Standards.T;
import static org.baomi.core.assessment.Standards.p;

import java.util.List;
import java.util.Set;
import org.baomi.core.DomainException;
import org.junit.jupiter.api.Test;

class StandardTest {

    private static final StandardRef REF = new StandardRef("unit-test", 1);
    private static final List<Category> CATEGORIES = List.of(new Category("A", T), new Category("B", T));

    private static StandardItem item(String id, String category, String points) {
        return new StandardItem(id, category, T, p(points), List.of(), null, Set.of());
    }

    private static List<StandardProblem> problems(String total, List<StandardItem> items, List<DeductionItem> deductions,
            List<VetoItem> vetoes) {
        try {
            new Standard(REF, AssessmentLevel.UNIT, T, p(total), CATEGORIES, items, deductions, vetoes);
        } catch (InvalidStandardException e) {
            return e.problems();
        }
        return List.of();
    }

    @Test
    void aValidStandardKeepsItsEntriesAndFindsThemById() {
        Standard s = new Standard(REF, AssessmentLevel.UNIT, T, p("100.0"), CATEGORIES,
                List.of(item("A.1", "A", "60"), item("B.1", "B", "40.0")),
                List.of(new DeductionItem("D1", "", T, p("1"), p("5"), "carrier.lost")),
                List.of(new VetoItem("V1", T, "device.internetConnected")));

        assertThat(s.total()).isEqualTo(p("100"));
        assertThat(s.item("B.1").orElseThrow().points()).isEqualTo(p("40"));
        assertThat(s.itemsOf("A")).extracting(StandardItem::id).containsExactly("A.1");
        assertThat(s.evidenceQueries()).containsExactly("carrier.lost", "device.internetConnected");
    }

    @Test
    void pointsThatDoNotSumToTheTotalAreRefusedNamingBoth() {
        assertThat(problems("100", List.of(item("A.1", "A", "60"), item("A.2", "A", "38")), List.of(), List.of()))
                .singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo("assessment.pointsSum");
                    assertThat(p.field()).isEqualTo("total");
                    assertThat(p.english()).contains("98").contains("100");
                });
    }

    @Test
    void aDuplicateIdIsRefusedWhereverItIs() {
        assertThat(problems("100", List.of(item("A.1", "A", "50"), item("A.1", "B", "50")), List.of(),
                List.of(new VetoItem("A", T, null))))
                .extracting(StandardProblem::code, StandardProblem::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("assessment.duplicateId", "A.1"),
                        org.assertj.core.groups.Tuple.tuple("assessment.duplicateId", "A"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<StandardProblem> problems = problems("100", List.of(item("A.1", "Z", "50"), item("A.2", "A", "0"),
                item("A 3", "A", "1.25")),
                List.of(new DeductionItem("D1", "Q", T, p("5"), p("2"), "Not-A-Query")),
                List.of(new VetoItem("V1", null, null)));

        assertThat(problems).extracting(StandardProblem::code).containsExactlyInAnyOrder(
                "assessment.unknownCategory", "assessment.pointsInvalid", "assessment.entryIdInvalid",
                "assessment.pointsInvalid", "assessment.unknownCategory", "assessment.capBelowOccurrence",
                "assessment.evidenceInvalid", "assessment.vetoUnnamed");
        assertThat(problems).filteredOn(p -> p.code().equals("assessment.vetoUnnamed")).singleElement()
                .satisfies(p -> assertThat(p.subject()).isEqualTo("V1"));
        assertThat(problems).filteredOn(p -> p.code().equals("assessment.unknownCategory"))
                .extracting(StandardProblem::subject).containsExactly("A.1", "D1");
    }

    @Test
    void aStandardNeedsItems() {
        assertThat(problems("100", List.of(), List.of(), List.of())).extracting(StandardProblem::code)
                .contains("assessment.noItems");
    }

    @Test
    void idsAndVersionsAreChecked() {
        assertThatThrownBy(() -> new StandardRef("bad id", 1)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("assessment.standardIdInvalid"));
        assertThatThrownBy(() -> new StandardRef("ok", 0)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("assessment.versionInvalid"));
        assertThatThrownBy(() -> new Text("中文", " ")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("assessment.textMissing"));
    }

    @Test
    void aDeductionIsCapped() {
        DeductionItem d = new DeductionItem("D1", "", T, p("2"), p("5"), null);
        assertThat(d.deduction(1)).isEqualTo(p("2"));
        assertThat(d.deduction(2)).isEqualTo(p("4"));
        assertThat(d.deduction(3)).isEqualTo(p("5"));
    }

    @Test
    void anItemForSomeKindsOfUnitAppliesOnlyToThem() {
        StandardItem school = new StandardItem("A.1", "A", T, p("1"), List.of(), null, Set.of("SCHOOL"));
        assertThat(school.appliesTo("SCHOOL")).isTrue();
        assertThat(school.appliesTo("HOSPITAL")).isFalse();
        assertThat(item("A.2", "A", "1").appliesTo("HOSPITAL")).isTrue();
    }

    @Test
    void evidenceQueryIdsAreTheServersDottedIdsHyphensIncluded() {
        assertThat(List.of("device.compliance.critical",
                "device.classified.security-settings", "carrier.yearEndHeld"))
                .allMatch(id -> Standard.EVIDENCE_QUERY.matcher(id).matches());
        assertThat(List.of("device", "Device.x", "device..x", "device.x y",
                ".device.x")).noneMatch(id -> Standard.EVIDENCE_QUERY.matcher(id).matches());
    }
}
