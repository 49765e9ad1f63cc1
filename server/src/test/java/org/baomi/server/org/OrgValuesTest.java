package org.baomi.server.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The small value types of the org feature, without a database. */
class OrgValuesTest {

    @Test
    void aSearchClampsPageAndSizeAndIgnoresABlankQuery() {
        PersonSearch search = new PersonSearch("  ", null, null, null, null, 0, 10_000);
        assertThat(search.q()).isNull();
        assertThat(search.page()).isEqualTo(1);
        assertThat(search.size()).isEqualTo(PersonSearch.MAX_SIZE);
        assertThat(new PersonSearch(" 张 ", null, null, null, null, 3, 0).q()).isEqualTo("张");
        assertThat(new PersonSearch(null, null, null, null, null, 3, 0).offset()).isEqualTo(2L * PersonSearch.DEFAULT_SIZE);
    }

    @Test
    void aPageKnowsWhetherOthersFollowOrPrecede() {
        PageOf<String> middle = new PageOf<>(List.of("a"), 101, 2, 50);
        assertThat(middle.totalPages()).isEqualTo(3);
        assertThat(middle.hasPrevious()).isTrue();
        assertThat(middle.hasNext()).isTrue();
        PageOf<String> last = new PageOf<>(List.of("a"), 100, 2, 50);
        assertThat(last.hasNext()).isFalse();
        assertThat(new PageOf<String>(List.of(), 0, 1, 50).totalPages()).isEqualTo(1);
    }

    @Test
    void theFirstStartRootUnitReadsAsAGovernmentOrganAndUnknownKindsAsOther() {
        assertThat(UnitKind.stored("ORGAN")).isEqualTo(UnitKind.GOVERNMENT_ORGAN);
        assertThat(UnitKind.stored("SCHOOL")).isEqualTo(UnitKind.SCHOOL);
        assertThat(UnitKind.stored("CASTLE")).isEqualTo(UnitKind.OTHER);
        assertThat(UnitKind.fromName(" hospital ")).contains(UnitKind.HOSPITAL);
        assertThat(UnitKind.fromName(null)).isEmpty();
    }

    @Test
    void aScopeOfAllIncludesEveryUnitAndAnEmptyScopeNone() {
        assertThat(UnitScope.ALL.includes(42)).isTrue();
        assertThat(UnitScope.NONE.includes(42)).isFalse();
        assertThat(UnitScope.NONE.isEmpty()).isTrue();
        assertThat(new UnitScope(false, java.util.Set.of(7L)).includes(7)).isTrue();
    }
}
