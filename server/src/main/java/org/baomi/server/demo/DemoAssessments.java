package org.baomi.server.demo;

import org.baomi.core.ChinaTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.baomi.core.approval.Verdict;
import org.baomi.core.assessment.Finding;
import org.baomi.core.assessment.StandardItem;
import org.baomi.server.approval.ApprovalService;
import org.baomi.server.assessment.AssessmentService;
import org.baomi.server.assessment.AssessmentService.RectificationAct;
import org.baomi.server.assessment.standard.DefaultStandards;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's self-inspection (ADR 0062): last year's unit assessment of the municipal commission,
 * approved by the unit head, with its rectifications (some verified, one overdue), and this year's
 * opened with a few items answered and the ledgers' suggestions waiting. Everything goes through the
 * assessment and approval services as the demo people, so the audit log reads as if they did it.
 */
@Component
@ConditionalOnProperty(name = "baomi.demo", havingValue = "true")
class DemoAssessments {

    /** Acts as a demo account (implemented by {@link DemoOrganisation}'s sign-in helper). */
    interface Acting {
        <T> T as(String username, Supplier<T> action);
    }

    static final String UNIT = "JZ-FGW";

    /** Last year's findings: item, result, points when partly met, note. Every other item was met. */
    private static final List<Object[]> LAST_YEAR = List.of(
            new Object[] {"C04.2", Finding.PARTLY, "1", "3 名涉密人员培训学时不足"},
            new Object[] {"C07.3", Finding.NOT_COMPLIANT, null, "投资科 1 件机密级文件存放在普通文件柜"},
            new Object[] {"C09.3", Finding.NOT_COMPLIANT, null, "机要室 2 台涉密计算机未安装三合一系统"},
            new Object[] {"C13.2", Finding.PARTLY, "1", "门户网站 2 条信息审查记录不全"},
            new Object[] {"C15.1", Finding.NOT_COMPLIANT, null, "应急预案未组织演练"});

    /** This year's items answered by hand so far. */
    private static final List<String> THIS_YEAR = List.of("C01.1", "C01.2", "C02.1", "C03.1");

    private final AssessmentService assessments;
    private final ApprovalService approvals;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoAssessments(AssessmentService assessments, ApprovalService approvals, JdbcClient jdbc, Clock clock) {
        this.assessments = assessments;
        this.approvals = approvals;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void seed(Acting acting) {
        long unit = jdbc.sql("select id from unit where code = :code").param("code", UNIT).query(Long.class).single();
        long standard = jdbc.sql("select id from assessment_standard where code = 'unit-default' order by version desc")
                .query(Long.class).list().get(0);
        var items = DefaultStandards.load("standards/unit.yaml").items();
        int year = LocalDate.now(clock.withZone(ChinaTime.ZONE)).getYear();

        long last = acting.as("secrecy", () -> assessments.open(standard, unit, null, null, year - 1));
        Map<String, Object[]> findings = new java.util.HashMap<>();
        LAST_YEAR.forEach(f -> findings.put((String) f[0], f));
        for (StandardItem item : items) {
            Object[] f = findings.get(item.id());
            acting.as("secrecy", () -> {
                if (f == null) {
                    assessments.recordItem(last, item.id(), Finding.COMPLIANT, null, "查阅台账和资料，符合要求");
                } else {
                    assessments.recordItem(last, item.id(), (Finding) f[1], f[2] == null ? null : new BigDecimal((String) f[2]),
                            (String) f[3]);
                }
                return null;
            });
        }
        long request = acting.as("secrecy", () -> assessments.submit(last));
        acting.as("head", () -> approvals.decide(request, Verdict.APPROVE, "同意，按期整改。"));

        List<Long> rects = jdbc.sql("select id from rectification where assessment_id = :a order by item_id")
                .param("a", last).query(Long.class).list();
        // Three were fixed and verified by the unit head, one is in hand; the last is overdue: last year's
        // assessment was approved a year ago, so its deadline lies in the past.
        for (int i = 0; i < rects.size(); i++) {
            long r = rects.get(i);
            if (i < 3) {
                act(acting, "secrecy", r, RectificationAct.START, null);
                act(acting, "secrecy", r, RectificationAct.COMPLETE, "已按整改措施完成，相关记录已归档");
                act(acting, "head", r, RectificationAct.VERIFY, "现场核实，整改到位");
            } else if (i == 3) {
                act(acting, "secrecy", r, RectificationAct.START, null);
            }
        }
        if (!rects.isEmpty()) {
            jdbc.sql("update rectification set deadline = :d where id = :id")
                    .param("d", LocalDate.of(year - 1, 12, 31)).param("id", rects.get(rects.size() - 1)).update();
        }

        long current = acting.as("secrecy", () -> assessments.open(standard, unit, null, null, year));
        for (String itemId : THIS_YEAR) {
            acting.as("secrecy", () -> {
                assessments.recordItem(current, itemId, Finding.COMPLIANT, null, "查阅文件和会议纪要，符合要求");
                return null;
            });
        }
    }

    private void act(Acting acting, String who, long rectification, RectificationAct act, String note) {
        acting.as(who, () -> {
            assessments.act(rectification, act, note);
            return null;
        });
    }
}
