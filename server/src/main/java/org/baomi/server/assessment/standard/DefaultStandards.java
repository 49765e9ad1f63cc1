package org.baomi.server.assessment.standard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.baomi.core.assessment.Standard;

/**
 * The standards Baomi ships (classpath {@code standards/}): the unit standard of 100 points with
 * its aggravated deductions and veto items, and the smaller department and individual checklists.
 * A unit may import its superior's own standard instead; these are the starting point.
 */
public final class DefaultStandards {

    /** Resource names, in the order unit, department, individual. */
    public static final List<String> RESOURCES = List.of("standards/unit.yaml", "standards/department.yaml",
            "standards/individual.yaml");

    private DefaultStandards() {
    }

    /** Reads and validates every shipped standard; a broken one fails loudly (it is a build error). */
    public static List<Standard> all() {
        return RESOURCES.stream().map(DefaultStandards::load).toList();
    }

    public static Standard load(String resource) {
        try (InputStream in = DefaultStandards.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the default standard " + resource + " is missing from the classpath");
            }
            return StandardYaml.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
