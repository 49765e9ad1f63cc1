package org.baomi.core.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.baomi.core.DomainException;
import org.baomi.core.security.Role;
import org.baomi.core.security.RoleGrant;
import org.junit.jupiter.api.Test;

class ApprovalRequestTest {

    static final long UNIT = 7;
    static final long REQUESTER = 100;
    static final Instant T = Instant.parse("2026-05-01T09:00:00Z");

    static ApprovalRequest copyRequest() {
        return ApprovalRequest.open("carrier.copy", "carrier", "42", "copy 2 of 机密 document", UNIT, REQUESTER,
                List.of(new ApprovalStep(Role.DEPARTMENT_HEAD, UNIT), new ApprovalStep(Role.UNIT_HEAD, UNIT)), T);
    }

    static Approver approver(long id, Role role, long unit) {
        return new Approver(id, Set.of(new RoleGrant(role, unit)));
    }

    @Test
    void approvedOnlyAfterEveryStepIsApproved() {
        var request = copyRequest();
        request.decide(approver(1, Role.DEPARTMENT_HEAD, UNIT), Verdict.APPROVE, "ok", T);
        assertThat(request.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(request.currentStep().role()).isEqualTo(Role.UNIT_HEAD);
        request.decide(approver(2, Role.UNIT_HEAD, UNIT), Verdict.APPROVE, "", T);
        assertThat(request.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(request.decisions()).extracting(Decision::approverAccountId).containsExactly(1L, 2L);
    }

    @Test
    void theRequesterNeverApprovesHisOwnRequest() {
        var request = copyRequest();
        var self = new Approver(REQUESTER, Set.of(new RoleGrant(Role.DEPARTMENT_HEAD, UNIT)));
        assertThatThrownBy(() -> request.decide(self, Verdict.APPROVE, "", T))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("approval.ownRequest"));
        assertThat(request.awaits(self)).isFalse();
        assertThat(request.decisions()).isEmpty();
    }

    @Test
    void aStepBoundToADepartmentIsDecidedOnlyByAHeadOfThatDepartment() {
        long office = 31;
        var request = ApprovalRequest.open("assessment.approve", "self_assessment", "5", "办公室 2026", UNIT, REQUESTER,
                List.of(new ApprovalStep(Role.DEPARTMENT_HEAD, UNIT, office), new ApprovalStep(Role.UNIT_HEAD, UNIT)), T);
        var grants = Set.of(new RoleGrant(Role.DEPARTMENT_HEAD, UNIT));
        var otherDepartment = new Approver(1, grants, 32L);
        var noDepartment = new Approver(2, grants, null);
        for (Approver wrong : List.of(otherDepartment, noDepartment)) {
            assertThat(request.awaits(wrong)).isFalse();
            assertThatThrownBy(() -> request.decide(wrong, Verdict.APPROVE, "", T))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo("approval.wrongDepartment"));
        }
        assertThatThrownBy(() -> request.decide(new Approver(3, Set.of(new RoleGrant(Role.UNIT_HEAD, UNIT)), office),
                Verdict.APPROVE, "", T)).as("a member of the department without the role")
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("approval.wrongRole"));
        var officeHead = new Approver(4, grants, office);
        assertThat(request.awaits(officeHead)).isTrue();
        request.decide(officeHead, Verdict.APPROVE, "", T);
        assertThat(request.currentStep().departmentId()).as("the unit head's step is the unit's").isNull();
        assertThat(request.decisions()).hasSize(1);
    }

    @Test
    void theApproverMustHoldTheRoleInTheRightUnit() {
        var request = copyRequest();
        assertThatThrownBy(() -> request.decide(approver(1, Role.DEPARTMENT_HEAD, 8), Verdict.APPROVE, "", T))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("approval.wrongRole"));
        assertThatThrownBy(() -> request.decide(approver(1, Role.UNIT_HEAD, UNIT), Verdict.APPROVE, "", T))
                .as("the unit head may not skip the department head's step")
                .isInstanceOf(DomainException.class);
    }

    @Test
    void aRejectionNeedsAReasonAndClosesTheRequest() {
        var request = copyRequest();
        var head = approver(1, Role.DEPARTMENT_HEAD, UNIT);
        assertThatThrownBy(() -> request.decide(head, Verdict.REJECT, "  ", T))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("approval.reasonRequired"));
        request.decide(head, Verdict.REJECT, "no need for a copy", T);
        assertThat(request.status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThatThrownBy(() -> request.decide(approver(2, Role.UNIT_HEAD, UNIT), Verdict.APPROVE, "", T))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("approval.closed"));
    }

    @Test
    void onlyTheRequesterWithdraws() {
        var request = copyRequest();
        assertThatThrownBy(() -> request.withdraw(5)).isInstanceOf(DomainException.class);
        request.withdraw(REQUESTER);
        assertThat(request.status()).isEqualTo(ApprovalStatus.WITHDRAWN);
    }

    @Test
    void officersDoNotApproveBusinessRequests() {
        assertThatThrownBy(() -> new ApprovalStep(Role.SYSTEM_ADMIN, UNIT)).hasMessageContaining("officer");
    }
}
