package org.baomi.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.baomi.server.platform.NotFoundException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Query ids are dotted and lower case; the registry refuses two queries with one id and names an unknown one. */
class EvidenceQueriesTest {

    static EvidenceQuery query(String id) {
        return EvidenceQuery.of(id, "x", c -> c.noData(id, "k"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"carrier", "Carrier.loan", "carrier..loan", "carrier.loan.", "carrier loan.x", ".x", "设备.x"})
    void aQueryIdIsDottedLowerCaseSegments(String bad) {
        assertThatThrownBy(() -> query(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRegistryListsByIdRefusesDuplicatesAndNamesAnUnknownId() {
        EvidenceQueries registry = new EvidenceQueries(List.of(() -> List.of(query("b.two"), query("a.one-x"))));
        assertThat(registry.all()).extracting(EvidenceQuery::id).containsExactly("a.one-x", "b.two");
        assertThat(registry.get("b.two").descriptionKey()).isEqualTo("evidence.query.b.two");
        assertThatThrownBy(() -> registry.get("c.three")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("c.three");
        assertThatThrownBy(() -> new EvidenceQueries(List.of(() -> List.of(query("a.b")), () -> List.of(query("a.b")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a.b");
    }
}
