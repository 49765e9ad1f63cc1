package org.baomi.server.inspection;

import org.baomi.core.ChinaTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.baomi.core.assessment.Finding;
import org.baomi.core.assessment.InspectionKind;
import org.baomi.core.assessment.Standard;
import org.baomi.core.assessment.StandardItem;
import org.baomi.server.inspection.InspectionService.PlanInput;
import org.baomi.server.platform.BaomiProperties;
import org.baomi.server.security.AccountUserDetailsService;
import org.baomi.server.security.BaomiUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo bureau's inspections (江州市国家保密局 of 发改委 and 教育局): concluded routine inspections of the
 * last three years against the shipped unit standard, so the comparison page has lines to draw; this
 * year's one found the commission's part-time secrecy officer, which its secrecy officer now rectifies.
 * Done through the service as the demo inspector, so the audit log is what real use writes. Seeds only
 * while the bureau has no inspection.
 */
@Component
@Order(8)
@ConditionalOnProperty(name = "baomi.demo", havingValue = "true")
class InspectionDemo implements ApplicationRunner {

    static final String BUREAU = "JZ-BMJ";
    static final List<String> UNITS = List.of("JZ-FGW", "JZ-JYJ");
    private static final Logger log = LoggerFactory.getLogger(InspectionDemo.class);

    private final BaomiProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AccountUserDetailsService users;
    private final InspectionService inspections;
    private final Clock clock;

    InspectionDemo(BaomiProperties properties, JdbcClient jdbc, TransactionTemplate transaction,
            AccountUserDetailsService users, InspectionService inspections, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.users = users;
        this.inspections = inspections;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.serving() && seedIfEmpty()) {
            log.info("Seeded the demo inspections of {}", BUREAU);
        }
    }

    /** Seeds in one transaction when the demo bureau exists and has no inspection; false otherwise. */
    boolean seedIfEmpty() {
        Long bureau = unit(BUREAU);
        Long standard = jdbc.sql("select min(id) from assessment_standard where level = 'UNIT'").query(Long.class)
                .optional().orElse(null);
        if (bureau == null || standard == null || jdbc.sql("select count(*) from inspection where inspecting_unit_id = :u")
                .param("u", bureau).query(Long.class).single() > 0) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                seed(standard);
                return true;
            }));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Long unit(String code) {
        return jdbc.sql("select id from unit where code = :c").param("c", code).query(Long.class).optional()
                .orElse(null);
    }

    private void seed(long standardId) {
        BaomiUser user = users.loadUserByUsername("inspector");
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        List<Long> units = UNITS.stream().map(this::unit).toList();
        Standard standard = inspections.standard(standardId).orElseThrow();
        int year = LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE).getYear();
        for (int back = 2; back >= 0; back--) {
            int y = year - back;
            LocalDate from = back == 0 ? LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE).minusDays(3)
                    : LocalDate.of(y, 11, 10);
            long id = inspections.plan(new PlanInput(InspectionKind.ROUTINE, null, y + "年度保密工作检查", units, from,
                    from.plusDays(2), standardId));
            inspections.start(id);
            for (int u = 0; u < units.size(); u++) {
                List<StandardItem> items = standard.items();
                for (int i = 0; i < items.size(); i++) {
                    StandardItem item = items.get(i);
                    // A pattern per unit and year: the commission improves, the education bureau slips.
                    int k = (i * 7 + u * 3 + (u == 0 ? back : 2 - back) * 5) % 11;
                    Finding f = k == 0 ? Finding.NOT_COMPLIANT : k < 3 ? Finding.PARTLY : Finding.COMPLIANT;
                    BigDecimal points = f == Finding.PARTLY && item.points().compareTo(BigDecimal.ONE) > 0
                            ? item.points().divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP) : null;
                    inspections.recordItem(id, units.get(u), item.id(), points == null && f == Finding.PARTLY
                            ? Finding.NOT_COMPLIANT : f, points, "");
                }
            }
            if (back == 0) {
                StandardItem first = standard.items().get(0);
                inspections.addFinding(id, units.get(0), first.id(), "保密员由办公室文秘兼任，未按要求专职配备",
                        FindingSeverity.MAJOR, from.plusDays(40), null);
                inspections.addFinding(id, units.get(0), null, "机要室涉密计算机未粘贴密级标识",
                        FindingSeverity.MINOR, from.plusDays(30), null);
            }
            inspections.conclude(id, back == 0 ? "发改委总体符合要求，保密员配备和设备标识需限期整改；教育局基本符合要求。"
                    : "各单位保密工作总体平稳，按检查意见整改。");
        }
    }
}
