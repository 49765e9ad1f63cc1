package org.baomi.server.device;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baomi.core.DomainException;
import org.baomi.core.classification.ClassificationLevel;
import org.baomi.core.device.NetworkKind;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.device.DeviceInputs.NetworkInput;
import org.baomi.server.device.DeviceViews.NetworkView;
import org.baomi.server.platform.NotFoundException;
import org.baomi.server.platform.ValidationException.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The networks of the ledger: classified networks (with their approved level and the approval's
 * reference), the government intranet, the Internet and standalone groups. A network's level caps
 * the devices on it; changing it is an edit (audited), after which the compliance rules judge the
 * devices already on it.
 */
@Service
public class NetworkService {

    private final DeviceRepository repository;
    private final DeviceScope scope;
    private final AuditLog audit;
    private final Clock clock;

    NetworkService(DeviceRepository repository, DeviceScope scope, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** The networks of {@code unitId} (which the user must be able to read). */
    @Transactional(readOnly = true)
    public List<NetworkView> list(long unitId) {
        scope.requireRead(unitId, () -> DeviceService.unitNotFound(unitId));
        return repository.networks(List.of(unitId));
    }

    /** Every network in the user's read scope, by unit, kind and name. */
    @Transactional(readOnly = true)
    public List<NetworkView> visible() {
        return repository.networks(scope.readable());
    }

    @Transactional(readOnly = true)
    public NetworkView get(long id) {
        NetworkView n = repository.network(id).orElseThrow(() -> notFound(id));
        scope.requireRead(n.unitId(), () -> notFound(id));
        return n;
    }

    /** Registers a network in {@code unitId}; audited {@code network.create}. */
    @Transactional
    public NetworkView create(long unitId, NetworkInput input) {
        scope.requireManage(unitId, () -> DeviceService.unitNotFound(unitId));
        NetworkInput n = validate(unitId, input, null);
        long id = repository.insertNetwork(unitId, n.name(), n.kind(), n.level(), n.approvalReference(),
                n.description(), clock.instant());
        audit.record("network.create", "network", id, null, snapshot(n));
        return repository.network(id).orElseThrow();
    }

    /** Changes a network; audited {@code network.update}. */
    @Transactional
    public NetworkView update(long id, NetworkInput input) {
        NetworkView before = repository.network(id).orElseThrow(() -> notFound(id));
        scope.requireManage(before.unitId(), () -> notFound(id));
        NetworkInput n = validate(before.unitId(), input, id);
        repository.updateNetwork(id, n.name(), n.kind(), n.level(), n.approvalReference(), n.description(),
                clock.instant());
        audit.record("network.update", "network", id, snapshot(new NetworkInput(before.name(), before.kind(),
                before.level(), before.approvalReference(), before.description())), snapshot(n));
        return repository.network(id).orElseThrow();
    }

    /**
     * Takes a network out of use (停用): it stays on the ledger and in the history of the devices
     * that were on it, but no device can be admitted to it any more. Refused while a device in
     * service is still on it (remove it from the network or move it first), so compliance never
     * sees a device on a network the ledger calls retired. Audited {@code network.deactivate}.
     */
    @Transactional
    public NetworkView deactivate(long id, String reason) {
        NetworkView before = repository.network(id).orElseThrow(() -> notFound(id));
        scope.requireManage(before.unitId(), () -> notFound(id));
        List<FieldProblem> problems = new ArrayList<>();
        String why = DeviceValidation.text(reason, "reason", 500, true, problems);
        DeviceService.throwIf(problems);
        // the row lock makes an admission to this network that commits meanwhile wait or be counted
        repository.lockNetwork(id);
        NetworkView locked = repository.network(id).orElseThrow(() -> notFound(id));
        if (!locked.active()) {
            throw new DomainException("network.alreadyInactive", "Network " + locked.name() + " is already out of use.",
                    locked.name());
        }
        if (locked.deviceCount() > 0) {
            throw new DomainException("network.deactivate.devicesOn", locked.deviceCount() + " device(s) in service are"
                    + " still on network " + locked.name() + ": remove them from the network or move them first.",
                    locked.deviceCount(), locked.name());
        }
        repository.setNetworkActive(id, false, clock.instant());
        audit.record("network.deactivate", "network", id, Map.of("active", true),
                Map.of("active", false, "reason", why));
        return repository.network(id).orElseThrow();
    }

    /** Puts a network that was taken out of use back into use; audited {@code network.reactivate}. */
    @Transactional
    public NetworkView reactivate(long id) {
        NetworkView before = repository.network(id).orElseThrow(() -> notFound(id));
        scope.requireManage(before.unitId(), () -> notFound(id));
        if (before.active()) {
            throw new DomainException("network.alreadyActive", "Network " + before.name() + " is in use.", before.name());
        }
        repository.setNetworkActive(id, true, clock.instant());
        audit.record("network.reactivate", "network", id, Map.of("active", false), Map.of("active", true));
        return repository.network(id).orElseThrow();
    }

    private NetworkInput validate(long unitId, NetworkInput input, Long exceptId) {
        NetworkInput in = input == null ? new NetworkInput(null, null, null, null, null) : input;
        List<FieldProblem> problems = new ArrayList<>();
        String name = DeviceValidation.text(in.name(), "name", 200, true, problems);
        if (!name.isEmpty() && repository.networkNameTaken(unitId, name, exceptId)) {
            problems.add(new FieldProblem("name", "network.name.taken", "The unit already has a network named " + name
                    + ".", name));
        }
        String reference = DeviceValidation.text(in.approvalReference(), "approvalReference", 200, false, problems);
        String description = DeviceValidation.text(in.description(), "description", 500, false, problems);
        ClassificationLevel level = in.level();
        if (in.kind() == null) {
            problems.add(new FieldProblem("kind", "device.required", "Required."));
        } else {
            switch (in.kind()) {
                case CLASSIFIED -> {
                    if (level == null || !level.isStateSecret()) {
                        problems.add(new FieldProblem("level", "network.level.stateSecret",
                                "A classified network is approved for CONFIDENTIAL, SECRET or TOP_SECRET."));
                    }
                    if (reference.isEmpty()) {
                        problems.add(new FieldProblem("approvalReference", "network.approvalReference.required",
                                "A classified network needs the reference of the document approving it."));
                    }
                }
                case STANDALONE -> {
                    if (level == null) {
                        problems.add(new FieldProblem("level", "device.required", "Required."));
                    }
                }
                case GOVERNMENT_INTRANET -> level = ClassificationLevel.INTERNAL;
                case INTERNET -> level = ClassificationLevel.PUBLIC;
            }
            if (in.kind() != NetworkKind.CLASSIFIED) {
                reference = in.kind() == NetworkKind.STANDALONE ? reference : "";
            }
        }
        DeviceService.throwIf(problems);
        return new NetworkInput(name, in.kind(), level, reference, description);
    }

    private static Map<String, Object> snapshot(NetworkInput n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.name());
        m.put("kind", n.kind().name());
        m.put("level", n.level().name());
        m.put("approvalReference", n.approvalReference());
        m.put("description", n.description());
        return m;
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("network.notFound", "There is no network " + id + " you may see.");
    }
}
