package org.baomi.server.evidence;

import java.time.LocalDate;
import java.util.List;

/**
 * What the ledgers say about one self-inspection item: a suggested result, how many records stand
 * behind it, the records themselves and a summary (message key {@code evidence.summary.<query id>}
 * or a variant, with its args). The assessor confirms or overrides the suggestion; nothing here is
 * stored.
 *
 * @param queryId   the stable id of the {@link EvidenceQuery} that produced it
 * @param unitIds   the units looked at (the unit asked for, and below it when asked)
 * @param from      first day of the period
 * @param to        last day of the period
 * @param asOf      the day overdue and term dates are judged on: {@code to}, or today if earlier
 * @param count     how many records stand behind it
 * @param summary   the summary in the reader's language (filled by {@link EvidenceService})
 */
public record Evidence(String queryId, List<Long> unitIds, LocalDate from, LocalDate to, LocalDate asOf,
        Suggestion suggestion, int count, List<EvidenceRecord> records, String summaryKey, List<Object> summaryArgs,
        String summary) {

    public Evidence {
        unitIds = List.copyOf(unitIds);
        records = List.copyOf(records);
        summaryArgs = List.copyOf(summaryArgs);
    }

    /** This evidence with its summary written out. */
    public Evidence withSummary(String text) {
        return new Evidence(queryId, unitIds, from, to, asOf, suggestion, count, records, summaryKey, summaryArgs, text);
    }

    /** The result the ledgers suggest for the item. */
    public enum Suggestion {
        /** The ledgers show nothing against the item. */
        COMPLIANT,
        /** The records listed break the item. */
        NOT_COMPLIANT,
        /** The ledgers hold nothing to judge the item by: the assessor judges it himself. */
        NO_DATA
    }

    /**
     * One record behind a finding, as a person recognises it: a serial, asset or medium number, a
     * person's name — never a classified title — with what is wrong and the page that shows it.
     *
     * @param type   carrier, device, medium, network, person or inventory
     * @param detail what the finding is, in the reader's language
     * @param link   the record's page in the application
     */
    public record EvidenceRecord(String type, String id, String label, String detail, String link) {
    }
}
