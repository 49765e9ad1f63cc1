package org.baomi.server.demo;

import java.util.List;
import org.baomi.server.home.LoginController;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists the demo accounts on the login page, in the visitor's language — but only when this
 * database was seeded as a demo: a production database started with {@code --demo} by mistake
 * shows no passwords.
 */
@Component
@ConditionalOnProperty(name = "baomi.demo", havingValue = "true")
class DemoLoginAccounts implements LoginController.DemoAccounts {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    DemoLoginAccounts(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public List<Entry> entries() {
        boolean seeded = jdbc.sql("select count(*) from setting where name = :n").param("n", DemoOrganisation.SEEDED_SETTING)
                .query(Long.class).single() > 0;
        if (!seeded) {
            return List.of();
        }
        var locale = LocaleContextHolder.getLocale();
        return DemoOrganisation.ACCOUNTS.stream().map(a -> new Entry(a.username(), DemoOrganisation.PASSWORD,
                messages.getMessage("demo.account.description", new Object[] {
                        messages.getMessage("role." + a.role().name(), null, a.role().name(), locale),
                        messages.getMessage("demo.unit." + a.unitCode(), null, a.unitCode(), locale),
                        a.personName()}, locale)))
                .toList();
    }
}
