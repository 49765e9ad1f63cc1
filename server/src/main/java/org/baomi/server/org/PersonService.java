package org.baomi.server.org;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.ValidationException.FieldProblem;
import org.baomi.server.security.BaomiUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People of the units: search within the reader's scope, and create, edit, deactivate within
 * the manager's scope (see {@link OrgScope}). A person outside the caller's scope is reported as
 * not found, so his existence is not disclosed. The secret-related level is set only through
 * {@link #assignClearance}, the security administrator's action; everyone else creates people
 * with level {@link SecretRelatedLevel#NONE}.
 */
@Service
public class PersonService {

    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{3,50}");

    private final OrgRepository repository;
    private final OrgScope scope;
    private final AuditLog audit;
    private final Clock clock;

    PersonService(OrgRepository repository, OrgScope scope, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** One page of the people {@code user} may read that match {@code search}. */
    @Transactional(readOnly = true)
    public PageOf<Person> search(BaomiUser user, PersonSearch search) {
        return repository.search(search, scope.readScope(user));
    }

    @Transactional(readOnly = true)
    public Person get(BaomiUser user, long id) {
        return repository.person(id).filter(p -> scope.readScope(user).includes(p.unitId()))
                .orElseThrow(() -> notFound(id));
    }

    /** Whether {@code user} may edit {@code person} (PERSON_MANAGE within his units). */
    public boolean mayManage(BaomiUser user, Person person) {
        return scope.personManageScope(user).includes(person.unitId());
    }

    @Transactional(readOnly = true)
    public List<LinkedAccount> accounts(BaomiUser user, long id) {
        get(user, id);
        return repository.accountsOf(id);
    }

    /** Active people in {@code user}'s read scope, counted by secret-related level. */
    @Transactional(readOnly = true)
    public Map<SecretRelatedLevel, Long> countByLevel(BaomiUser user) {
        return repository.activePeopleByLevel(scope.readScope(user));
    }

    @Transactional
    public Person create(BaomiUser user, PersonInput input) {
        Valid v = validate(user, input);
        long id = repository.insertPerson(v.unitId(), v.departmentId(), v.name(), v.employeeNumber(), v.position(),
                v.phone(), SecretRelatedLevel.NONE, clock.instant());
        Person created = repository.person(id).orElseThrow();
        audit.record("person.create", "person", id, null, created);
        return created;
    }

    @Transactional
    public Person update(BaomiUser user, long id, PersonInput input) {
        Person before = managed(user, id);
        Valid v = validate(user, input);
        repository.updatePerson(id, v.unitId(), v.departmentId(), v.name(), v.employeeNumber(), v.position(), v.phone(),
                clock.instant());
        Person after = repository.person(id).orElseThrow();
        audit.record("person.update", "person", id, before, after);
        return after;
    }

    @Transactional
    public Person deactivate(BaomiUser user, long id) {
        return setActive(user, id, false, "person.deactivate");
    }

    @Transactional
    public Person reactivate(BaomiUser user, long id) {
        return setActive(user, id, true, "person.reactivate");
    }

    private Person setActive(BaomiUser user, long id, boolean active, String action) {
        Person before = managed(user, id);
        if (before.active() == active) {
            return before;
        }
        repository.setPersonActive(id, active, clock.instant());
        Person after = repository.person(id).orElseThrow();
        audit.record(action, "person", id, before, after);
        return after;
    }

    /**
     * Sets a person's secret-related level. The caller holds CLEARANCE_ASSIGN (the security
     * administrator, who sees every unit); audited with the level before and after.
     */
    @Transactional
    public Person assignClearance(BaomiUser user, long id, String level) {
        Person before = get(user, id);
        SecretRelatedLevel next;
        try {
            next = SecretRelatedLevel.valueOf(level == null ? "" : level.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("level", "person.levelInvalid",
                    "Choose the secret-related level: CORE, IMPORTANT, GENERAL or NONE.");
        }
        if (before.level() == next) {
            return before;
        }
        repository.setLevel(id, next, clock.instant());
        Person after = repository.person(id).orElseThrow();
        audit.record("person.clearance", "person", id, Map.of("level", before.level().name()),
                Map.of("level", next.name()));
        return after;
    }

    private Person managed(BaomiUser user, long id) {
        Person person = get(user, id);
        if (!mayManage(user, person)) {
            // Visible (an inspector's or a colleague's unit) but not his to edit.
            throw new org.springframework.security.access.AccessDeniedException(
                    "person " + id + " is outside the caller's units");
        }
        return person;
    }

    private record Valid(String name, long unitId, Long departmentId, String employeeNumber, String position,
            String phone) {
    }

    private Valid validate(BaomiUser user, PersonInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = clean(input.name());
        if (name == null) {
            problems.add(new FieldProblem("name", "person.nameRequired", "Enter the person's name."));
        } else if (name.length() > 100) {
            problems.add(new FieldProblem("name", "person.nameTooLong", "The name may have at most 100 characters.", 100));
        }
        Unit unit = null;
        if (input.unitId() == null) {
            problems.add(new FieldProblem("unitId", "person.unitRequired", "Choose the person's unit."));
        } else {
            unit = repository.unit(input.unitId()).filter(u -> scope.readScope(user).includes(u.id())).orElse(null);
            if (unit == null) {
                problems.add(new FieldProblem("unitId", "person.unitUnknown", "There is no unit " + input.unitId() + ".",
                        input.unitId()));
            } else if (!scope.personManageScope(user).includes(unit.id())) {
                problems.add(new FieldProblem("unitId", "person.unitNotYours",
                        "You may add and edit people of your own units only."));
                unit = null;
            } else if (!unit.active()) {
                problems.add(new FieldProblem("unitId", "person.unitInactive", "The unit is inactive."));
            }
        }
        if (input.departmentId() != null) {
            // A department the caller may not read is reported as unknown, so nothing of it is disclosed.
            Department department = repository.department(input.departmentId())
                    .filter(d -> scope.readScope(user).includes(d.unitId())).orElse(null);
            if (department == null) {
                problems.add(new FieldProblem("departmentId", "person.departmentUnknown",
                        "There is no department " + input.departmentId() + ".", input.departmentId()));
            } else if (unit != null && department.unitId() != unit.id()) {
                problems.add(new FieldProblem("departmentId", "person.departmentNotInUnit",
                        "The department " + department.name() + " belongs to another unit; choose one of "
                                + unit.name() + ".", department.name(), unit.name()));
            } else if (!department.active()) {
                problems.add(new FieldProblem("departmentId", "person.departmentInactive", "The department is inactive."));
            }
        }
        String number = clean(input.employeeNumber());
        if (number != null && number.length() > 50) {
            problems.add(new FieldProblem("employeeNumber", "person.employeeNumberTooLong",
                    "The employee number may have at most 50 characters.", 50));
        }
        String position = clean(input.position());
        if (position != null && position.length() > 100) {
            problems.add(new FieldProblem("position", "person.positionTooLong",
                    "The position may have at most 100 characters.", 100));
        }
        String phone = clean(input.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(new FieldProblem("phone", "person.phoneInvalid",
                    "Enter the phone number with digits, spaces, '+', '-' or brackets only."));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new Valid(name, unit.id(), input.departmentId(), number, position, phone);
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("person.notFound", "There is no person " + id + " you may see.");
    }
}
