package org.baomi.server.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.baomi.core.assessment.AssessmentLevel;
import org.baomi.core.assessment.AssessmentStatus;
import org.baomi.core.assessment.CheckMethod;
import org.baomi.core.assessment.Finding;
import org.baomi.core.assessment.Grade;
import org.baomi.core.assessment.InspectionKind;
import org.baomi.core.assessment.RectificationStatus;
import org.junit.jupiter.api.Test;

/**
 * Every self-inspection error code the core model and the standard readers can raise has a message
 * in the assessment bundle (the API and the pages show them), and every enum value a label. The
 * server's assessment feature raises its own {@code assess.*} codes, checked by I18nBundlesTest.
 */
class AssessmentMessagesTest {

    private static final Pattern CODE = Pattern.compile("\"(assessment\\.[a-zA-Z]+)\"");

    @Test
    void everyCodeRaisedHasAMessage() throws IOException {
        Set<String> codes = new TreeSet<>();
        for (Path dir : new Path[] {Path.of("../core/src/main/java/org/baomi/core/assessment"),
                Path.of("src/main/java/org/baomi/server/assessment/standard")}) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = CODE.matcher(Files.readString(f));
                    while (m.find()) {
                        codes.add(m.group(1));
                    }
                }
            }
        }
        assertThat(codes).hasSizeGreaterThan(30);
        Properties zh = load("assessment.properties");
        assertThat(codes).allSatisfy(code -> assertThat(zh).containsKey(code));
    }

    @Test
    void everyEnumValueHasALabel() throws IOException {
        Properties zh = load("assessment.properties");
        Stream.of(labels("level", AssessmentLevel.values()), labels("finding", Finding.values()),
                labels("grade", Grade.values()), labels("status", AssessmentStatus.values()),
                labels("rectification", RectificationStatus.values()), labels("inspection", InspectionKind.values()),
                labels("method", CheckMethod.values()))
                .flatMap(Set::stream).forEach(key -> assertThat(zh).containsKey(key));
    }

    private static Set<String> labels(String prefix, Enum<?>[] values) {
        Set<String> keys = new TreeSet<>();
        for (Enum<?> v : values) {
            keys.add("assessment." + prefix + "." + v.name());
        }
        return keys;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/i18n", name)),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
