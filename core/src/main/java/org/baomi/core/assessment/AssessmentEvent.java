package org.baomi.core.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One entry of a self-assessment's history; the status is what replaying them gives. */
public sealed interface AssessmentEvent {

    Person by();

    Instant at();

    record Started(Person by, Instant at) implements AssessmentEvent {
        public Started {
            check(by, at);
        }
    }

    /** Submitted with the score and grade it had then, so a later reopening cannot rewrite them. */
    record Submitted(Person by, Instant at, BigDecimal score, Grade grade) implements AssessmentEvent {
        public Submitted {
            check(by, at);
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(grade, "grade");
        }
    }

    record Approved(Person by, Instant at) implements AssessmentEvent {
        public Approved {
            check(by, at);
        }
    }

    record Locked(Person by, Instant at) implements AssessmentEvent {
        public Locked {
            check(by, at);
        }
    }

    record Reopened(Person by, Instant at, String reason) implements AssessmentEvent {
        public Reopened {
            check(by, at);
            Objects.requireNonNull(reason, "reason");
        }
    }

    private static void check(Person by, Instant at) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
