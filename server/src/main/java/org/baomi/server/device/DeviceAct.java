package org.baomi.server.device;

import java.util.List;
import org.baomi.core.security.Role;

/**
 * The acts on devices and media that need approval, each with its approval type (the message
 * {@code approval.type.<type>} names it) and chain (see docs/adr/0021-device-approvals.md).
 */
public enum DeviceAct {
    /** 入网审批. */
    ADMISSION("device.admission", "device", List.of(Role.LEADER_IN_CHARGE)),
    /** 变更审批: user, location or network. */
    CHANGE("device.change", "device", List.of(Role.LEADER_IN_CHARGE)),
    /** 维修审批. */
    MAINTENANCE("device.maintenance", "device", List.of(Role.LEADER_IN_CHARGE)),
    /** 报废审批: the leader in charge, then the unit head. */
    SCRAPPING("device.scrapping", "device", List.of(Role.LEADER_IN_CHARGE, Role.UNIT_HEAD)),
    /** 介质销毁审批. */
    MEDIUM_DESTRUCTION("medium.destruction", "medium", List.of(Role.LEADER_IN_CHARGE));

    private final String approvalType;
    private final String subjectType;
    private final List<Role> chain;

    DeviceAct(String approvalType, String subjectType, List<Role> chain) {
        this.approvalType = approvalType;
        this.subjectType = subjectType;
        this.chain = chain;
    }

    public String approvalType() {
        return approvalType;
    }

    /** {@code device} or {@code medium}: the approval request's subject type. */
    public String subjectType() {
        return subjectType;
    }

    public List<Role> chain() {
        return chain;
    }
}
