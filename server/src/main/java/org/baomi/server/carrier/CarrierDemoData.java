package org.baomi.server.carrier;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baomi.core.approval.Verdict;
import org.baomi.core.carrier.CarrierType;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.server.account.AccountRepository;
import org.baomi.server.approval.ApprovalService;
import org.baomi.server.audit.AuditLog;
import org.baomi.server.carrier.CarrierViews.Registered;
import org.baomi.server.incident.IncidentService;
import org.baomi.server.org.OrgScope;
import org.baomi.server.platform.BaomiProperties;
import org.baomi.server.security.AccountUserDetailsService;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code serve --demo}: seeds the carrier ledger of 江州市发展和改革委员会 with about thirty
 * carriers in every state a secrecy officer meets — received documents and a batch of copies,
 * a circulation under way, an overdue loan, one carried out and not back, archived and cleared
 * ones, copies made under approval, a changed marking and a term about to end. Everything goes
 * through {@link CarrierService} and {@link ApprovalService} as the demo people, so the history,
 * approvals and audit log are what they would be. Acts that must lie in the past (to be overdue
 * today) run on a service whose clock is set back three weeks, and the carriers they act on are
 * registered on it too, so that their timelines run forward. Only while the ledger is empty.
 */
@Component
@Order(6)
@ConditionalOnProperty(name = "baomi.demo", havingValue = "true")
class CarrierDemoData implements ApplicationRunner {

    static final String UNIT = "JZ-FGW";

    private static final Logger log = LoggerFactory.getLogger(CarrierDemoData.class);

    private final CarrierService carriers;
    private final CarrierService weeksAgo;
    private final ApprovalService approvals;
    private final AccountUserDetailsService users;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final BaomiProperties properties;
    private final Clock clock;

