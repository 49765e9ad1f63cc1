package org.baomi.server.demo;

import java.util.function.Supplier;
import org.baomi.core.approval.Verdict;
import org.baomi.server.approval.ApprovalService;
import org.baomi.server.approval.GeneralChain;
import org.baomi.server.security.AccountUserDetailsService;
import org.baomi.server.security.BaomiUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baomi.core.org.SecretRelatedLevel;
import org.baomi.core.security.Role;
import org.baomi.core.security.RoleGrant;
import org.baomi.server.account.AccountRepository;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.org.UnitKind;
import org.baomi.server.platform.BaomiProperties;
import org.baomi.server.platform.Db;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code serve --demo} on a fresh database: seeds a fictional city secrecy bureau with a
 * subordinate municipal commission (departments, people of every secret-related level) and an
 * account for every role, all with {@link #PASSWORD}, so a newcomer can sign in as anyone. Runs
 * before {@code InitialSetup} (which stands aside in demo mode) and only while the database has
 * no account: restarting with {@code --demo} changes nothing.
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "baomi.demo", havingValue = "true")
public class DemoOrganisation implements ApplicationRunner {

    /** The one password of every demo account, shown on the login page. */
    public static final String PASSWORD = "Demo#2026baomi";
    /** Set once the demo was seeded; the login page lists the demo accounts only then. */
    static final String SEEDED_SETTING = "demo.seeded";

    /** A demo account: who signs in, in which role, as which person of which unit. */
    record DemoAccount(String username, Role role, String unitCode, String personName) {
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("sysadmin", Role.SYSTEM_ADMIN, "JZ-BMJ", "黄文斌"),
            new DemoAccount("secadmin", Role.SECURITY_ADMIN, "JZ-BMJ", "吴静怡"),
            new DemoAccount("auditor", Role.SECURITY_AUDITOR, "JZ-BMJ", "郑海燕"),
            new DemoAccount("secrecy", Role.SECRECY_OFFICER, "JZ-FGW", "周丽华"),
            new DemoAccount("leader", Role.LEADER_IN_CHARGE, "JZ-FGW", "王建国"),
            new DemoAccount("head", Role.UNIT_HEAD, "JZ-FGW", "李志强"),
            new DemoAccount("depthead", Role.DEPARTMENT_HEAD, "JZ-FGW", "陈晓东"),
            new DemoAccount("depthead2", Role.DEPARTMENT_HEAD, "JZ-FGW", "赵敏"),
            new DemoAccount("staff", Role.CLEARED_PERSON, "JZ-FGW", "刘洋"),
            new DemoAccount("archivist", Role.ARCHIVIST, "JZ-FGW", "孙丽"),
            new DemoAccount("inspector", Role.INSPECTOR, "JZ-BMJ", "马卫东"));

    private record DemoUnit(String code, String name, UnitKind kind, String parentCode, List<String> departments) {
    }

    private static final List<DemoUnit> UNITS = List.of(
            new DemoUnit("JZ-BMJ", "江州市国家保密局", UnitKind.SECRECY_BUREAU, null,
                    List.of("办公室", "监督检查科", "宣传教育科", "保密技术服务中心")),
            new DemoUnit("JZ-FGW", "江州市发展和改革委员会", UnitKind.GOVERNMENT_ORGAN, "JZ-BMJ",
                    List.of("办公室", "综合规划科", "投资科", "财政金融科", "机要室", "人事科", "法规科", "价格监督检查科")),
            new DemoUnit("JZ-JYJ", "江州市教育局", UnitKind.GOVERNMENT_ORGAN, "JZ-BMJ",
                    List.of("办公室", "考试中心")),
            new DemoUnit("JZ-YZ", "江州市第一中学", UnitKind.SCHOOL, "JZ-JYJ", List.of("校长办公室", "教务处")));

