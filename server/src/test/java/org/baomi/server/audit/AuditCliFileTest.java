package org.baomi.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.baomi.server.BaomiApplication;
import org.baomi.server.BaomiCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import picocli.CommandLine;

/**
 * {@code baomi audit verify --data DIR} on the embedded H2 file database a server left behind:
 * whole, broken, and a directory that holds no database.
 */
class AuditCliFileTest {

    record Run(int code, String out, String err) {
    }

    @Test
    void verifiesTheFileDatabaseAServerLeftInItsDataDirectory(@TempDir Path dir) throws Exception {
        try (var ctx = new SpringApplicationBuilder(BaomiApplication.class).run("--baomi.data-dir=" + dir,
                "--server.port=0", "--baomi.mode=serve", "--spring.main.banner-mode=off")) {
            assertThat(ctx.isRunning()).isTrue();
        }
        assertThat(dir.resolve("baomi.mv.db")).exists();

        Run whole = run("audit", "verify", "--data", dir.toString());
        assertThat(whole.code).as(whole.out + whole.err).isZero();
        assertThat(whole.out).contains("Audit chain whole:");

        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("baomi") + ";AUTO_SERVER=TRUE", "baomi", "");
                Statement s = c.createStatement()) {
            s.executeUpdate("update audit_entry set actor = 'nobody' where seq = 1");
        }
        Run broken = run("audit", "verify", "--data", dir.toString());
        assertThat(broken.code).as(broken.out + broken.err).isEqualTo(1);
        assertThat(broken.out).contains("BROKEN at entry #1 (CHANGED)");
    }

    @Test
    void aDirectoryWithoutADatabaseIsAClearErrorWithExitTwo(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Run run = run("audit", "verify", "--data", dir.resolve("empty").toString());
        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("no Baomi database in").contains("--db-url");
    }

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var o = new ByteArrayOutputStream();
        var e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new BaomiCli()).execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
