package org.baomi.server.audit;

import org.baomi.server.platform.BaomiProperties;
import org.baomi.server.platform.DataDirectory;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The small application {@code baomi audit verify} starts: a data source, transactions and the
 * verifier — no web layer, no migrations, nothing that writes. It reads the same database and
 * key as the server and starts in a few seconds. A plain {@code @Configuration}, not a
 * {@code @SpringBootConfiguration}: tests in this package must still find the real application.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class})
@EnableConfigurationProperties(BaomiProperties.class)
@Import({DataDirectory.class, AuditKeyring.class, AuditRepository.class, AuditVerifier.class})
public class AuditVerifyApplication {
}
