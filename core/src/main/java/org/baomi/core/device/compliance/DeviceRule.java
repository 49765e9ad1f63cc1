package org.baomi.core.device.compliance;

import java.util.List;
import org.baomi.core.device.Device;

/**
 * A rule that judges one device at a time (with the rest of the facts for lookups); it is run
 * for every device in service.
 */
public interface DeviceRule extends ComplianceRule {

    List<Violation> check(Device device, ComplianceFacts facts);

    @Override
    default List<Violation> check(ComplianceFacts facts) {
        return facts.devicesInService().stream().flatMap(d -> check(d, facts).stream()).toList();
    }
}
