package org.baomi.server.evidence;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baomi.core.carrier.CarrierStatus;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.DeviceType;
import org.baomi.core.device.MediumType;
import org.baomi.core.device.compliance.Severity;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Permission;
import org.baomi.server.device.Designation;
import org.baomi.server.device.DeviceComplianceService;
import org.baomi.server.org.OrgScope;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.ValidationException.FieldProblem;
import org.baomi.server.security.BaomiUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence and figures for a unit the signed-in user may read ({@link OrgScope}: a business role
 * in the unit or above it; inspectors read their subordinate units). A unit outside the scope does
 * not exist for the caller (404). Reads only: nothing is written, nothing audited — the records
 * carry serials and numbers, never classified titles (ADR 0048).
 */
@Service
public class EvidenceService {

    private final EvidenceQueries queries;
    private final EvidenceRepository repository;
    private final OrgScope scope;
    private final DeviceComplianceService compliance;
    private final Texts texts;
    private final Clock clock;

    EvidenceService(EvidenceQueries queries, EvidenceRepository repository, OrgScope scope,
            DeviceComplianceService compliance, Texts texts, Clock clock) {
        this.texts = texts;
        this.queries = queries;
        this.repository = repository;
        this.scope = scope;
        this.compliance = compliance;
        this.clock = clock;
    }

    /** A query as listed: id, description in the reader's language, English description. */
    public record QueryInfo(String id, String description, String english) {
    }

    /** Every query, by id. */
    public List<QueryInfo> queries() {
        return queries.all().stream().map(q -> new QueryInfo(q.id(), texts.text(q.descriptionKey()), q.english()))
                .toList();
    }

    /**
     * Runs query {@code queryId} over {@code unitId} (and the units below it the caller may read,
     * when {@code includeSubordinates}) for the period; {@code from} defaults to 1 January of
     * {@code to}'s year, {@code to} to today.
     */
    @Transactional(readOnly = true)
    public Evidence evidence(String queryId, long unitId, boolean includeSubordinates, LocalDate from, LocalDate to) {
        EvidenceQuery query = queries.get(queryId);
        Evidence e = query.run(context(unitId, includeSubordinates, from, to));
        return e.withSummary(texts.text(e.summaryKey(), e.summaryArgs().toArray()));
    }

    /** The ledgers' figures of {@code unitId} (and below, when asked) for the period. */
    @Transactional(readOnly = true)
    public LedgerFigures figures(long unitId, boolean includeSubordinates, LocalDate from, LocalDate to) {
        EvidenceContext c = context(unitId, includeSubordinates, from, to);
        List<Long> units = c.unitIds();
        Instant start = c.from().atStartOfDay(CarrierEvidence.ZONE).toInstant();
        Instant end = c.to().plusDays(1).atStartOfDay(CarrierEvidence.ZONE).toInstant();
        long[] registered = repository.carriersRegistered(units, start, end);

        Map<String, Long> byDesignation = zeros(Designation.values());
        Map<String, Map<String, Long>> byDesignationAndType = new LinkedHashMap<>();
        for (Designation d : Designation.values()) {
            byDesignationAndType.put(d.name(), zeros(DeviceType.values()));
        }
        repository.devicesByDesignationAndType(units).forEach((key, n) -> {
            String[] parts = key.split("/", 2);
            byDesignation.merge(parts[0], n, Long::sum);
            byDesignationAndType.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).merge(parts[1], n, Long::sum);
        });
        Map<String, Long> mediaByType = zeros(MediumType.values());
        Map<String, Long> mediaByLevel = zeros(ClassificationLevel.values());
        repository.mediaByTypeAndLevel(units).forEach((key, n) -> {
            String[] parts = key.split("/", 2);
            mediaByType.merge(parts[0], n, Long::sum);
            mediaByLevel.merge(parts[1], n, Long::sum);
        });
        Map<Severity, Integer> severities = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            severities.put(s, 0);
        }
        for (Long u : units) {
            compliance.unitReport(u).bySeverity().forEach((s, n) -> severities.merge(s, n, Integer::sum));
        }
        Map<String, Integer> violations = new LinkedHashMap<>();
        severities.forEach((s, n) -> violations.put(s.name(), n));

        return new LedgerFigures(units, c.from(), c.to(),
                merged(zeros(SecretRelatedLevel.values()), repository.peopleByLevel(units)),
                merged(zeros(ClassificationLevel.values()), repository.carriersBy("level", units)),
                merged(zeros(ClassificationLevel.values()), repository.carriersHeldByLevel(units)),
                merged(zeros(CarrierStatus.values()), repository.carriersBy("status", units)),
                registered[0], registered[1], repository.carriersDestroyed(units, start, end),
                byDesignation, byDesignationAndType,
                repository.devicesByNetwork(units).stream().map(n -> new LedgerFigures.NetworkFigure(n.networkId(),
                        n.name(), n.kind(), n.level(), n.devices())).toList(),
                mediaByType, mediaByLevel, repository.openMaintenance(units), violations);
    }

    private static Map<String, Long> zeros(Enum<?>[] values) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Enum<?> v : values) {
            m.put(v.name(), 0L);
        }
        return m;
    }

    private static Map<String, Long> merged(Map<String, Long> zeros, Map<String, Long> counts) {
        counts.forEach((k, n) -> zeros.merge(k, n, Long::sum));
        return zeros;
    }

    private EvidenceContext context(long unitId, boolean includeSubordinates, LocalDate from, LocalDate to) {
        BaomiUser user = user();
        Set<Long> readable = user.has(Permission.BUSINESS_READ) ? scope.visibleUnitIds(user) : Set.of();
        if (!readable.contains(unitId)) {
            throw new NotFoundException("unit.notFound", "There is no unit " + unitId + " you may see.");
        }
        LocalDate today = LocalDate.now(clock.withZone(CarrierEvidence.ZONE));
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? LocalDate.of(end.getYear(), 1, 1) : from;
        if (start.isAfter(end)) {
            throw new ValidationException(List.of(new FieldProblem("from", "evidence.period.order",
                    "The period starts on " + start + ", after its end " + end + ".", start, end)));
        }
        List<Long> units = new ArrayList<>();
        units.add(unitId);
        if (includeSubordinates) {
            scope.selfAndDescendants(List.of(unitId)).stream().filter(readable::contains)
                    .filter(u -> u != unitId).sorted().forEach(units::add);
        }
        return new EvidenceContext(units, start, end, end.isBefore(today) ? end : today);
    }

    private static BaomiUser user() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof BaomiUser user)) {
            throw new AccessDeniedException("no signed-in user");
        }
        return user;
    }
}
