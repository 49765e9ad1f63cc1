package org.baomi.server.device;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.baomi.core.device.lifecycle.DestructionRecord;
import org.baomi.core.device.lifecycle.PersonRef;
import org.baomi.server.device.DeviceInputs.DestructionInput;
import org.baomi.server.platform.ValidationException.FieldProblem;
import org.baomi.server.security.BaomiUser;
import org.springframework.stereotype.Component;

/** The people acts name (responsible persons, holders, supervisors), looked up as they stand now. */
@Component
class LedgerPeople {

    private final DeviceRepository repository;
    private final DeviceScope scope;

    LedgerPeople(DeviceRepository repository, DeviceScope scope) {
        this.repository = repository;
        this.scope = scope;
    }

    /** A person the user may name: active and in a unit he may read; otherwise a problem on {@code field}. */
    PersonRef person(long personId, String field, List<FieldProblem> problems) {
        var p = repository.person(personId).filter(DeviceRepository.PersonFacts::active)
                .filter(x -> scope.readable().contains(x.unitId()));
        if (p.isEmpty()) {
            problems.add(new FieldProblem(field, "device.person.unknown",
                    "There is no active person " + personId + " you may name.", personId));
            return null;
        }
        return new PersonRef(p.get().id(), p.get().name(), p.get().level());
    }

    /** The person, or a validation error on {@code field}. */
    PersonRef person(long personId, String field) {
        List<FieldProblem> problems = new ArrayList<>();
        PersonRef p = person(personId, field, problems);
        DeviceService.throwIf(problems);
        return p;
    }

    /** A destruction record from the input: a place and supervisors who are not the person recording it. */
    DestructionRecord destruction(DestructionInput input, BaomiUser user) {
        DestructionInput in = input == null ? new DestructionInput(null, null, null, null) : input;
        List<FieldProblem> problems = new ArrayList<>();
        String place = DeviceValidation.text(in.place(), "place", 200, true, problems);
        String certificate = DeviceValidation.text(in.certificate(), "certificate", 100, false, problems);
        List<PersonRef.Named> supervisors = new ArrayList<>();
        List<Long> ids = in.supervisorIds() == null ? List.of() : in.supervisorIds();
        if (ids.isEmpty()) {
            problems.add(new FieldProblem("supervisorIds", "destruction.supervisorRequired",
                    "A destruction is supervised: name at least one supervisor."));
        }
        for (Long id : new LinkedHashSet<>(ids)) {
            if (id == null) {
                continue;
            }
            if (user.personId() != null && id.equals(user.personId())) {
                problems.add(new FieldProblem("supervisorIds", "destruction.selfSupervised",
                        "The person recording the destruction cannot also be its supervisor."));
                continue;
            }
            PersonRef p = person(id, "supervisorIds", problems);
            if (p != null) {
                supervisors.add(p.named());
            }
        }
        DeviceService.throwIf(problems);
        return new DestructionRecord(place, certificate, supervisors);
    }
}
