package org.baomi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every string a person reads comes from the message bundles, in both languages: fails on a key
 * present in one language only, on a key a template uses that no bundle has, and on Chinese text
 * typed into a template.
 */
class I18nBundlesTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path I18N = RESOURCES.resolve("i18n");
    static final Path TEMPLATES = RESOURCES.resolve("templates");
    static final Pattern MESSAGE_EXPR = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");
    static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path chinese : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                String base = chinese.getFileName().toString().replace(".properties", "");
                Path english = I18N.resolve(base + "_en.properties");
                assertThat(english).as("English bundle for %s", base).exists();
                Set<String> zh = load(chinese).stringPropertyNames();
                Set<String> en = load(english).stringPropertyNames();
                for (String k : new TreeSet<>(zh)) {
                    if (!en.contains(k)) {
                        problems.add(base + "_en.properties lacks " + k);
                    }
                }
                for (String k : new TreeSet<>(en)) {
                    if (!zh.contains(k)) {
                        problems.add(base + ".properties (Chinese) lacks " + k);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path f : files.toList()) {
                keys.addAll(load(f).stringPropertyNames());
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> hardCoded = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path t : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(t);
                Matcher m = MESSAGE_EXPR.matcher(html);
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(TEMPLATES.relativize(t) + ": #{" + m.group(1) + "}");
                    }
                }
                String[] lines = html.split("\n");
                for (int i = 0; i < lines.length; i++) {
                    // The seal character of the logo is the one deliberate exception.
                    String line = lines[i].replace("class=\"seal\">保<", "");
                    if (CJK.matcher(line).find()) {
                        hardCoded.add(TEMPLATES.relativize(t) + ":" + (i + 1) + ": " + lines[i].strip());
                    }
                }
            }
        }
        assertThat(missing).as("message keys used by templates but defined nowhere").isEmpty();
        assertThat(hardCoded).as("Chinese text typed into templates instead of the bundles").isEmpty();
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
