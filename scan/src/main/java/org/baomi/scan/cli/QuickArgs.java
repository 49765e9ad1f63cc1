package org.baomi.scan.cli;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plain command lines that scans are run with, parsed without building picocli's
 * model: {@code new CommandLine(...)} alone costs about 90 ms of a cold JVM (its classes
 * cannot be class-data-shared), a fifth of the whole reference scan (docs/adr/0106).
 *
 * <p>Options, their names and defaults are listed in {@link #OPTIONS}, as {@link ScanCommand}'s
 * annotations declare them (QuickArgsTest fails when the two differ); types come from the
 * fields. Reading the annotations themselves at run time cost 30–40 ms of a cold JVM (each
 * annotation is a generated proxy class; docs/adr/0109). Only the unambiguous subset is accepted:
 * {@code --name value} pairs and flags, each single-valued option at most once, values and
 * paths that start with neither {@code -} nor {@code @}, numbers of plain digits, enum
 * constants spelled exactly. Anything else (help, version, {@code --name=value}, an
 * unknown option, a bad value, no path) returns null and picocli parses the line, so
 * every message and every corner of its syntax stays picocli's.
 */
final class QuickArgs {
    /** An option of {@link ScanCommand}: its field, its default (null: none) and its names. */
    record Opt(String field, String defaultValue, String... names) {
    }

    /** Every {@code @Option} of {@link ScanCommand}, in declaration order. */
    static final List<Opt> OPTIONS = List.of(
            new Opt("format", "table", "--format"),
            new Opt("keywords", null, "--keywords"),
            new Opt("rules", null, "--rules"),
            new Opt("threads", null, "--threads"),
            new Opt("minConfidence", "medium", "--min-confidence"),
            new Opt("output", null, "-o", "--output"),
            new Opt("maxDepth", "5", "--max-depth"),
            new Opt("maxFileSize", "10737418240", "--max-file-size"),
            new Opt("maxRatio", "200", "--max-ratio"),
            new Opt("timeoutSeconds", "120", "--timeout"),
            new Opt("maxFindings", "1000", "--max-findings"),
            new Opt("noBuiltins", null, "--no-builtin-markings"),
            new Opt("ocr", null, "--ocr"),
            new Opt("ocrLanguages", "chi_sim+eng", "--ocr-languages"));

    /** The {@code @Parameters} field of {@link ScanCommand}. */
    static final String POSITIONAL = "paths";

    private QuickArgs() {
    }

    /** The command with its fields set as picocli would set them, or null to let picocli parse. */
    static ScanCommand parse(String[] args) {
        try {
            return parseOrNull(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static ScanCommand parseOrNull(String[] args) throws ReflectiveOperationException {
        ScanCommand cmd = new ScanCommand();
        Map<String, Field> byName = new HashMap<>();
        Map<Field, String> defaults = new HashMap<>();
        List<Field> options = new ArrayList<>();
        for (Opt o : OPTIONS) {
            Field f = ScanCommand.class.getDeclaredField(o.field());
            for (String n : o.names()) {
                byName.put(n, f);
            }
            options.add(f);
            if (o.defaultValue() != null) {
                defaults.put(f, o.defaultValue());
            }
        }
        Field positional = ScanCommand.class.getDeclaredField(POSITIONAL);
        if (positional.getType() != List.class || elementType(positional) != Path.class) {
            return null;
        }
        Set<Field> seen = new HashSet<>();
        Map<Field, List<Object>> lists = new HashMap<>();
        List<Object> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.charAt(0) == '@') {
                return null;
            }
            if (a.charAt(0) != '-') {
                paths.add(Path.of(a));
                continue;
            }
            Field f = byName.get(a);
            if (f == null) {
                return null;
            }
            boolean multi = f.getType() == List.class;
            if (!seen.add(f) && !multi) {
                return null;
            }
            if (f.getType() == boolean.class) {
                f.setBoolean(cmd, true);
                continue;
            }
            if (i + 1 >= args.length) {
                return null;
            }
            String v = args[++i];
            if (v.isEmpty() || v.charAt(0) == '-' || v.charAt(0) == '@') {
                return null;
            }
            Object value = convert(multi ? elementType(f) : f.getType(), v);
            if (value == null) {
                return null;
            }
            if (multi) {
                List<Object> list = lists.get(f);
                if (list == null) {
                    list = new ArrayList<>();
                    lists.put(f, list);
                }
                list.add(value);
            } else {
                f.set(cmd, value);
            }
        }
        if (paths.isEmpty()) {
            return null;
        }
        for (Field f : options) {
            if (lists.containsKey(f)) {
                f.set(cmd, lists.get(f));
            } else if (!seen.contains(f) && defaults.containsKey(f)) {
                Object value = convert(f.getType(), defaults.get(f));
                if (value == null) {
                    return null;
                }
                f.set(cmd, value);
            }
        }
        positional.set(cmd, paths);
        return cmd;
    }

    private static Class<?> elementType(Field f) {
        if (f.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    /** The value as picocli would convert it, or null when it is not plainly valid. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Class<?> type, String v) {
        if (type == String.class) {
            return v;
        }
        if (type == Path.class) {
            return Path.of(v);
        }
        if (type == int.class || type == Integer.class) {
            return digits(v, 9) ? Integer.valueOf(v) : null;
        }
        if (type == long.class || type == Long.class) {
            return digits(v, 18) ? Long.valueOf(v) : null;
        }
        if (type.isEnum()) {
            for (Object c : type.getEnumConstants()) {
                if (((Enum) c).name().equals(v)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static boolean digits(String v, int max) {
        if (v.isEmpty() || v.length() > max) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
