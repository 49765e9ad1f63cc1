package org.baomi.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.baomi.core.audit.Verification;
import org.baomi.server.audit.AuditVerifier;
import org.baomi.server.audit.AuditVerifyApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code baomi} command line: {@code serve} and {@code audit verify}. Options become Spring
 * properties, so everything an option sets can also come from the environment
 * (e.g. {@code SPRING_DATASOURCE_URL}) when Baomi runs as a service.
 */
@Command(name = "baomi", mixinStandardHelpOptions = true, versionProvider = BaomiCli.Version.class,
        description = "Baomi confidentiality-work management system.",
        subcommands = {BaomiCli.Serve.class, BaomiCli.Audit.class})
public final class BaomiCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new BaomiCli());
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("baomi: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'baomi " + ex.getCommandLine().getCommandName() + " --help'.");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("baomi: " + rootMessage(ex));
            return 2;
        });
        int code = cli.execute(args);
        if (code != 0 || !isServe(args)) {
            System.exit(code);
        }
    }

    private static boolean isServe(String[] args) {
        return args.length > 0 && args[0].equals("serve");
    }

    /** Command-line arguments outrank application.properties, unlike default properties. */
    static String[] asArguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    static String rootMessage(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Where the data lives and which database holds it; shared by every subcommand. */
    static class DatabaseOptions {
        @Option(names = "--data", paramLabel = "DIR", description = "Data directory (H2 database, audit key, credentials). Default: ./data")
        Path data = Path.of("data");

        @Option(names = "--db-url", paramLabel = "URL", description = "JDBC URL of a PostgreSQL database, e.g. jdbc:postgresql://127.0.0.1:5432/baomi. Default: embedded H2 in the data directory.")
        String dbUrl;

        @Option(names = "--db-user", paramLabel = "USER", description = "Database user (PostgreSQL).")
        String dbUser;

        @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Database password (PostgreSQL). Prefer the environment variable SPRING_DATASOURCE_PASSWORD.")
        String dbPassword;

        Map<String, Object> properties() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("baomi.data-dir", data.toAbsolutePath().normalize().toString());
            if (dbUrl != null) {
                if (!dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:h2:")) {
                    throw new CommandLine.ParameterException(new CommandLine(this),
                            "--db-url must be a jdbc:postgresql: (or jdbc:h2:) URL, was '" + dbUrl + "'");
                }
                p.put("spring.datasource.url", dbUrl);
            }
            if (dbUser != null) {
                p.put("spring.datasource.username", dbUser);
            }
            if (dbPassword != null) {
                p.put("spring.datasource.password", dbPassword);
            }
            return p;
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the web server.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Mixin
        DatabaseOptionsMixin db;

        @Option(names = "--port", paramLabel = "N", description = "HTTP port. Default: 8080")
        Integer port = 8080;

        @Option(names = "--demo", description = "Seed a demonstration organisation with accounts for every role (new data directory only).")
        boolean demo;

        @Override
        public Integer call() {
            if (port < 1 || port > 65535) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--port must be between 1 and 65535, was " + port);
            }
            Map<String, Object> p = db.options.properties();
            p.put("server.port", port);
            p.put("baomi.demo", demo);
            p.put("baomi.mode", "serve");
            // Failures are reported in one line by the execution handler (and Spring Boot's
            // failure analysis where it has one), never as a stack trace.
            p.put("logging.level.org.springframework.boot.SpringApplication", "off");
            new SpringApplicationBuilder(BaomiApplication.class).run(asArguments(p));
            return 0;
        }
    }

    /** picocli mixes options in through a field of a class with a no-arg constructor. */
    static final class DatabaseOptionsMixin {
        @CommandLine.ArgGroup(exclusive = false, multiplicity = "0..1")
        DatabaseOptions options = new DatabaseOptions();
    }

    @Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit log tools.",
            subcommands = {Verify.class})
    static final class Audit implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'baomi audit verify'");
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the audit log's hash chain. Exit 0 when whole, 1 naming the first entry changed, removed or inserted.")
    static final class Verify implements Callable<Integer> {
        @CommandLine.Mixin
        DatabaseOptionsMixin db;

        @Override
        public Integer call() {
            Map<String, Object> p = db.options.properties();
            if (db.options.dbUrl == null && !Files.exists(db.options.data.resolve("baomi.mv.db"))) {
                System.err.println("baomi: no Baomi database in " + db.options.data.toAbsolutePath().normalize()
                        + " (use --data DIR, or --db-url for PostgreSQL)");
                return 2;
            }
            p.put("baomi.mode", "verify");
            p.put("spring.main.banner-mode", "off");
            p.put("logging.level.root", "warn");
            p.put("logging.level.org.springframework.boot.SpringApplication", "off");
            try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(AuditVerifyApplication.class)
                    .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).run(asArguments(p))) {
                Verification result;
                try {
                    result = ctx.getBean(AuditVerifier.class).verify();
                } catch (org.springframework.jdbc.BadSqlGrammarException e) {
                    System.err.println("baomi: this database holds no Baomi audit log (has the server ever run on it?): "
                            + rootMessage(e));
                    return 2;
                }
                if (result instanceof Verification.Broken broken) {
                    System.out.println("Audit chain BROKEN at entry #" + broken.seq() + " (" + broken.breach() + "): "
                            + broken.message());
                    System.out.println(broken.entriesBefore() + " entries before it verified.");
                    if (broken.seq() == 1 && broken.breach() == Verification.Breach.CHANGED) {
                        System.out.println("If every entry fails from the first one, check that this is the audit key the"
                                + " server uses (<data>/audit-chain.key or BAOMI_AUDITKEY).");
                    }
                    return 1;
                }
                long n = ((Verification.Whole) result).entries();
                System.out.println("Audit chain whole: " + n + (n == 1 ? " entry" : " entries") + " verified.");
                return 0;
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BaomiCli.class.getPackage().getImplementationVersion();
            return new String[] {"baomi " + (v == null ? "development" : v)};
        }
    }
}
