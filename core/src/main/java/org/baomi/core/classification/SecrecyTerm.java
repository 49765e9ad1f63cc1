package org.baomi.core.classification;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * 保密期限 — how long a classification lasts: a number of years (one or more), of months (less
 * than a year), until a date, until a condition, long-term (长期), or unmarked — which means the
 * longest term of the level (30 years for TOP SECRET, 20 for SECRET, 10 for CONFIDENTIAL).
 */
public sealed interface SecrecyTerm {

    /** The date the classification ends, counted from {@code determinedOn}; empty for long-term and conditions. */
    Optional<LocalDate> declassificationDate(ClassificationLevel level, LocalDate determinedOn);

    /** The marking text after ★, e.g. {@code 10年}; empty for the unmarked default. */
    String text();

    record Years(int years) implements SecrecyTerm {
        public Years {
            if (years < 1) {
                throw new IllegalArgumentException("a term in years is at least 1 year, was " + years);
            }
        }

        @Override
        public Optional<LocalDate> declassificationDate(ClassificationLevel level, LocalDate determinedOn) {
            return Optional.of(determinedOn.plusYears(years));
        }

        @Override
        public String text() {
            return years + "年";
        }
    }

    record Months(int months) implements SecrecyTerm {
        public Months {
            if (months < 1 || months > 11) {
                throw new IllegalArgumentException("a term in months is 1 to 11 months (a year or more is written in years), was " + months);
            }
        }

        @Override
        public Optional<LocalDate> declassificationDate(ClassificationLevel level, LocalDate determinedOn) {
            return Optional.of(determinedOn.plusMonths(months));
        }

        @Override
        public String text() {
            return months + "个月";
        }
    }

    record UntilDate(LocalDate date) implements SecrecyTerm {
        public UntilDate {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public Optional<LocalDate> declassificationDate(ClassificationLevel level, LocalDate determinedOn) {
            return Optional.of(date);
        }

        @Override
        public String text() {
            return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        }
    }

    record UntilCondition(String condition) implements SecrecyTerm {
        public UntilCondition {
            if (condition == null || condition.isBlank()) {
                throw new IllegalArgumentException("a declassification condition must not be blank");
            }
            condition = condition.strip();
        }

        @Override
        public Optional<LocalDate> declassificationDate(ClassificationLevel level, LocalDate determinedOn) {
            return Optional.empty();
        }

        @Override
        public String text() {
            return condition;
        }
    }

    record LongTerm() implements SecrecyTerm {
        @Override
        public Optional<LocalDate> declassificationDate(ClassificationLevel level, LocalDate determinedOn) {
            return Optional.empty();
        }

        @Override
        public String text() {
            return "长期";
        }
    }

    /** No term marked: the level's longest term applies. */
    record Unmarked() implements SecrecyTerm {
        @Override
        public Optional<LocalDate> declassificationDate(ClassificationLevel level, LocalDate determinedOn) {
            return level.isStateSecret() ? Optional.of(determinedOn.plusYears(level.maxTermYears())) : Optional.empty();
        }

        @Override
        public String text() {
            return "";
        }
    }
}
