package org.baomi.server.device;

import java.util.ArrayList;
import java.util.List;
import org.baomi.server.platform.ValidationException;
import org.baomi.server.platform.ValidationException.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The device ledger's settings of one unit as its settings page saves them: the numbering pattern
 * of classified media and how long a maintenance may stay open. Both are saved in one transaction
 * or neither, and the problems of both fields are reported together, so a page that is half wrong
 * changes nothing.
 */
@Service
public class DeviceSettingsService {

    private final MediumService media;
    private final DeviceComplianceService compliance;

    DeviceSettingsService(MediumService media, DeviceComplianceService compliance) {
        this.media = media;
        this.compliance = compliance;
    }

    /** The unit's settings; the example is the number its next classified medium would get. */
    public record DeviceSettings(long unitId, String mediumNumbering, String nextMediumNumber,
            int maintenanceLimitDays) {
    }

    @Transactional(readOnly = true)
    public DeviceSettings settings(long unitId) {
        return new DeviceSettings(unitId, media.numbering(unitId), media.nextNumberExample(unitId, null),
                compliance.maintenanceLimitDays(unitId));
    }

    /** Saves both settings (each audited by its own service) or, when either is wrong, neither. */
    @Transactional(rollbackFor = ValidationException.class)
    public DeviceSettings save(long unitId, String mediumNumbering, Integer maintenanceLimitDays) {
        List<FieldProblem> problems = new ArrayList<>();
        try {
            media.setNumbering(unitId, mediumNumbering);
        } catch (ValidationException e) {
            e.problems().forEach(p -> problems.add(new FieldProblem("mediumNumbering", p.code(), p.message(), p.args())));
        }
        try {
            compliance.setMaintenanceLimitDays(unitId, maintenanceLimitDays);
        } catch (ValidationException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return settings(unitId);
    }
}
