package org.baomi.server.org;

/**
 * What a client sends to create or change a person. The secret-related level is not here: only
 * the security administrator sets it, through its own action.
 */
public record PersonInput(String name, Long unitId, Long departmentId, String employeeNumber, String position,
        String phone) {
}
