package org.baomi.server.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.baomi.core.approval.ApprovalRequest;
import org.baomi.core.approval.ApprovalStatus;
import org.baomi.core.approval.ApprovalStep;
import org.baomi.core.approval.Decision;
import org.baomi.core.approval.Verdict;
import org.baomi.core.security.Role;
import org.baomi.server.approval.ApprovalViews.DecisionView;
import org.baomi.server.approval.ApprovalViews.RequestSummary;
import org.baomi.server.approval.ApprovalViews.StepView;
import org.baomi.server.platform.Db;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The approval tables: the aggregate with its version for writes, summaries for reads. */
@Repository
class ApprovalRepository {

    /** A stored request and the version it was read at. */
    record Stored(ApprovalRequest request, int version) {
    }

    private static final String SUMMARY = """
            select r.id, r.type, r.subject_type, r.subject_id, r.summary, r.unit_id, u.name as unit_name,
                   r.requester_account_id, a.display_name as requester_name, r.requested_at, r.status,
                   (select count(*) from approval_step s2 where s2.request_id = r.id) as step_count,
                   (select count(*) from approval_decision d2 where d2.request_id = r.id) as decided_count,
                   s.role as step_role, s.unit_id as step_unit_id
            from approval_request r
            join unit u on u.id = r.unit_id
            join account a on a.id = r.requester_account_id
            left join approval_step s on s.request_id = r.id and r.status = 'PENDING'
                 and s.idx = (select count(*) from approval_decision d where d.request_id = r.id)
            """;

    private static final String AWAITING = """
            r.status = 'PENDING' and r.requester_account_id <> :me
            and exists (select 1 from role_grant g where g.account_id = :me and g.role = s.role and g.unit_id = s.unit_id)
            and (s.department_id is null or s.department_id = (select p.department_id from account a
                     join person p on p.id = a.person_id where a.id = :me))
            """;

    private final JdbcClient jdbc;

    ApprovalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ApprovalRequest r) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into approval_request (type, subject_type, subject_id, summary, unit_id, requester_account_id,
                                              requested_at, status, version)
                values (:type, :stype, :sid, :summary, :unit, :requester, :at, :status, 0)""")
                .param("type", r.type()).param("stype", r.subjectType()).param("sid", r.subjectId())
                .param("summary", r.summary()).param("unit", r.unitId()).param("requester", r.requesterAccountId())
                .param("at", Db.ts(r.requestedAt())).param("status", r.status().name()).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (int i = 0; i < r.steps().size(); i++) {
            ApprovalStep step = r.steps().get(i);
            jdbc.sql("""
                    insert into approval_step (request_id, idx, role, unit_id, department_id)
                    values (:id, :idx, :role, :unit, :department)""")
                    .param("id", id).param("idx", i).param("role", step.role().name()).param("unit", step.unitId())
                    .param("department", step.departmentId()).update();
        }
        return id;
    }

    /**
     * Loads the aggregate. With {@code forUpdate} the request row is locked first, so the steps
     * and decisions read next belong to the same state even while another approver commits
     * (under READ COMMITTED each statement would otherwise see a different moment).
     */
    Optional<Stored> load(long id, boolean forUpdate) {
        record Row(String type, String subjectType, String subjectId, String summary, long unitId, long requester,
                java.time.Instant at, ApprovalStatus status, int version) {
        }
        Optional<Row> row = jdbc.sql("""
                select type, subject_type, subject_id, summary, unit_id, requester_account_id, requested_at, status, version
                from approval_request where id = :id""" + (forUpdate ? " for update" : "")).param("id", id)
                .query((rs, i) -> new Row(rs.getString("type"), rs.getString("subject_type"),
                        rs.getString("subject_id"), rs.getString("summary"), rs.getLong("unit_id"),
                        rs.getLong("requester_account_id"), Db.instant(rs, "requested_at"),
                        ApprovalStatus.valueOf(rs.getString("status")), rs.getInt("version")))
                .optional();
        return row.map(r -> new Stored(ApprovalRequest.restore(id, r.type(), r.subjectType(), r.subjectId(),
                r.summary(), r.unitId(), r.requester(), r.at(), steps(id), decisions(id), r.status()), r.version()));
    }

    private List<ApprovalStep> steps(long id) {
        return jdbc.sql("select role, unit_id, department_id from approval_step where request_id = :id order by idx")
                .param("id", id)
                .query((rs, i) -> new ApprovalStep(Role.valueOf(rs.getString("role")), rs.getLong("unit_id"),
                        rs.getObject("department_id", Long.class))).list();
    }

    Optional<String> departmentName(long departmentId) {
        return jdbc.sql("select name from department where id = :id").param("id", departmentId).query(String.class)
                .optional();
    }

    /** The department of the person behind an account, when he belongs to one. */
    Optional<Long> departmentOf(long accountId) {
        return jdbc.sql("""
                select p.department_id from account a join person p on p.id = a.person_id
                where a.id = :id and p.department_id is not null""")
                .param("id", accountId).query(Long.class).optional();
    }

    private List<Decision> decisions(long id) {
        return jdbc.sql("""
                select idx, approver_account_id, role, verdict, comment, decided_at
                from approval_decision where request_id = :id order by idx""").param("id", id)
                .query((rs, i) -> new Decision(rs.getInt("idx"), rs.getLong("approver_account_id"),
                        Role.valueOf(rs.getString("role")), Verdict.valueOf(rs.getString("verdict")),
                        rs.getString("comment"), Db.instant(rs, "decided_at")))
                .list();
    }

    /**
     * Moves the request to {@code status} if nobody changed it since {@code expectedVersion} was
     * read; the row stays locked until the transaction ends.
     *
     * @return false when another transaction got there first
     */
    boolean advance(long id, ApprovalStatus status, int expectedVersion) {
        return jdbc.sql("update approval_request set status = :status, version = version + 1 where id = :id and version = :v")
                .param("status", status.name()).param("id", id).param("v", expectedVersion).update() == 1;
    }

    void insertDecision(long requestId, Decision d) {
        jdbc.sql("""
                insert into approval_decision (request_id, idx, approver_account_id, role, verdict, comment, decided_at)
                values (:id, :idx, :approver, :role, :verdict, :comment, :at)""")
                .param("id", requestId).param("idx", d.step()).param("approver", d.approverAccountId())
                .param("role", d.role().name()).param("verdict", d.verdict().name()).param("comment", d.comment())
                .param("at", Db.ts(d.at())).update();
    }

    List<RequestSummary> inbox(long accountId) {
        return jdbc.sql(SUMMARY + " where " + AWAITING + " order by r.requested_at, r.id")
                .param("me", accountId).query(ApprovalRepository::summary).list();
    }

    long countInbox(long accountId) {
        return jdbc.sql("""
                select count(*) from approval_request r
                join approval_step s on s.request_id = r.id
                     and s.idx = (select count(*) from approval_decision d where d.request_id = r.id)
                where\s""" + AWAITING).param("me", accountId).query(Long.class).single();
    }

    List<RequestSummary> mine(long accountId, int limit) {
        return jdbc.sql(SUMMARY + " where r.requester_account_id = :me order by r.requested_at desc, r.id desc"
                        + " offset 0 rows fetch next :lim rows only")
                .param("me", accountId).param("lim", limit).query(ApprovalRepository::summary).list();
    }

    Optional<RequestSummary> summary(long id) {
        return jdbc.sql(SUMMARY + " where r.id = :id").param("id", id).query(ApprovalRepository::summary).optional();
    }

    List<StepView> stepViews(long id, RequestSummary summary) {
        List<DecisionView> decisions = jdbc.sql("""
                select d.idx, d.approver_account_id, a.display_name, d.role, d.verdict, d.comment, d.decided_at
                from approval_decision d join account a on a.id = d.approver_account_id
                where d.request_id = :id order by d.idx""").param("id", id)
                .query((rs, i) -> new DecisionView(rs.getInt("idx"), rs.getLong("approver_account_id"),
                        rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                        Verdict.valueOf(rs.getString("verdict")), rs.getString("comment"),
                        Db.instant(rs, "decided_at")))
                .list();
        return jdbc.sql("""
                select s.idx, s.role, s.unit_id, u.name, dep.name as department_name
                from approval_step s join unit u on u.id = s.unit_id
                left join department dep on dep.id = s.department_id
                where s.request_id = :id order by s.idx""").param("id", id)
                .query((rs, i) -> {
                    int idx = rs.getInt("idx");
                    DecisionView decision = idx < decisions.size() ? decisions.get(idx) : null;
                    boolean current = summary.status() == ApprovalStatus.PENDING && idx == decisions.size();
                    String department = rs.getString("department_name");
                    return new StepView(idx, Role.valueOf(rs.getString("role")), rs.getLong("unit_id"),
                            department == null ? rs.getString("name") : rs.getString("name") + " · " + department,
                            decision, current);
                })
                .list();
    }

    private static RequestSummary summary(ResultSet rs, int row) throws SQLException {
        String role = rs.getString("step_role");
        return new RequestSummary(rs.getLong("id"), rs.getString("type"), rs.getString("subject_type"),
                rs.getString("subject_id"), rs.getString("summary"), rs.getLong("unit_id"), rs.getString("unit_name"),
                rs.getLong("requester_account_id"), rs.getString("requester_name"), Db.instant(rs, "requested_at"),
                ApprovalStatus.valueOf(rs.getString("status")), rs.getInt("step_count"), rs.getInt("decided_count"),
                role == null ? null : Role.valueOf(role), Db.nullableLong(rs, "step_unit_id"));
    }
}
