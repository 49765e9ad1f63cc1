package org.baomi.scan.match;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Compiled automata kept on disk between runs (docs/adr/0104): a command-line scan with
 * the same dictionary loads its double array with one read instead of building it again.
 *
 * <p>The file name is a 64-bit checksum (CRC-32C and CRC-32) of the patterns and of the
 * engine itself (the class files of the automaton and its builder, the normaliser and its
 * table); the file also holds the engine fingerprint and every pattern, which are
 * compared on reading, so a changed dictionary or a new engine never reads an old table
 * even if two names collided. (Checksums rather than SHA-256: hashing the 200 KB of
 * table and patterns in a cold JVM cost about 30 ms of every run, docs/adr/0107.) A file
 * that is missing, truncated or fails its CRC is ignored and rebuilt. Writes go to a temporary file in the same folder and are moved
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
        byte[] id = identity(patterns);
        Path file = dir.resolve(key(id) + ".bin");
        Automaton a = read(file, id);
        if (a != null) {
            return a;
        }
        a = Automaton.build(patterns);
        write(file, id, a);
        return a;
    }

    /** The cache file's name without extension, for tests. */
    static String key(List<String> patterns) {
        return key(identity(patterns));
    }

    private static String key(byte[] identity) {
        CRC32C c = new CRC32C();
        c.update(identity);
        CRC32 d = new CRC32();
        d.update(identity);
        return String.format("%08x%08x", c.getValue(), d.getValue());
    }

    /** What a table is compiled from: the engine fingerprint, then every pattern, length-prefixed UTF-8. */
    private static byte[] identity(List<String> patterns) {
        byte[][] utf8 = new byte[patterns.size()][];
        int size = ENGINE.length;
        for (int i = 0; i < utf8.length; i++) {
            utf8[i] = patterns.get(i).getBytes(StandardCharsets.UTF_8);
            size += 4 + utf8[i].length;
        }
        // Written by hand rather than through a ByteBuffer: this runs once, in a cold JVM.
        byte[] b = Arrays.copyOf(ENGINE, size);
        int o = ENGINE.length;
        for (byte[] p : utf8) {
            int n = p.length;
            b[o] = (byte) (n >>> 24);
            b[o + 1] = (byte) (n >>> 16);
            b[o + 2] = (byte) (n >>> 8);
            b[o + 3] = (byte) n;
            System.arraycopy(p, 0, b, o + 4, n);
            o += 4 + n;
        }
        return b;
    }

    /**
     * File layout: CRC-32C of the rest (8 bytes), the identity's length and the identity,
     * then the compiled tables.
     */
    private static Automaton read(Path file, byte[] id) {
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
        if (bb.getLong(0) != crc.getValue() || b.length < 12 + id.length || bb.getInt(8) != id.length
                || !Arrays.equals(b, 12, 12 + id.length, id, 0, id.length)) {
            return null;
        }
        int body = 12 + id.length;
        try {
            return Automaton.fromBytes(ByteBuffer.wrap(b, body, b.length - body).slice());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void write(Path file, byte[] id, Automaton a) {
        Path temp = null;
        try {
            Files.createDirectories(dir);
            byte[] body = a.toBytes();
            byte[] idLength = ByteBuffer.allocate(4).putInt(id.length).array();
            CRC32C crc = new CRC32C();
            crc.update(idLength);
            crc.update(id);
            crc.update(body);
            byte[] head = ByteBuffer.allocate(8).putLong(crc.getValue()).array();
            temp = Files.createTempFile(dir, "dict-", ".tmp");
            try (var out = Files.newOutputStream(temp)) {
                out.write(head);
                out.write(idLength);
                out.write(id);
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
     * Checksums (CRC-32C and CRC-32, with the length) of each class file and table that
     * decide what a compiled table contains; null (no caching) when they cannot be read as
     * resources.
     */
    private static byte[] engineFingerprint() {
        try {
            List<String> names = List.of("Automaton.class", "Automaton$Builder.class", "Normalizer.class", "normalizer.bin");
            ByteBuffer fp = ByteBuffer.allocate(names.size() * 12);
            for (String name : names) {
                try (InputStream in = Automaton.class.getResourceAsStream(name)) {
                    if (in == null) {
                        return null;
                    }
                    byte[] b = in.readAllBytes();
                    CRC32C c = new CRC32C();
                    c.update(b);
                    CRC32 d = new CRC32();
                    d.update(b);
                    fp.putInt(b.length).putInt((int) c.getValue()).putInt((int) d.getValue());
                }
            }
            return fp.array();
        } catch (IOException e) {
            return null;
        }
    }
}
