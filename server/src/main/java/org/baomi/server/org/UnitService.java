package org.baomi.server.org;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.baomi.core.DomainException;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.ValidationException.FieldProblem;
import org.baomi.server.security.BaomiUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Units and their departments. Units are managed by the system administrator (the caller holds
 * UNIT_MANAGE); departments by the system administrator and by a secrecy officer within his own
 * units (the caller holds PERSON_MANAGE, checked against {@link OrgScope#personManageScope}),
 * because the secrecy officer keeps the people register and departments are part of it.
 * Nothing is ever deleted: units and departments are deactivated.
 */
@Service
public class UnitService {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");

    private final OrgRepository repository;
    private final OrgScope scope;
    private final AuditLog audit;
    private final Clock clock;

    UnitService(OrgRepository repository, OrgScope scope, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The units {@code user} may read, in tree order (each unit followed by its sub-units). A
     * unit whose superior the reader cannot see is shown at the top level.
     */
    @Transactional(readOnly = true)
    public List<UnitNode> tree(BaomiUser user) {
        UnitScope visible = scope.readScope(user);
        List<OrgRepository.UnitRow> rows = repository.unitsWithCounts().stream()
                .filter(r -> visible.includes(r.unit().id())).toList();
        Map<Long, String> names = new HashMap<>();
        rows.forEach(r -> names.put(r.unit().id(), r.unit().name()));
        Map<Long, List<OrgRepository.UnitRow>> children = new HashMap<>();
        List<OrgRepository.UnitRow> roots = new ArrayList<>();
        for (var row : rows) {
            Long parent = row.unit().parentId();
            if (parent != null && names.containsKey(parent)) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(row);
            } else {
                roots.add(row);
            }
        }
        List<UnitNode> out = new ArrayList<>();
        Comparator<OrgRepository.UnitRow> order = Comparator.comparing((OrgRepository.UnitRow r) -> !r.unit().active())
                .thenComparing(r -> r.unit().code());
        roots.sort(order);
        for (var root : roots) {
            walk(root, 0, children, names, order, out);
        }
        return out;
    }

    private void walk(OrgRepository.UnitRow row, int depth, Map<Long, List<OrgRepository.UnitRow>> children,
            Map<Long, String> names, Comparator<OrgRepository.UnitRow> order, List<UnitNode> out) {
        Unit u = row.unit();
        out.add(new UnitNode(u, depth, row.departments(), row.people(), u.parentId() == null ? null : names.get(u.parentId())));
        List<OrgRepository.UnitRow> kids = new ArrayList<>(children.getOrDefault(u.id(), List.of()));
        kids.sort(order);
        for (var kid : kids) {
            walk(kid, depth + 1, children, names, order, out);
        }
    }

    /** A unit {@code user} may read; not found when it is outside his scope. */
    @Transactional(readOnly = true)
    public Unit get(BaomiUser user, long id) {
        return repository.unit(id).filter(u -> scope.readScope(user).includes(u.id()))
                .orElseThrow(() -> notFound(id));
    }

    /** Every unit, for the system administrator choosing a superior unit. */
    @Transactional(readOnly = true)
    public List<Unit> all() {
        return repository.units();
    }

    /** Units {@code user} may read, by name. */
    @Transactional(readOnly = true)
    public List<Unit> visible(BaomiUser user) {
        UnitScope s = scope.readScope(user);
        return repository.units().stream().filter(u -> s.includes(u.id())).toList();
    }

    /** Active units in which {@code user} may manage people and departments, by name. */
    @Transactional(readOnly = true)
    public List<Unit> manageable(BaomiUser user) {
        UnitScope s = scope.personManageScope(user);
        return repository.units().stream().filter(u -> u.active() && s.includes(u.id())).toList();
    }

    /** Whether {@code user} may create, rename and deactivate departments of {@code unitId}. */
    public boolean mayManageDepartments(BaomiUser user, long unitId) {
        return scope.personManageScope(user).includes(unitId);
    }

    @Transactional
    public Unit create(UnitInput input) {
        Valid v = validate(input, null);
        long id = repository.insertUnit(v.parentId(), v.code(), v.name(), v.kind(), clock.instant());
        Unit created = repository.unit(id).orElseThrow();
        audit.record("unit.create", "unit", id, null, created);
        return created;
    }

    @Transactional
    public Unit update(long id, UnitInput input) {
        Unit before = repository.unit(id).orElseThrow(() -> notFound(id));
        Valid v = validate(input, before);
        repository.updateUnit(id, v.parentId(), v.code(), v.name(), v.kind(), clock.instant());
        Unit after = repository.unit(id).orElseThrow();
        audit.record("unit.update", "unit", id, before, after);
        return after;
    }

    /** Deactivates a unit that has no active sub-unit and no active person. */
    @Transactional
    public Unit deactivate(long id) {
        Unit before = repository.unit(id).orElseThrow(() -> notFound(id));
        if (!before.active()) {
            return before;
        }
        long subUnits = repository.activeChildren(id);
        if (subUnits > 0) {
            throw new DomainException("unit.hasActiveSubUnits",
                    "The unit still has " + subUnits + " active sub-unit(s); deactivate or move them first.", subUnits);
        }
        long people = repository.activePeopleOfUnit(id);
        if (people > 0) {
            throw new DomainException("unit.hasActivePeople",
                    "The unit still has " + people + " active people; deactivate or move them first.", people);
        }
        repository.setUnitActive(id, false, clock.instant());
        Unit after = repository.unit(id).orElseThrow();
        audit.record("unit.deactivate", "unit", id, before, after);
        return after;
    }

    /** Reactivates a unit whose superior is active. */
    @Transactional
    public Unit reactivate(long id) {
        Unit before = repository.unit(id).orElseThrow(() -> notFound(id));
        if (before.active()) {
            return before;
        }
        if (before.parentId() != null && !repository.unit(before.parentId()).map(Unit::active).orElse(false)) {
            throw new DomainException("unit.parentInactive",
                    "The superior unit is inactive; reactivate it first.");
        }
        repository.setUnitActive(id, true, clock.instant());
        Unit after = repository.unit(id).orElseThrow();
        audit.record("unit.reactivate", "unit", id, before, after);
        return after;
    }

    // --- departments -------------------------------------------------------------------------

    /** The departments of a unit {@code user} may read, active first. */
    @Transactional(readOnly = true)
    public List<Department> departments(BaomiUser user, long unitId) {
        get(user, unitId);
        return repository.departmentsOf(unitId);
    }

    /** Active departments of the units {@code user} may manage people in, for the person form. */
    @Transactional(readOnly = true)
    public List<Department> manageableDepartments(BaomiUser user) {
        UnitScope s = scope.personManageScope(user);
        return repository.activeDepartments().stream().filter(d -> s.includes(d.unitId())).toList();
    }

    /** Active departments of the units {@code user} may read, for the people filter. */
    @Transactional(readOnly = true)
    public List<Department> visibleDepartments(BaomiUser user) {
        UnitScope s = scope.readScope(user);
        return repository.activeDepartments().stream().filter(d -> s.includes(d.unitId())).toList();
    }

    @Transactional(readOnly = true)
    public Department department(BaomiUser user, long id) {
        return repository.department(id).filter(d -> scope.readScope(user).includes(d.unitId()))
                .orElseThrow(() -> departmentNotFound(id));
    }

    @Transactional
    public Department createDepartment(BaomiUser user, long unitId, String name) {
        Unit unit = repository.unit(unitId).filter(u -> scope.readScope(user).includes(u.id()))
                .orElseThrow(() -> notFound(unitId));
        requireManage(user, unitId);
        if (!unit.active()) {
            throw new DomainException("department.unitInactive", "The unit is inactive; departments cannot be added to it.");
        }
        String clean = departmentName(unitId, name, null);
        long id = repository.insertDepartment(unitId, clean, clock.instant());
        Department created = repository.department(id).orElseThrow();
        audit.record("department.create", "department", id, null, created);
        return created;
    }

    @Transactional
    public Department renameDepartment(BaomiUser user, long id, String name) {
        Department before = department(user, id);
        requireManage(user, before.unitId());
        String clean = departmentName(before.unitId(), name, id);
        repository.renameDepartment(id, clean, clock.instant());
        Department after = repository.department(id).orElseThrow();
        audit.record("department.rename", "department", id, before, after);
        return after;
    }

    /** Deactivates a department nobody active belongs to. */
    @Transactional
    public Department deactivateDepartment(BaomiUser user, long id) {
        Department before = department(user, id);
        requireManage(user, before.unitId());
        if (!before.active()) {
            return before;
        }
        long people = repository.activePeopleOfDepartment(id);
        if (people > 0) {
            throw new DomainException("department.hasActivePeople",
                    "The department still has " + people + " active people; move or deactivate them first.", people);
        }
        repository.setDepartmentActive(id, false, clock.instant());
        Department after = repository.department(id).orElseThrow();
        audit.record("department.deactivate", "department", id, before, after);
        return after;
    }

    private void requireManage(BaomiUser user, long unitId) {
        if (!scope.personManageScope(user).includes(unitId)) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "departments of unit " + unitId + " are outside the caller's units");
        }
    }

    private String departmentName(long unitId, String name, Long exceptId) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw ValidationException.of("name", "department.nameRequired", "Enter the department's name.");
        }
        if (clean.length() > 200) {
            throw ValidationException.of("name", "department.nameTooLong", "The name may have at most 200 characters.", 200);
        }
        if (repository.departmentNameTaken(unitId, clean, exceptId)) {
            throw ValidationException.of("name", "department.nameTaken",
                    "The unit already has a department named \"" + clean + "\".", clean);
        }
        return clean;
    }

    // --- validation --------------------------------------------------------------------------

    private record Valid(String code, String name, UnitKind kind, Long parentId) {
    }

    private Valid validate(UnitInput input, Unit existing) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = input.code() == null ? "" : input.code().strip();
        String name = input.name() == null ? "" : input.name().strip();
        if (code.isEmpty()) {
            problems.add(new FieldProblem("code", "unit.codeRequired", "Enter the unit's code."));
        } else if (!CODE.matcher(code).matches()) {
            problems.add(new FieldProblem("code", "unit.codeInvalid",
                    "The code may have up to 32 letters, digits, '-', '_' or '.', starting with a letter or digit."));
        } else if (repository.codeTaken(code, existing == null ? null : existing.id())) {
            problems.add(new FieldProblem("code", "unit.codeTaken", "Another unit already has the code " + code + ".", code));
        }
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "unit.nameRequired", "Enter the unit's name."));
        } else if (name.length() > 200) {
            problems.add(new FieldProblem("name", "unit.nameTooLong", "The name may have at most 200 characters.", 200));
        }
        UnitKind kind = UnitKind.fromName(input.kind()).orElse(null);
        if (kind == null) {
            problems.add(new FieldProblem("kind", "unit.kindInvalid",
                    "Choose the kind of unit: SECRECY_BUREAU, GOVERNMENT_ORGAN, PUBLIC_INSTITUTION, SCHOOL, HOSPITAL, ENTERPRISE or OTHER."));
        }
        Long parentId = input.parentId();
        if (parentId != null) {
            Unit parent = repository.unit(parentId).orElse(null);
            if (parent == null) {
                problems.add(new FieldProblem("parentId", "unit.parentUnknown", "There is no unit " + parentId + ".", parentId));
            } else if (existing != null && scope.selfAndDescendants(List.of(existing.id())).contains(parentId)) {
                problems.add(new FieldProblem("parentId", "unit.cycle",
                        "A unit cannot be placed under itself or one of its own sub-units."));
            } else if (!parent.active() && (existing == null || !parentId.equals(existing.parentId()))) {
                problems.add(new FieldProblem("parentId", "unit.parentInactive", "The superior unit is inactive."));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new Valid(code, name, kind, parentId);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("unit.notFound", "There is no unit " + id + " you may see.");
    }

    private static NotFoundException departmentNotFound(long id) {
        return new NotFoundException("department.notFound", "There is no department " + id + " you may see.");
    }
}
