package org.baomi.server.carrier.batch;

import org.baomi.core.ChinaTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.baomi.core.approval.Verdict;
import org.baomi.core.carrier.DestructionRecord;
import org.baomi.core.carrier.StoragePlace;
import org.baomi.server.approval.ApprovalService;
import org.baomi.server.carrier.batch.BatchViews.BatchInput;
import org.baomi.server.carrier.batch.InventoryViews.InventoryInput;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code serve --demo}: after the demo ledger (order 6), draws up a destruction batch of the
 * archived carriers, approved by the leader in charge and ready to be executed, and starts an
 * inventory of the filing cabinet with a few carriers ticked — through the services, as the demo
 * people. Only while there is no batch yet.
 */
@Component
@Order(7)
@ConditionalOnProperty(name = "baomi.demo", havingValue = "true")
class BatchDemoData implements ApplicationRunner {

    static final String UNIT = "JZ-FGW";
    static final String CABINET = "机要室 2号密码文件柜";

    private static final Logger log = LoggerFactory.getLogger(BatchDemoData.class);

    private final DestructionBatchService batches;
    private final InventoryService inventories;
    private final ApprovalService approvals;
    private final AccountUserDetailsService users;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final BaomiProperties properties;

    BatchDemoData(DestructionBatchService batches, InventoryService inventories, ApprovalService approvals,
            AccountUserDetailsService users, JdbcClient jdbc, TransactionTemplate transaction,
            BaomiProperties properties) {
        this.batches = batches;
        this.inventories = inventories;
        this.approvals = approvals;
        this.users = users;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.serving() && Boolean.TRUE.equals(transaction.execute(status -> seedIfEmpty()))) {
            log.info("Seeded a demo destruction batch and inventory for {}", UNIT);
        }
    }

    /** Seeds (in the caller's transaction) when the demo ledger exists and no batch does yet. */
    boolean seedIfEmpty() {
        Optional<Long> unit = jdbc.sql("select id from unit where code = :c").param("c", UNIT).query(Long.class)
                .optional();
        long existing = jdbc.sql("select count(*) from carrier_batch").query(Long.class).single();
        if (unit.isEmpty() || existing > 0) {
            return false;
        }
        List<String> archived = jdbc.sql("""
                select serial from carrier where unit_id = :u and status = 'ARCHIVED' and level <> 'TOP_SECRET'
                order by id""").param("u", unit.get()).query(String.class).list();
        List<String> inCabinet = jdbc.sql("""
                select serial from carrier where unit_id = :u and status in ('IN_CUSTODY', 'ARCHIVED')
                and storage_name = :place order by id""").param("u", unit.get()).param("place", CABINET)
                .query(String.class).list();
        if (archived.isEmpty()) {
            return false;
        }
        try {
            as("secrecy");
            long batch = batches.create(new BatchInput(unit.get(), DestructionRecord.Method.DESTRUCTION_CENTRE, null,
                    ChinaTime.today().plusDays(3), "江州市国家保密局涉密载体销毁中心"));
            archived.forEach(serial -> batches.addCarrier(batch, serial));
            long request = batches.submit(batch);
            as("leader");
            approvals.decide(request, Verdict.APPROVE, "同意送市国家保密局销毁中心销毁");
            as("secrecy");
            long inventory = inventories.start(new InventoryInput(unit.get(),
                    StoragePlace.Kind.COMBINATION_LOCK_CABINET, CABINET));
            inCabinet.stream().filter(s -> !archived.contains(s)).limit(4)
                    .forEach(serial -> inventories.check(inventory, serial));
            inventories.check(inventory, "JZ-2019-WJ-0042");
        } finally {
            SecurityContextHolder.clearContext();
        }
        return true;
    }

    private void as(String username) {
        var user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
