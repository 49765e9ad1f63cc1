package org.baomi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baomi.core.audit.Verification;
import org.baomi.core.security.Role;
import org.baomi.server.audit.AuditVerifier;
import org.baomi.server.test.Fixtures;
import org.baomi.server.test.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two server nodes on one PostgreSQL behave as one: a session opened on one node is valid on the
 * other, what one node puts in the session the other sees, and both append to one audit chain.
 */
@ExtendWith(TestDatabases.PostgresAvailable.class)
class TwoNodesOnPostgresTest {

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(BaomiApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabases.postgresUrl(),
                "--spring.datasource.username=" + TestDatabases.PG_USER,
                "--spring.datasource.password=",
                "--baomi.data-dir=" + TestDatabases.dataDir().resolve("pg"),
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn");
    }

    @BeforeAll
    static void startTwoNodes() {
        // One after the other: the first creates the audit key in the shared data directory.
        nodeA = start();
        nodeB = start();
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    static String base(ConfigurableApplicationContext node) {
        return "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String url, String session) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (session != null) {
            request.header("Cookie", "SESSION=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, String session, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "SESSION=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String session(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElseThrow(() -> new AssertionError("no SESSION cookie set"));
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aSessionOpenedOnOneNodeIsValidOnTheOtherAndTheAuditChainStaysOne() throws Exception {
        Fixtures fixtures = nodeA.getBean(Fixtures.class);
        var officer = fixtures.account(fixtures.rootUnit(), Role.SECRECY_OFFICER);

        var loginPage = get(base(nodeA) + "/login", null);
        String anonymous = session(loginPage);
        var login = post(base(nodeA) + "/login", anonymous, "username=" + enc(officer.username()) + "&password="
                + enc(officer.password()) + "&_csrf=" + enc(csrf(loginPage.body())));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String session = session(login);

        var homeOnB = get(base(nodeB) + "/", session);
        assertThat(homeOnB.statusCode()).as("node B knows the session node A opened").isEqualTo(200);
        assertThat(homeOnB.body()).contains("您好，" + officer.username());

        var switched = post(base(nodeB) + "/locale", session, "lang=en&_csrf=" + enc(csrf(homeOnB.body())));
        assertThat(switched.statusCode()).isEqualTo(302);
        assertThat(get(base(nodeA) + "/", session).body()).as("node A sees the language node B set")
                .contains("Welcome, " + officer.username());

        var logout = post(base(nodeA) + "/logout", session, "_csrf=" + enc(csrf(get(base(nodeA) + "/", session).body())));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(get(base(nodeB) + "/", session).statusCode()).as("logged out on every node").isEqualTo(302);

        assertThat(nodeB.getBean(AuditVerifier.class).verify()).isInstanceOf(Verification.Whole.class);
    }
}