    /** name, unit, department, position, level (C core, I important, G general, N none). */
    private static final String[][] PEOPLE = {
            {"黄文斌", "JZ-BMJ", "保密技术服务中心", "系统管理员", "N"},
            {"吴静怡", "JZ-BMJ", "保密技术服务中心", "安全保密管理员", "G"},
            {"郑海燕", "JZ-BMJ", "办公室", "安全审计员", "N"},
            {"马卫东", "JZ-BMJ", "监督检查科", "科长", "I"},
            {"冯建军", "JZ-BMJ", "监督检查科", "四级主任科员", "G"},
            {"许晓燕", "JZ-BMJ", "宣传教育科", "科员", "N"},
            {"李志强", "JZ-FGW", "办公室", "主任", "C"},
            {"王建国", "JZ-FGW", "办公室", "副主任", "I"},
            {"张伟", "JZ-FGW", "办公室", "副主任", "I"},
            {"孙丽", "JZ-FGW", "办公室", "档案员", "I"},
            {"杨帆", "JZ-FGW", "办公室", "文秘", "G"},
            {"何俊", "JZ-FGW", "办公室", "驾驶员", "N"},
            {"周丽华", "JZ-FGW", "机要室", "保密员", "C"},
            {"赵敏", "JZ-FGW", "机要室", "机要室主任", "C"},
            {"钱文涛", "JZ-FGW", "机要室", "机要员", "C"},
            {"刘洋", "JZ-FGW", "综合规划科", "科员", "G"},
            {"林晓明", "JZ-FGW", "综合规划科", "科长", "I"},
            {"高翔", "JZ-FGW", "综合规划科", "一级科员", "G"},
            {"罗雪梅", "JZ-FGW", "综合规划科", "科员", "N"},
            {"梁思远", "JZ-FGW", "综合规划科", "见习人员", "N"},
            {"陈晓东", "JZ-FGW", "投资科", "科长", "I"},
            {"宋佳", "JZ-FGW", "投资科", "副科长", "I"},
            {"谢志刚", "JZ-FGW", "投资科", "四级主任科员", "G"},
            {"唐静", "JZ-FGW", "投资科", "科员", "G"},
            {"韩磊", "JZ-FGW", "投资科", "科员", "N"},
            {"曹颖", "JZ-FGW", "财政金融科", "科长", "I"},
            {"彭涛", "JZ-FGW", "财政金融科", "副科长", "G"},
            {"邓丽娟", "JZ-FGW", "财政金融科", "科员", "G"},
            {"袁超", "JZ-FGW", "财政金融科", "科员", "N"},
            {"蒋红梅", "JZ-FGW", "人事科", "科长", "I"},
            {"沈斌", "JZ-FGW", "人事科", "科员", "G"},
            {"卢婷", "JZ-FGW", "人事科", "科员", "N"},
            {"蔡明", "JZ-FGW", "法规科", "科长", "G"},
            {"丁雅琴", "JZ-FGW", "法规科", "科员", "N"},
            {"魏国华", "JZ-FGW", "价格监督检查科", "科长", "G"},
            {"薛凯", "JZ-FGW", "价格监督检查科", "科员", "N"},
            {"叶秋", "JZ-FGW", "价格监督检查科", "科员", "N"},
            {"潘志勇", "JZ-FGW", "投资科", "借调人员", "N"},
            {"杜鹏", "JZ-JYJ", "考试中心", "主任", "C"},
            {"程雪", "JZ-JYJ", "考试中心", "试卷保管员", "I"},
            {"苏建平", "JZ-JYJ", "办公室", "保密员", "G"},
            {"范文静", "JZ-YZ", "教务处", "教务主任", "G"},
            {"方明", "JZ-YZ", "校长办公室", "校长", "G"},
            {"任晓峰", "JZ-YZ", "教务处", "教师", "N"},
    };

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final BaomiProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApprovalService approvals;
    private final AccountUserDetailsService users;
    private final DemoAssessments assessments;

