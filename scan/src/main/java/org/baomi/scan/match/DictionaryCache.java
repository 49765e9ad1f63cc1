package org.baomi.scan.match;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Compiled automata kept on disk between runs (docs/adr/0104): a command-line scan with
 * the same dictionary loads its double array with one read instead of building it again.
 *
 * <p>The file name is the SHA-256 of the patterns and of the engine itself (the class
 * files of the automaton and its builder, the normaliser and its table), so a changed dictionary or a new engine
 * never reads an old table. A file that is missing, truncated or fails its CRC is
 * ignored and rebuilt. Writes go to a temporary file in the same folder and are moved
 * into place atomically, so concurrent runs never see half a file. Any I/O problem
 * falls back to building: the cache can only save time, never fail a scan.
 */
public final class DictionaryCache {
    private static final byte[] ENGINE = engineFingerprint();

    private final Path dir;

    /** A cache in {@code dir} (created on first write). */
    public DictionaryCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The default location: {@code $BAOMI_DICT_CACHE} if set ({@code off} disables the
     * cache), else {@code ${XDG_CACHE_HOME:-~/.cache}/baomi/dict}; {@code null} when off
     * or no home is known.
     */
    public static DictionaryCache atDefaultLocation() {
        String explicit = System.getenv("BAOMI_DICT_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return explicit.equals("off") ? null : new DictionaryCache(Path.of(explicit));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return new DictionaryCache(Path.of(xdg, "baomi", "dict"));
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : new DictionaryCache(Path.of(home, ".cache", "baomi", "dict"));
    }

    /** The folder holding the compiled dictionaries. */
    public Path dir() {
        return dir;
    }

    /** The automaton for {@code patterns}: loaded from the cache, or built and stored. */
    public Automaton load(List<String> patterns) {
        if (ENGINE == null) {
            return Automaton.build(patterns);
        }
        Path file = dir.resolve(key(patterns) + ".bin");
        Automaton a = read(file);
        if (a != null) {
            return a;
        }
        a = Automaton.build(patterns);
        write(file, a);
        return a;
    }

    /** The cache file's name without extension, for tests. */
    static String key(List<String> patterns) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(ENGINE);
            byte[] len = new byte[4];
            for (String p : patterns) {
                byte[] b = p.getBytes(StandardCharsets.UTF_8);
                len[0] = (byte) (b.length >>> 24);
                len[1] = (byte) (b.length >>> 16);
                len[2] = (byte) (b.length >>> 8);
                len[3] = (byte) b.length;
                md.update(len);
                md.update(b);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Automaton read(Path file) {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
        if (b.length < 8) {
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(b, 8, b.length - 8);
        ByteBuffer bb = ByteBuffer.wrap(b);
        if (bb.getLong(0) != crc.getValue()) {
            return null;
        }
        try {
            return Automaton.fromBytes(ByteBuffer.wrap(b, 8, b.length - 8).slice());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void write(Path file, Automaton a) {
        Path temp = null;
        try {
            Files.createDirectories(dir);
            byte[] body = a.toBytes();
            CRC32C crc = new CRC32C();
            crc.update(body);
            byte[] head = ByteBuffer.allocate(8).putLong(crc.getValue()).array();
            temp = Files.createTempFile(dir, "dict-", ".tmp");
            try (var out = Files.newOutputStream(temp)) {
                out.write(head);
                out.write(body);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException | RuntimeException e) {
            // Read-only home, full disk, ...: the next run builds again.
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }

    /**
     * SHA-256 of the class files and table that decide what a compiled table contains;
     * null (no caching) when they cannot be read as resources.
     */
    private static byte[] engineFingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String name : List.of("Automaton.class", "Automaton$Builder.class", "Normalizer.class", "normalizer.bin")) {
                try (InputStream in = Automaton.class.getResourceAsStream(name)) {
                    if (in == null) {
                        return null;
                    }
                    md.update(in.readAllBytes());
                }
            }
            return md.digest();
        } catch (NoSuchAlgorithmException | IOException e) {
            return null;
        }
    }
}
