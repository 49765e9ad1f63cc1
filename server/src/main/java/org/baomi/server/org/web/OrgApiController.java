package org.baomi.server.org.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Permission;
import org.baomi.server.org.Department;
import org.baomi.server.org.LinkedAccount;
import org.baomi.server.org.PageOf;
import org.baomi.server.org.Person;
import org.baomi.server.org.PersonInput;
import org.baomi.server.org.PersonSearch;
import org.baomi.server.org.PersonService;
import org.baomi.server.org.Unit;
import org.baomi.server.org.UnitInput;
import org.baomi.server.org.UnitNode;
import org.baomi.server.org.UnitService;
import org.baomi.server.security.BaomiUser;
import org.baomi.server.security.Requires;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Units, departments and people over JSON, with the same permissions, scope and audit as the
 * pages. PATCH leaves absent (null) fields unchanged. Machine clients use tokens with the
 * {@code org:read} / {@code org:write} scopes.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisation", description = "Units, departments and people")
class OrgApiController {

    /** A department's name, to create or rename it. */
    record DepartmentRequest(String name) {
    }

    /** The secret-related level to assign: CORE, IMPORTANT, GENERAL or NONE. */
    record ClearanceRequest(String level) {
    }

    /** A person with the accounts that sign in as him. */
    record PersonDetail(Person person, List<LinkedAccount> accounts) {
    }

    private final UnitService units;
    private final PersonService people;

    OrgApiController(UnitService units, PersonService people) {
        this.units = units;
        this.people = people;
    }

    // --- units -------------------------------------------------------------------------------

    @GetMapping("/units")
    @Requires(Permission.ORG_READ)
    @Operation(summary = "The units you may read, in tree order with depth and active counts")
    List<UnitNode> units(@AuthenticationPrincipal BaomiUser user) {
        return units.tree(user);
    }

    @PostMapping("/units")
    @Requires(Permission.UNIT_MANAGE)
    @Operation(summary = "Create a unit (system administrator)")
    ResponseEntity<Unit> createUnit(@RequestBody UnitInput input) {
        Unit created = units.create(input);
        return ResponseEntity.created(URI.create("/api/v1/units/" + created.id())).body(created);
    }

    @GetMapping("/units/{id}")
    @Requires(Permission.ORG_READ)
    @Operation(summary = "One unit")
    Unit unit(@AuthenticationPrincipal BaomiUser user, @PathVariable long id) {
        return units.get(user, id);
    }

    @PatchMapping("/units/{id}")
    @Requires(Permission.UNIT_MANAGE)
    @Operation(summary = "Change a unit's code, name, kind or superior unit; a unit cannot move below itself")
    Unit updateUnit(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, @RequestBody UnitInput patch) {
        Unit current = units.get(user, id);
        return units.update(id, new UnitInput(patch.code() != null ? patch.code() : current.code(),
                patch.name() != null ? patch.name() : current.name(),
                patch.kind() != null ? patch.kind() : current.kind().name(),
                patch.parentId() != null ? patch.parentId() : current.parentId()));
    }

    @PostMapping("/units/{id}/deactivate")
    @Requires(Permission.UNIT_MANAGE)
    @Operation(summary = "Deactivate a unit without active sub-units or people")
    Unit deactivateUnit(@PathVariable long id) {
        return units.deactivate(id);
    }

    @PostMapping("/units/{id}/reactivate")
    @Requires(Permission.UNIT_MANAGE)
    @Operation(summary = "Reactivate a unit")
    Unit reactivateUnit(@PathVariable long id) {
        return units.reactivate(id);
    }

    // --- departments -------------------------------------------------------------------------

    @GetMapping("/units/{id}/departments")
    @Requires(Permission.ORG_READ)
    @Operation(summary = "A unit's departments")
    List<Department> departments(@AuthenticationPrincipal BaomiUser user, @PathVariable long id) {
        return units.departments(user, id);
    }