    CarrierDemoData(CarrierService carriers, ApprovalService approvals, AccountUserDetailsService users, JdbcClient jdbc,
            TransactionTemplate transaction, BaomiProperties properties, Clock clock, CarrierRepository repository,
            CarrierEventCodec codec, OrgScope orgScope, AuditLog audit, AccountRepository accounts,
            IncidentService incidents, PlatformTransactionManager transactions) {
        this.carriers = carriers;
        this.weeksAgo = new CarrierService(repository, codec, orgScope, audit, approvals, accounts, incidents,
                Clock.offset(clock, Duration.ofDays(-21)), transactions);
        this.approvals = approvals;
        this.users = users;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.serving() && seedIfEmpty()) {
            log.info("Seeded the demo carrier ledger of {}", UNIT);
        }
    }

    /** Seeds in one transaction when the demo unit exists and no carrier is registered yet. */
    boolean seedIfEmpty() {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            Optional<Long> unit = jdbc.sql("select id from unit where code = :c").param("c", UNIT).query(Long.class)
                    .optional();
            long count = jdbc.sql("select count(*) from carrier").query(Long.class).single();
            if (unit.isEmpty() || count > 0) {
                return false;
            }
            try {
                seed(unit.get());
            } finally {
                SecurityContextHolder.clearContext();
            }
            return true;
        }));
    }

    private void seed(long unit) {
        LocalDate today = LocalDate.now(clock.withZone(CarrierService.ZONE));
        LocalDate then = today.minusDays(21);
        long office = department(unit, "办公室");
        long planning = department(unit, "综合规划科");
        long investment = department(unit, "投资科");
        long finance = department(unit, "财政金融科");
        long confidential = department(unit, "机要室");
        long zhou = person("周丽华");
        long zhao = person("赵敏");
        long li = person("李志强");
        long wang = person("王建国");
        long chen = person("陈晓东");
        long liu = person("刘洋");
        String safe = "机要室 1号密码保险柜";
        String cabinet = "机要室 2号密码文件柜";

        as("secrecy");
        // A batch of copies received: copies 3–5 of 20.
        List<Registered> plan = carriers.receiveBatch(input(unit, CarrierType.PAPER_DOCUMENT,
                "关于2026年全市重大项目投资计划的通知", "江政办发〔2026〕12号", "江州市人民政府办公室", today.minusDays(40),
                20, "机密★10年", List.of(), List.of(investment, office, confidential), zhou,
                StoragePlace.Kind.COMBINATION_LOCK_CABINET, cabinet), List.of(3, 4, 5));
        carriers.receiveBatch(input(unit, CarrierType.PAPER_DOCUMENT, "2027年度重点项目投资计划（草案）",
                "江发改投〔2026〕52号", "江州市发展和改革委员会", today.minusDays(5), 6, "机密★5年", List.of(),
                List.of(investment, office), zhou, StoragePlace.Kind.COMBINATION_SAFE, safe), List.of(1, 2, 3, 4));
        Registered topSecret = one(unit, CarrierType.PAPER_DOCUMENT, "重要经济数据安全保障工作方案",
                "省发改委发〔2026〕3号", "某省发展和改革委员会", today.minusDays(60), "绝密★长期",
                List.of(li, zhao, zhou), List.of(), zhou, StoragePlace.Kind.COMBINATION_SAFE, safe);
        Registered circulating = one(unit, CarrierType.PAPER_DOCUMENT, "关于开展2026年度价格专项检查的通知",
                "江发改价〔2026〕41号", "江州市发展和改革委员会", today.minusDays(3), "秘密★1年",
                List.of(zhou), List.of(planning, investment), zhou, StoragePlace.Kind.COMBINATION_LOCK_CABINET, cabinet);
        Registered lent = one(weeksAgo, unit, CarrierType.PAPER_DOCUMENT, "全市能源消费总量控制测算报告", "",
                "江州市统计局", today.minusDays(90), "机密★5年", List.of(zhou), List.of(investment),
                zhou, StoragePlace.Kind.COMBINATION_LOCK_CABINET, cabinet);
        Registered carriedOut = one(weeksAgo, unit, CarrierType.ELECTRONIC_DOCUMENT, "重大项目审批资料汇编（光盘版说明）",
                "江发改投〔2026〕7号", "江州市发展和改革委员会", today.minusDays(50), "秘密★5年",
                List.of(zhou, chen), List.of(investment), zhou, StoragePlace.Kind.COMBINATION_LOCK_CABINET, cabinet);
        Registered toCopy = one(unit, CarrierType.PAPER_DOCUMENT, "市委常委会会议纪要（第18次）",
                "江委纪〔2026〕18号", "中共江州市委办公室", today.minusDays(20), "秘密★10年",
                List.of(zhou), List.of(office, planning), zhou, StoragePlace.Kind.COMBINATION_LOCK_CABINET, cabinet);
        Registered expiring = one(unit, CarrierType.PAPER_DOCUMENT, "2025年度财政预算执行情况分析",
                "江财预〔2025〕56号", "江州市财政局", today.minusDays(300), "秘密★1年",
                List.of(zhou), List.of(finance), zhou, StoragePlace.Kind.COMBINATION_LOCK_CABINET, cabinet);
        Registered toReclassify = one(unit, CarrierType.PAPER_DOCUMENT, "产业园区规划调整初步方案",
                "", "江州市自然资源和规划局", today.minusDays(120), "机密★10年",
                List.of(zhou), List.of(planning), zhou, StoragePlace.Kind.COMBINATION_LOCK_CABINET, cabinet);
        List<Registered> plain = new ArrayList<>();
        String[][] received = {
                {"PAPER_DOCUMENT", "关于做好2026年度保密自查自评工作的通知", "江保〔2026〕9号", "江州市国家保密局", "30", "秘密★1年"},
                {"PAPER_DOCUMENT", "全市招商引资项目推进情况通报", "江政督〔2026〕15号", "江州市人民政府督查室", "25", "秘密★2年"},
                {"CIPHER_TELEGRAM", "关于加强重要时期安全保密工作的电报", "明电〔2026〕33号", "某省国家保密局", "12", "机密★5年"},
                {"PAPER_DOCUMENT", "中期财政规划编制说明", "江财〔2026〕21号", "江州市财政局", "70", "秘密★5年"},
                {"DISC", "2026年度重点项目库数据光盘", "", "江州市发展和改革委员会", "45", "秘密★5年"},
                {"PAPER_DOCUMENT", "粮食安全储备调整方案", "江粮〔2026〕4号", "江州市粮食和物资储备局", "80", "机密★10年"},
                {"PAPER_DOCUMENT", "全市物价监测分析（第三季度）", "", "江州市发展和改革委员会", "35", "秘密★6个月"},
                {"ELECTRONIC_DOCUMENT", "重大基础设施项目可行性研究报告（电子版）", "", "江州市交通运输局", "55", "秘密★5年"},
                {"PAPER_DOCUMENT", "应急物资储备布局规划", "江应急〔2026〕8号", "江州市应急管理局", "95", "秘密★10年"},
                {"PAPER_DOCUMENT", "政府投资项目审计发现问题清单", "江审〔2026〕17号", "江州市审计局", "65", "机密★5年"},
                {"FILM", "重点工程选址航拍胶片", "", "江州市自然资源和规划局", "150", "秘密★10年"},
                {"PAPER_DOCUMENT", "关于调整部分行政事业性收费标准的请示", "江发改价〔2026〕29号", "江州市发展和改革委员会", "110", "秘密★2年"},
                {"PAPER_DOCUMENT", "县域经济发展考核办法（征求意见稿）", "", "江州市人民政府办公室", "140", "秘密★1年"},
                {"PAPER_DOCUMENT", "2025年度保密工作总结", "江发改〔2026〕2号", "江州市发展和改革委员会", "200", "秘密★1年"},
        };
        for (String[] r : received) {
            CarrierType type = CarrierType.valueOf(r[0]);
            StoragePlace.Kind kind = r[5].startsWith("机密") ? StoragePlace.Kind.COMBINATION_SAFE
                    : StoragePlace.Kind.COMBINATION_LOCK_CABINET;
            plain.add(one(unit, type, r[1], r[2], r[3], today.minusDays(Long.parseLong(r[4])), r[5], List.of(zhou),
                    List.of(office, planning), zhou, kind, kind == StoragePlace.Kind.COMBINATION_SAFE ? safe : cabinet));
        }

        // A circulation under way: 刘洋 has signed, 陈晓东 has not.
        carriers.circulate(circulating.id(), List.of(liu, chen), today.plusDays(2), false);
        as("staff");
        carriers.signAsRead(circulating.id());

        // Lent three weeks ago for a week: overdue. Another lent and returned.
        as("secrecy");
        weeksAgo.lend(lent.id(), chen, then.plusDays(7));
        carriers.lend(plain.get(1).id(), wang, today.plusDays(5));
        carriers.lend(plain.get(3).id(), person("张伟"), today.plusDays(10));
        carriers.returnLoan(plain.get(3).id());

        // Carried out three weeks ago, to be back within five days: not back.
        long carryOut = weeksAgo.requestCarryOut(carriedOut.id(), then.plusDays(5), "赴省发改委汇报重大项目审批情况");
        decide("leader", carryOut);
        as("secrecy");
        weeksAgo.carryOut(carriedOut.id(), carryOut);

        // Two copies made under the leader in charge's approval.
        long copy = carriers.requestCopy(toCopy.id(), 2, CopyChain.LEADER_IN_CHARGE, null, null, "综合规划科、投资科各一份学习传达");
        decide("leader", copy);
        as("secrecy");
        carriers.copy(toCopy.id(), copy);

        // A marking lowered with the unit head's approval.
        long reclassify = carriers.requestReclassify(toReclassify.id(), "秘密★5年", "方案已部分公开，经定密责任人审核降低密级");
        decide("head", reclassify);
        as("secrecy");
        carriers.reclassify(toReclassify.id(), reclassify);

        // A copy request still waiting for the unit head (TOP SECRET, with the originator's consent).
        carriers.requestCopy(topSecret.id(), 1, CopyChain.UNIT_HEAD, "某省发展和改革委员会", "省发改函〔2026〕88号",
                "报市委主要领导阅批");

        // Archived, cleared, moved.
        carriers.archive(plain.get(12).id());
        carriers.archive(plain.get(13).id());
        carriers.clear(plain.get(11).id(), "市政府办公室签收单 No.2026-117");
        carriers.clear(plan.get(2).id(), "市政府办公室签收单 No.2026-118");
        carriers.moveTo(plain.get(2).id(), StoragePlace.Kind.COMBINATION_SAFE, "机要室 3号密码保险柜");
        carriers.circulate(expiring.id(), List.of(person("曹颖")), today.plusDays(1), false);
        as("archivist");
        carriers.archive(plain.get(8).id());
    }

    private Registered one(long unit, CarrierType type, String title, String doc, String issuer, LocalDate dated,
            String marking, List<Long> people, List<Long> departments, long custodian, StoragePlace.Kind kind,
            String place) {
        return one(carriers, unit, type, title, doc, issuer, dated, marking, people, departments, custodian, kind, place);
    }

    /** Registers on {@code service}: {@link #weeksAgo} for a carrier whose later acts lie weeks back. */
    private static Registered one(CarrierService service, long unit, CarrierType type, String title, String doc,
            String issuer, LocalDate dated, String marking, List<Long> people, List<Long> departments, long custodian,
            StoragePlace.Kind kind, String place) {
        return service.register(input(unit, type, title, doc, issuer, dated, 1, marking, people, departments, custodian,
                kind, place));
    }

    private static CarrierInput input(long unit, CarrierType type, String title, String doc, String issuer,
            LocalDate dated, int copies, String marking, List<Long> people, List<Long> departments, long custodian,
            StoragePlace.Kind kind, String place) {
        return new CarrierInput(unit, type, title, doc, issuer, dated, 1, copies, marking, people, departments, custodian,
                kind, place);
    }

    private void decide(String username, long requestId) {
        as(username);
        approvals.decide(requestId, Verdict.APPROVE, "同意");
    }

    private void as(String username) {
        var user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private long department(long unit, String name) {
        return jdbc.sql("select id from department where unit_id = :u and name = :n").params(Map.of("u", unit, "n", name))
                .query(Long.class).single();
    }

    private long person(String name) {
        return jdbc.sql("select p.id from person p join unit u on u.id = p.unit_id where u.code = :c and p.name = :n")
                .params(Map.of("c", UNIT, "n", name)).query(Long.class).single();
    }
}
