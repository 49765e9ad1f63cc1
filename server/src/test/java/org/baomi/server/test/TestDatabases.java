package org.baomi.server.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** The two databases every database test runs on. */
public final class TestDatabases {

    public static final String PG_HOST = System.getenv().getOrDefault("BAOMI_TEST_PG_HOST", "127.0.0.1");
    public static final String PG_PORT = System.getenv().getOrDefault("BAOMI_TEST_PG_PORT", "5432");
    public static final String PG_ADMIN_URL = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/test";
    public static final String PG_USER = "postgres";

    private static final Path DATA_DIR;
    private static String postgresDatabase;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("baomi-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestDatabases() {
    }

    /** A data directory for the test JVM (audit key, credentials file). */
    public static Path dataDir() {
        return DATA_DIR;
    }

    public static final class H2 implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "spring.datasource.url=jdbc:h2:mem:baomi;DB_CLOSE_DELAY=-1",
                    "baomi.data-dir=" + DATA_DIR.resolve("h2"),
                    "baomi.mode=serve").applyTo(context);
        }
    }

    public static final class Postgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "spring.datasource.url=" + postgresUrl(),
                    "spring.datasource.username=" + PG_USER,
                    "spring.datasource.password=",
                    "baomi.data-dir=" + DATA_DIR.resolve("pg"),
                    "baomi.mode=serve").applyTo(context);
        }
    }

    /** Creates (once per JVM) a fresh database for this run; it is dropped when the JVM exits. */
    public static synchronized String postgresUrl() {
        if (postgresDatabase == null) {
            String name = "baomi_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
            try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "")) {
                c.createStatement().execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the PostgreSQL test database: " + e.getMessage(), e);
            }
            postgresDatabase = name;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name)));
        }
        return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + postgresDatabase;
    }

    private static void dropQuietly(String name) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "")) {
            c.createStatement().execute("drop database if exists " + name + " with (force)");
        } catch (SQLException ignored) {
            // a leftover test database harms nothing; the next run makes its own
        }
    }

    public static boolean postgresReachable() {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Skips PostgreSQL tests on a machine without it — but never in CI, where PostgreSQL must be there. */
    public static final class PostgresAvailable implements ExecutionCondition {
        private static Boolean reachable;

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            synchronized (PostgresAvailable.class) {
                if (reachable == null) {
                    reachable = postgresReachable();
                }
            }
            if (reachable) {
                return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + PG_ADMIN_URL);
            }
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but PostgreSQL is not reachable at " + PG_ADMIN_URL
                        + " (user postgres, trust auth): the PostgreSQL tests must run in CI");
            }
            return ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + PG_ADMIN_URL + "; skipped outside CI");
        }
    }
}
