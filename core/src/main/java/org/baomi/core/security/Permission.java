package org.baomi.core.security;

/**
 * What an endpoint may require. Roles grant permissions ({@link RolePermissions}); API tokens
 * narrow them further by scope. Every web and API handler names exactly one.
 */
public enum Permission {
    /** See one's own account, change one's own password and language. Every account has it. */
    SELF_SERVICE,
    /** List and read accounts (no business data). */
    ACCOUNT_READ,
    /** Create, edit, deactivate accounts and reset passwords. System administrator only. */
    ACCOUNT_MANAGE,
    /** Create, edit, deactivate units and departments; edit system settings. System administrator only. */
    UNIT_MANAGE,
    /** Read units, departments and people (names, posts, levels). */
    ORG_READ,
    /** Create, edit and deactivate people and their departments. */
    PERSON_MANAGE,
    /** Assign roles and unit scopes to accounts. Security administrator only. */
    ROLE_ASSIGN,
    /** Set a person's secret-related level (clearance). Security administrator only. */
    CLEARANCE_ASSIGN,
    /** Issue and revoke API tokens. Security administrator only. */
    TOKEN_MANAGE,
    /** Set the password and session policy. Security administrator only. */
    POLICY_MANAGE,
    /** Read and export the audit log of everyone. Security auditor only. */
    AUDIT_READ,
    /** Verify the audit chain. Security auditor only. */
    AUDIT_VERIFY,
    /** Read business records (ledgers, assessments) within one's scope. */
    BUSINESS_READ,
    /** Open approval requests. */
    APPROVAL_REQUEST,
    /** Decide approval steps addressed to one's roles. */
    APPROVAL_DECIDE,
    /**
     * Keep the carrier ledger of one's units: register, import and export, lend, circulate, carry
     * out, copy, archive, clear, destroy, inventory. Secrecy officer and archivist.
     */
    CARRIER_MANAGE,
    /**
     * Handle a carrier one has been given: sign a circulation as read, return a loan. The model
     * still checks that the person is the reader or borrower; every business role has it.
     */
    CARRIER_HANDLE,
    /**
     * Keep the device, removable-medium and network ledger of one's units, run its lifecycle and
     * its compliance checks. Secrecy officer.
     */
    DEVICE_MANAGE,
    /**
     * Plan, run and conclude inspections of the subordinate units of one's unit, score them and
     * record their findings. Inspector and secrecy officer of the superior unit; the units in scope
     * are still checked against the unit tree.
     */
    INSPECTION_MANAGE
}
