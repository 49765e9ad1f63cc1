package org.baomi.core.security;

/**
 * Roles an account may hold. The first three are the "three officers" (三员) of a classified
 * system, who keep it running but never touch business data; the rest are business roles.
 */
public enum Role {
    /** 系统管理员: accounts, units, settings. Sees no business data; assigns no roles. */
    SYSTEM_ADMIN(Kind.OFFICER),
    /** 安全保密管理员: roles, clearances, scopes, API tokens, security policy. Creates no accounts. */
    SECURITY_ADMIN(Kind.OFFICER),
    /** 安全审计员: reads and verifies everyone's audit log, the other two officers' included. */
    SECURITY_AUDITOR(Kind.OFFICER),
    /** 保密员: keeps the ledgers, registers carriers and devices, runs inspections. */
    SECRECY_OFFICER(Kind.BUSINESS),
    /** 分管领导: approves copying, destruction, carrying out, disclosure, scrapping. */
    LEADER_IN_CHARGE(Kind.BUSINESS),
    /** 主要领导: the unit head; approves what the rules reserve to him. */
    UNIT_HEAD(Kind.BUSINESS),
    /** 部门负责人: approves within the department, runs department self-checks. */
    DEPARTMENT_HEAD(Kind.BUSINESS),
    /** 涉密人员: borrows, reads and signs for carriers. */
    CLEARED_PERSON(Kind.BUSINESS),
    /** 档案员: archives, clears and destroys in batches. */
    ARCHIVIST(Kind.BUSINESS),
    /** 检查员: a superior bureau's inspector, read-only across subordinate units. */
    INSPECTOR(Kind.BUSINESS);

    public enum Kind { OFFICER, BUSINESS }

    private final Kind kind;

    Role(Kind kind) {
        this.kind = kind;
    }

    public boolean isOfficer() {
        return kind == Kind.OFFICER;
    }

    public boolean isBusiness() {
        return kind == Kind.BUSINESS;
    }
}
