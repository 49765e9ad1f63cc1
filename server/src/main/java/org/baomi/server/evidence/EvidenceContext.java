package org.baomi.server.evidence;

import java.time.LocalDate;
import java.util.List;

/**
 * What a query runs over: units the caller may read (already checked), the period and the day
 * dates are judged on. Queries read nothing outside {@code unitIds}.
 */
public record EvidenceContext(List<Long> unitIds, LocalDate from, LocalDate to, LocalDate asOf) {

    public EvidenceContext {
        unitIds = List.copyOf(unitIds);
    }

    /** An evidence of {@code queryId} over this context. */
    public Evidence evidence(String queryId, Evidence.Suggestion suggestion, List<Evidence.EvidenceRecord> records,
            String summaryKey, Object... args) {
        return new Evidence(queryId, unitIds, from, to, asOf, suggestion, records.size(), records, summaryKey,
                List.of(args), null);
    }

    /** NOT_COMPLIANT with the records when there are any, otherwise COMPLIANT; the count is the summary's argument. */
    public Evidence findings(String queryId, List<Evidence.EvidenceRecord> records) {
        return evidence(queryId, records.isEmpty() ? Evidence.Suggestion.COMPLIANT : Evidence.Suggestion.NOT_COMPLIANT,
                records, "evidence.summary." + queryId + (records.isEmpty() ? ".none" : ".found"), records.size());
    }

    /** NO_DATA: the ledgers of these units hold nothing to judge by; the summary says why. */
    public Evidence noData(String queryId, String summaryKey) {
        return evidence(queryId, Evidence.Suggestion.NO_DATA, List.of(), summaryKey);
    }
}