    DemoOrganisation(JdbcClient jdbc, AccountRepository accounts, PasswordEncoder encoder, AuditLog audit,
            BaomiProperties properties, TransactionTemplate transaction, Clock clock, ApprovalService approvals,
            AccountUserDetailsService users, DemoAssessments assessments) {
        this.assessments = assessments;
        this.approvals = approvals;
        this.users = users;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.serving() && seedIfEmpty()) {
            log.info("Seeded the demo organisation; every demo account signs in with {}", PASSWORD);
        }
    }

    /**
     * Seeds the demo organisation when the database has no account yet, in one transaction.
     *
     * @return whether it seeded (false: the database was already in use and nothing changed)
     */
    public boolean seedIfEmpty() {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (accounts.count() > 0) {
                return false;
            }
            seed(clock.instant());
            return true;
        }));
    }

    private void seed(Instant now) {
        Map<String, Long> units = new LinkedHashMap<>();
        Map<String, Long> departments = new LinkedHashMap<>();
        for (DemoUnit u : UNITS) {
            long id = insert("""
                    insert into unit (parent_id, code, name, kind, active, created_at, updated_at)
                    values (:parent, :code, :name, :kind, true, :now, :now)""", Map.of("code", u.code(), "name", u.name(),
                    "kind", u.kind().name(), "now", Db.ts(now)), u.parentCode() == null ? null : units.get(u.parentCode()));
            units.put(u.code(), id);
            for (String d : u.departments()) {
                var keys = new GeneratedKeyHolder();
                jdbc.sql("""
                        insert into department (unit_id, name, active, created_at, updated_at)
                        values (:unit, :name, true, :now, :now)""")
                        .param("unit", id).param("name", d).param("now", Db.ts(now)).update(keys, "id");
                departments.put(u.code() + "/" + d, keys.getKeyAs(Number.class).longValue());
            }
        }
        Map<String, Long> people = new LinkedHashMap<>();
        int n = 0;
        for (String[] p : PEOPLE) {
            n++;
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into person (unit_id, department_id, name, employee_number, position, phone,
                        secret_related_level, active, created_at, updated_at)
                    values (:unit, :department, :name, :number, :position, :phone, :level, true, :now, :now)""")
                    .param("unit", units.get(p[1])).param("department", departments.get(p[1] + "/" + p[2]))
                    .param("name", p[0]).param("number", p[1].substring(3) + String.format("-%04d", n))
                    .param("position", p[3]).param("phone", String.format("0799-8612%04d", 3000 + n))
                    .param("level", level(p[4]).name()).param("now", Db.ts(now)).update(keys, "id");
            people.put(p[0], keys.getKeyAs(Number.class).longValue());
        }
        String hash = encoder.encode(PASSWORD);
        long root = units.get("JZ-BMJ");
        for (DemoAccount a : ACCOUNTS) {
            long id = accounts.insert(a.username(), people.get(a.personName()), a.personName(), hash, false, "zh-CN", now);
            // Officer roles are system-wide and carry the root unit, as at a real first start.
            long unit = a.role().isOfficer() ? root : units.get(a.unitCode());
            accounts.replaceGrants(id, Set.of(new RoleGrant(a.role(), unit)), "demo", now);
        }
        jdbc.sql("""
                insert into setting (name, setting_value, updated_at, updated_by)
                values (:name, 'true', :now, 'demo')""").param("name", SEEDED_SETTING).param("now", Db.ts(now)).update();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        ACCOUNTS.forEach(a -> roles.add(a.role()));
        List<String> usernames = new ArrayList<>();
        ACCOUNTS.forEach(a -> usernames.add(a.username()));
        audit.recordAs(AuditLog.Actor.system(), "system.demo-seed", "unit", root, null,
                Map.of("units", units.keySet(), "people", people.size(), "accounts", usernames, "roles", roles));
        seedApprovals();
        assessments.seed(this::as);
    }

    /**
     * A request half-way through its chain, so the unit head finds something waiting and the
     * department head's decision is on the record — opened and decided through the approval
     * service as those people, audited as theirs.
     */
    private void seedApprovals() {
        long id = as("staff", () -> approvals.openGeneral(
                "申请在机要室涉密计算机上打印《全市重大项目推进会议材料》20份",
                "会议定于下周三召开，材料为机密级，打印后按份编号登记，会后收回。",
                GeneralChain.DEPARTMENT_HEAD_THEN_UNIT_HEAD));
        as("depthead", () -> approvals.decide(id, Verdict.APPROVE, "同意，打印后按份编号登记，会后及时收回。"));
    }

    private <T> T as(String username, Supplier<T> action) {
        BaomiUser user = users.loadUserByUsername(username);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private long insert(String sql, Map<String, Object> params, Long parentId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).param("parent", parentId).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private static SecretRelatedLevel level(String code) {
        return switch (code) {
            case "C" -> SecretRelatedLevel.CORE;
            case "I" -> SecretRelatedLevel.IMPORTANT;
            case "G" -> SecretRelatedLevel.GENERAL;
            default -> SecretRelatedLevel.NONE;
        };
    }
}
