package org.baomi.server.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.server.evidence.Evidence.EvidenceRecord;
import org.baomi.server.evidence.Evidence.Suggestion;
import org.springframework.stereotype.Component;

/**
 * Evidence from the organisation, the people on the roster, the self-inspection records themselves
 * (rectifications, assessments of departments and people) and incidents — and the ids the default
 * standards name for ledgers Baomi does not keep yet, which answer NO_DATA naming the missing ledger
 * (ADR 0060). Like every query, these read only units the service has checked.
 */
@Component
class WorkEvidence implements EvidenceSource {

    private final WorkEvidenceRepository repository;
    private final Texts texts;

    WorkEvidence(WorkEvidenceRepository repository, Texts texts) {
        this.repository = repository;
        this.texts = texts;
    }

    @Override
    public List<EvidenceQuery> queries() {
        return List.of(
                EvidenceQuery.of("rectification.overdue",
                        "Rectifications past their deadline and not yet done (open or in progress).",
                        this::overdueRectifications),
                EvidenceQuery.of("incident.unreported",
                        "Incidents still open; the incident table does not record reporting upwards yet, so every open one is listed.",
                        this::openIncidents),
                EvidenceQuery.of("assessment.coverage",
                        "Departments and secret-related people without a self-assessment of the period's year(s).",
                        this::coverage),
                EvidenceQuery.of("org.secrecyOfficer", "Whether the unit has a secrecy officer (an active account holding the role).",
                        this::secrecyOfficers),
                EvidenceQuery.of("person.roster",
                        "People who hold a role handling classified material but are on the roster as not secret-related.",
                        this::roster),
                EvidenceQuery.of("person.leftHoldingCarriers",
                        "Carriers still kept or held by people who have left (inactive on the roster).",
                        this::leftHoldingCarriers),
                EvidenceQuery.of("carrier.storage",
                        "Classified carriers kept in a place the storage rule does not permit for their level.",
                        this::storage),
                EvidenceQuery.of("person.trainingHours",
                        "Training hours of secret-related staff; no training ledger is kept yet, so always NO_DATA.",
                        c -> c.noData("person.trainingHours", "evidence.summary.person.trainingHours.noLedger")),
                EvidenceQuery.of("person.commitmentSigned",
                        "Signed commitment letters; no ledger of letters is kept yet, so always NO_DATA.",
                        c -> c.noData("person.commitmentSigned", "evidence.summary.person.commitmentSigned.noLedger")),
                EvidenceQuery.of("disclosure.publishedWithoutReview",
                        "Information published without a secrecy review; no disclosure-review ledger is kept yet, so always NO_DATA.",
                        c -> c.noData("disclosure.publishedWithoutReview",
                                "evidence.summary.disclosure.publishedWithoutReview.noLedger")));
    }

    private Evidence overdueRectifications(EvidenceContext c) {
        String id = "rectification.overdue";
        if (repository.rectifications(c.unitIds()) == 0) {
            return c.noData(id, "evidence.summary.rectification.noLedger");
        }
        return c.findings(id, repository.overdueRectifications(c.unitIds(), c.asOf()).stream()
                .map(r -> new EvidenceRecord("rectification", Long.toString(r.id()),
                        r.itemId() == null ? "#" + r.id() : r.itemId(),
                        texts.text("evidence.detail.rectification.overdue", r.deadline().toString(), r.ownerName(),
                                ChronoUnit.DAYS.between(r.deadline(), c.asOf()),
                                texts.text("assess.rect.status." + r.status())),
                        "/rectifications/" + r.id()))
                .toList());
    }

    private Evidence openIncidents(EvidenceContext c) {
        Instant end = c.to().plusDays(1).atStartOfDay(CarrierEvidence.ZONE).toInstant();
        return c.findings("incident.unreported", repository.openIncidents(c.unitIds(), end).stream()
                .map(i -> new EvidenceRecord("incident", Long.toString(i.id()), i.subjectLabel(),
                        texts.text("evidence.detail.incident.open", texts.text("evidence.incident.kind." + i.kind()),
                                LocalDate.ofInstant(i.reportedAt(), CarrierEvidence.ZONE).toString()),
                        subjectLink(i.subjectType(), i.subjectId())))
                .toList());
    }

