package org.baomi.server.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The ledgers' figures for a unit's reports ("the unit has 30 office computers and 20 reading-room
 * computers …"): counts only, every enum value present (zeros included) so a report can name each.
 * Stocks are as the ledger stands now; flows (registered, copies, destroyed) are counted in the period.
 *
 * @param peopleBySecretRelatedLevel active people by secret-related level (CORE, IMPORTANT, GENERAL, NONE)
 * @param carriersByLevel            carriers on the ledger by the level handled at now
 * @param carriersHeldByLevel        carriers in the unit's hands now (not cleared, destroyed or lost) by level
 * @param carriersByStatus           carriers by status, terminal ones included
 * @param carriersRegistered         register entries made in the period (received and copies)
 * @param copiesMade                 of those, copies made from a carrier of the ledger
 * @param carriersDestroyed          carriers destroyed in the period
 * @param devicesByDesignation       in-service devices by CLASSIFIED / NON_CLASSIFIED / INTERNET
 * @param devicesByDesignationAndType in-service devices by designation, then type
 * @param networks                   active networks with the in-service devices on each
 * @param mediaByType                in-service media by type
 * @param mediaByLevel               in-service media by level
 * @param openMaintenance            maintenances not closed
 * @param violationsBySeverity       compliance violations found now, by severity
 */
public record LedgerFigures(List<Long> unitIds, LocalDate from, LocalDate to,
        Map<String, Long> peopleBySecretRelatedLevel, Map<String, Long> carriersByLevel,
        Map<String, Long> carriersHeldByLevel, Map<String, Long> carriersByStatus, long carriersRegistered, long copiesMade, long carriersDestroyed,
        Map<String, Long> devicesByDesignation, Map<String, Map<String, Long>> devicesByDesignationAndType,
        List<NetworkFigure> networks, Map<String, Long> mediaByType, Map<String, Long> mediaByLevel,
        long openMaintenance, Map<String, Integer> violationsBySeverity) {

    /** A network and how many in-service devices are on it. */
    public record NetworkFigure(long id, String name, String kind, String level, long devices) {
    }
}