    @PostMapping("/units/{id}/departments")
    @Requires(Permission.PERSON_MANAGE)
    @Operation(summary = "Create a department (system administrator, or a secrecy officer in his units)")
    ResponseEntity<Department> createDepartment(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @RequestBody DepartmentRequest request) {
        Department created = units.createDepartment(user, id, request.name());
        return ResponseEntity.created(URI.create("/api/v1/departments/" + created.id())).body(created);
    }

    @PatchMapping("/departments/{id}")
    @Requires(Permission.PERSON_MANAGE)
    @Operation(summary = "Rename a department")
    Department renameDepartment(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @RequestBody DepartmentRequest request) {
        return units.renameDepartment(user, id, request.name());
    }

    @PostMapping("/departments/{id}/deactivate")
    @Requires(Permission.PERSON_MANAGE)
    @Operation(summary = "Deactivate a department nobody active belongs to")
    Department deactivateDepartment(@AuthenticationPrincipal BaomiUser user, @PathVariable long id) {
        return units.deactivateDepartment(user, id);
    }

    // --- people ------------------------------------------------------------------------------

    @GetMapping("/people")
    @Requires(Permission.ORG_READ)
    @Operation(summary = "Search the people you may read; q matches name or employee number; page counts from 1")
    PageOf<Person> people(@AuthenticationPrincipal BaomiUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long unitId, @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) SecretRelatedLevel level, @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        return people.search(user, new PersonSearch(q, unitId, departmentId, level, active, page, size));
    }

    @PostMapping("/people")
    @Requires(Permission.PERSON_MANAGE)
    @Operation(summary = "Create a person (secret-related level NONE until the security administrator sets it)")
    ResponseEntity<Person> createPerson(@AuthenticationPrincipal BaomiUser user, @RequestBody PersonInput input) {
        Person created = people.create(user, input);
        return ResponseEntity.created(URI.create("/api/v1/people/" + created.id())).body(created);
    }

    @GetMapping("/people/{id}")
    @Requires(Permission.ORG_READ)
    @Operation(summary = "One person with his accounts")
    PersonDetail person(@AuthenticationPrincipal BaomiUser user, @PathVariable long id) {
        return new PersonDetail(people.get(user, id), people.accounts(user, id));
    }

    @PatchMapping("/people/{id}")
    @Requires(Permission.PERSON_MANAGE)
    @Operation(summary = "Change a person's name, unit, department, employee number, position or phone")
    Person updatePerson(@AuthenticationPrincipal BaomiUser user, @PathVariable long id, @RequestBody PersonInput patch) {
        Person current = people.get(user, id);
        return people.update(user, id, new PersonInput(
                patch.name() != null ? patch.name() : current.name(),
                patch.unitId() != null ? patch.unitId() : current.unitId(),
                patch.departmentId() != null ? patch.departmentId()
                        : patch.unitId() != null && !patch.unitId().equals(current.unitId()) ? null : current.departmentId(),
                patch.employeeNumber() != null ? patch.employeeNumber() : current.employeeNumber(),
                patch.position() != null ? patch.position() : current.position(),
                patch.phone() != null ? patch.phone() : current.phone()));
    }

    @PostMapping("/people/{id}/deactivate")
    @Requires(Permission.PERSON_MANAGE)
    @Operation(summary = "Deactivate a person")
    Person deactivatePerson(@AuthenticationPrincipal BaomiUser user, @PathVariable long id) {
        return people.deactivate(user, id);
    }

    @PostMapping("/people/{id}/reactivate")
    @Requires(Permission.PERSON_MANAGE)
    @Operation(summary = "Reactivate a person")
    Person reactivatePerson(@AuthenticationPrincipal BaomiUser user, @PathVariable long id) {
        return people.reactivate(user, id);
    }

    @PutMapping("/people/{id}/clearance")
    @Requires(Permission.CLEARANCE_ASSIGN)
    @Operation(summary = "Set a person's secret-related level (security administrator only; audited)")
    Person clearance(@AuthenticationPrincipal BaomiUser user, @PathVariable long id,
            @RequestBody ClearanceRequest request) {
        return people.assignClearance(user, id, request.level());
    }
}
