package org.baomi.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.baomi.core.DomainException;
import org.baomi.core.security.Role;
import org.baomi.core.security.RoleGrant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: whatever anyone tries, in whatever order, a request is approved only when every
 * step was approved, in order, by someone other than the requester holding the step's role in
 * the step's unit; a refused attempt leaves no trace. Each seed generates one random chain and
 * one random sequence of attempts; a failing seed reproduces exactly.
 */
class ApprovalRulesPropertyTest {

    static final List<Role> ROLES = List.of(Role.DEPARTMENT_HEAD, Role.UNIT_HEAD, Role.LEADER_IN_CHARGE,
            Role.SECRECY_OFFICER);

    static LongStream seeds() {
        return LongStream.range(0, 1000);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void approvalNeedsEveryStepDecidedByARightfulOtherPerson(long seed) {
        Random random = new Random(seed);
        List<ApprovalStep> steps = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            steps.add(new ApprovalStep(ROLES.get(random.nextInt(ROLES.size())), 1 + random.nextInt(2)));
        }
        long requester = 1;
        var request = ApprovalRequest.open("t", "s", "1", "", 1, requester, steps, Instant.EPOCH);
        List<Decision> accepted = new ArrayList<>();
        for (int i = 0, n = random.nextInt(13); i < n; i++) {
            var approver = new Approver(1 + random.nextInt(4),
                    Set.of(new RoleGrant(ROLES.get(random.nextInt(ROLES.size())), 1 + random.nextInt(2))));
            Verdict verdict = random.nextInt(4) == 0 ? Verdict.REJECT : Verdict.APPROVE;
            try {
                accepted.add(request.decide(approver, verdict, random.nextBoolean() ? "reason" : "", Instant.EPOCH));
            } catch (DomainException refused) {
                // a refused attempt must leave no trace: checked below
            }
        }
        assertThat(request.decisions()).isEqualTo(accepted);
        for (Decision d : accepted) {
            assertThat(d.approverAccountId()).isNotEqualTo(requester);
            assertThat(d.role()).isEqualTo(steps.get(d.step()).role());
        }
        switch (request.status()) {
            case APPROVED -> {
                assertThat(accepted).hasSize(steps.size());
                assertThat(accepted).allMatch(d -> d.verdict() == Verdict.APPROVE);
            }
            case REJECTED -> assertThat(accepted.get(accepted.size() - 1).comment()).isNotBlank();
            case PENDING -> assertThat(accepted.size()).isLessThan(steps.size());
            case WITHDRAWN -> throw new AssertionError("nobody withdrew");
        }
    }
}
