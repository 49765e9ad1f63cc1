package org.baomi.server.approval;

import java.util.List;
import org.baomi.core.security.Role;

/**
 * The approval chains a general request (其他事项审批) may take, all within the requester's unit.
 * A fixed, short list: the person asking chooses how far up the matter must go, not who decides.
 */
public enum GeneralChain {
    /** The department head, then the unit head: the usual path for a matter of some weight. */
    DEPARTMENT_HEAD_THEN_UNIT_HEAD(List.of(Role.DEPARTMENT_HEAD, Role.UNIT_HEAD)),
    /** The department head alone: a matter within the department. */
    DEPARTMENT_HEAD(List.of(Role.DEPARTMENT_HEAD)),
    /** The leader in charge, then the unit head. */
    LEADER_IN_CHARGE_THEN_UNIT_HEAD(List.of(Role.LEADER_IN_CHARGE, Role.UNIT_HEAD)),
    /** The unit head alone. */
    UNIT_HEAD(List.of(Role.UNIT_HEAD));

    private final List<Role> roles;

    GeneralChain(List<Role> roles) {
        this.roles = roles;
    }

    public List<Role> roles() {
        return roles;
    }
}
