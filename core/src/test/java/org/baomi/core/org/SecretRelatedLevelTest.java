package org.baomi.core.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baomi.core.classification.ClassificationLevel.*;

import org.junit.jupiter.api.Test;

class SecretRelatedLevelTest {

    @Test
    void eachLevelSeesUpToItsHighestClassification() {
        assertThat(SecretRelatedLevel.CORE.maySee(TOP_SECRET)).isTrue();
        assertThat(SecretRelatedLevel.IMPORTANT.maySee(TOP_SECRET)).isFalse();
        assertThat(SecretRelatedLevel.IMPORTANT.maySee(SECRET)).isTrue();
        assertThat(SecretRelatedLevel.GENERAL.maySee(SECRET)).isFalse();
        assertThat(SecretRelatedLevel.GENERAL.maySee(CONFIDENTIAL)).isTrue();
        assertThat(SecretRelatedLevel.NONE.maySee(CONFIDENTIAL)).isFalse();
        assertThat(SecretRelatedLevel.NONE.maySee(INTERNAL)).isTrue();
        assertThat(SecretRelatedLevel.NONE.maySee(PUBLIC)).isTrue();
    }
}
