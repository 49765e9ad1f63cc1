package org.baomi.server.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full-application test on PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth), in a
 * fresh database created for this test run and dropped at its end. Skipped when PostgreSQL is
 * not reachable, except under {@code CI=true}, where that fails the run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(TestDatabases.PostgresAvailable.class)
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabases.Postgres.class)
public @interface OnPostgres {
}