    private static String subjectLink(String type, String id) {
        return switch (type) {
            case "carrier" -> "/carriers/" + id;
            case "medium" -> "/media/" + id;
            case "device" -> "/devices/" + id;
            default -> null;
        };
    }

    /** Every department and every secret-related person has an assessment of the year (SPEC §2: unit, department, individual). */
    private Evidence coverage(EvidenceContext c) {
        String id = "assessment.coverage";
        int from = c.from().getYear();
        int to = c.to().getYear();
        List<EvidenceRecord> records = new ArrayList<>();
        repository.departmentsWithoutAssessment(c.unitIds(), from, to).forEach(u -> records.add(new EvidenceRecord(
                "department", Long.toString(u.id()), u.name(), texts.text("evidence.detail.assessment.noDepartment"),
                "/assessments")));
        int departments = records.size();
        repository.peopleWithoutAssessment(c.unitIds(), from, to).forEach(u -> records.add(new EvidenceRecord(
                "person", Long.toString(u.id()), u.name(), texts.text("evidence.detail.assessment.noPerson"),
                "/people/" + u.id())));
        if (records.isEmpty()) {
            return c.evidence(id, Suggestion.COMPLIANT, records, "evidence.summary." + id + ".none");
        }
        return c.evidence(id, Suggestion.NOT_COMPLIANT, records, "evidence.summary." + id + ".found", departments,
                records.size() - departments);
    }

    private Evidence secrecyOfficers(EvidenceContext c) {
        String id = "org.secrecyOfficer";
        List<EvidenceRecord> officers = repository.holders(c.unitIds(), "SECRECY_OFFICER").stream()
                .map(p -> new EvidenceRecord("account", Long.toString(p.id()), p.name(),
                        texts.text("role.SECRECY_OFFICER"), null))
                .toList();
        if (officers.isEmpty()) {
            return c.evidence(id, Suggestion.NOT_COMPLIANT, officers, "evidence.summary." + id + ".none");
        }
        return c.evidence(id, Suggestion.COMPLIANT, officers, "evidence.summary." + id + ".found", officers.size());
    }

    private Evidence roster(EvidenceContext c) {
        String id = "person.roster";
        if (repository.people(c.unitIds()) == 0) {
            return c.noData(id, "evidence.summary.person.noRoster");
        }
        return c.findings(id, repository.handlersWithoutLevel(c.unitIds()).stream()
                .map(p -> new EvidenceRecord("person", Long.toString(p.id()), p.name(),
                        texts.text("evidence.detail.person.noLevel", texts.text("role." + p.remark())),
                        "/people/" + p.id()))
                .toList());
    }

    private Evidence leftHoldingCarriers(EvidenceContext c) {
        String id = "person.leftHoldingCarriers";
        if (repository.people(c.unitIds()) == 0) {
            return c.noData(id, "evidence.summary.person.noRoster");
        }
        return c.findings(id, repository.carriersOfPeopleWhoLeft(c.unitIds()).stream()
                .map(r -> new EvidenceRecord("carrier", Long.toString(r.carrierId()), r.serial(),
                        texts.text("evidence.detail.person.leftHolding", texts.text("carrier.level." + r.level()),
                                r.personName()),
                        "/carriers/" + r.carrierId()))
                .toList());
    }

    /** The storage rule of {@link StoragePlace#permits}: a level raised after registration can leave a carrier misplaced. */
    private Evidence storage(EvidenceContext c) {
        String id = "carrier.storage";
        List<String[]> carriers = repository.storedCarriers(c.unitIds());
        if (carriers.isEmpty()) {
            return c.noData(id, "evidence.summary.carrier.noLedger");
        }
        List<EvidenceRecord> records = new ArrayList<>();
        for (String[] r : carriers) {
            ClassificationLevel level = ClassificationLevel.valueOf(r[2]);
            StoragePlace.Kind kind = StoragePlace.Kind.valueOf(r[3]);
            if (!new StoragePlace(kind, r[4]).permits(level)) {
                records.add(new EvidenceRecord("carrier", r[0], r[1], texts.text("evidence.detail.carrier.storage",
                        texts.text("carrier.level." + r[2]), r[4], texts.text("carrier.storage." + r[3])), "/carriers/" + r[0]));
            }
        }
        return c.findings(id, records);
    }
}
