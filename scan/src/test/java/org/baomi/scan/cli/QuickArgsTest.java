package org.baomi.scan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The quick parser sets every option exactly as picocli does, and leaves everything else to picocli. */
class QuickArgsTest {
    private static List<Object> values(ScanCommand c) throws IllegalAccessException {
        List<Object> v = new ArrayList<>();
        for (Field f : ScanCommand.class.getDeclaredFields()) {
            if (f.getAnnotation(CommandLine.Option.class) != null || f.getAnnotation(CommandLine.Parameters.class) != null) {
                v.add(f.getName() + "=" + f.get(c));
            }
        }
        return v;
    }

    private static void sameAsPicocli(String... args) throws IllegalAccessException {
        ScanCommand quick = QuickArgs.parse(args);
        assertThat(quick).as(String.join(" ", args)).isNotNull();
        ScanCommand viaPicocli = new ScanCommand();
        new CommandLine(viaPicocli).parseArgs(args);
        assertThat(values(quick)).isEqualTo(values(viaPicocli));
    }

    /** The quick parser's table is what ScanCommand's annotations declare: names, defaults, order. */
    @Test
    void theOptionTableIsTheAnnotations() {
        List<String> declared = new ArrayList<>();
        String positional = null;
        for (Field f : ScanCommand.class.getDeclaredFields()) {
            CommandLine.Option o = f.getAnnotation(CommandLine.Option.class);
            if (o != null) {
                String def = o.defaultValue().equals("__no_default_value__") ? null : o.defaultValue();
                declared.add(f.getName() + " " + def + " " + String.join(",", o.names()));
            }
            if (f.getAnnotation(CommandLine.Parameters.class) != null) {
                assertThat(positional).isNull();
                positional = f.getName();
            }
        }
        List<String> table = new ArrayList<>();
        for (QuickArgs.Opt o : QuickArgs.OPTIONS) {
            table.add(o.field() + " " + o.defaultValue() + " " + String.join(",", o.names()));
        }
        assertThat(table).isEqualTo(declared);
        assertThat(QuickArgs.POSITIONAL).isEqualTo(positional);
    }

    @Test
    void plainCommandLinesParseAsPicocliParsesThem() throws Exception {
        sameAsPicocli("corpus.txt");
        sameAsPicocli("--keywords", "patterns-sparse.txt", "--format", "jsonl", "corpus.txt");
        sameAsPicocli("--keywords", "a.txt", "--keywords", "b.txt", "--rules", "r.yaml", "-o", "out.jsonl", "dir", "x.txt");
        sameAsPicocli("a", "--threads", "3", "--min-confidence", "high", "--max-depth", "2", "--max-file-size",
                "123456789012", "--max-ratio", "9", "--timeout", "7", "--max-findings", "5", "--no-builtin-markings",
                "--output", "o.csv", "--format", "csv", "b");
    }

    @Test
    void anythingElseIsLeftToPicocli() {
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"-h"},
                new String[] {"--version"}, new String[] {"--format=json", "a"}, new String[] {"--format", "JSON", "a"},
                new String[] {"--format", "xml", "a"}, new String[] {"--threads", "0x10", "a"},
                new String[] {"--threads", "-1", "a"}, new String[] {"--format", "json", "--format", "csv", "a"},
                new String[] {"--no-builtin-markings", "--no-builtin-markings", "a"}, new String[] {"@args.txt"},
                new String[] {"--", "a"}, new String[] {"-", "a"}, new String[] {"--unknown", "a"},
                new String[] {"a", "--format"}, new String[] {"--format", "json"}, new String[] {"-oout", "a"})) {
            assertThat(QuickArgs.parse(args)).as(String.join(" ", args)).isNull();
        }
    }
}
