package org.baomi.scan.extract;

import com.github.junrar.Archive;
import com.github.junrar.exception.RarException;
import com.github.junrar.rarfile.FileHeader;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.baomi.scan.text.Charsets;
import org.apache.commons.compress.PasswordRequiredException;

/**
 * zip, tar, gzip, 7z, bzip2, xz, compress, LZ4, Snappy, cpio, ar (Commons Compress) and rar
 * (junrar, RAR4 only): every member is scanned as a file.
 */
public final class ArchiveExtractor implements Extractor {
    private final Format format;

    public ArchiveExtractor(Format format) {
        this.format = format;
    }

    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        switch (format) {
            case ZIP -> zip(source, ctx);
            case TAR -> tar(source.open(), ctx);
            case GZIP -> gzip(source, ctx);
            case SEVEN_Z -> sevenZ(source, ctx);
            case RAR -> rar(source, ctx);
            case BZIP2, XZ, UNIX_COMPRESS, LZ4, SNAPPY -> compressed(source, ctx);
            case CPIO, AR -> unixArchive(source, ctx);
            default -> throw new IllegalArgumentException(format.name());
        }
    }

    private static void zip(Source source, ExtractionContext ctx) throws Exception {
        ZipFile opened;
        try {
            opened = ZipFile.builder().setSeekableByteChannel(source.channel()).get();
        } catch (java.io.IOException e) {
            if (!cutShort(source)) {
                throw e;
            }
            salvage(source, ctx);
            return;
        }
        try (ZipFile zip = opened) {
            boolean encrypted = false;
            Charset names = legacyNames(zip);
            for (Enumeration<ZipArchiveEntry> en = zip.getEntries(); en.hasMoreElements(); ) {
                ZipArchiveEntry e = en.nextElement();
                ctx.checkDeadline();
                String name = name(e, names);
                ctx.folders(name, e.isDirectory());
                if (e.isDirectory()) {
                    continue;
                }
                if (e.getGeneralPurposeBit().usesEncryption()) {
                    encrypted = true;
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    ctx.nested(name, in, e.getSize(), e.getCompressedSize());
                }
            }
            if (encrypted) {
                throw ExtractionProblem.encrypted("zip has password-protected members");
            }
        }
    }

    private static final Charset CP437 = Charset.forName("IBM437");

    /**
     * The charset of the zip's member names that carry neither the UTF-8 flag nor a Unicode path
     * field ({@link Charsets#ofNames}): on a Chinese Windows they are GBK, which Commons Compress
     * read as IBM437 — "机密★10年名单.txt" became "╗·├▄í∩10─Ω├√╡Ñ.txt", a marking in a member's
     * name was never found and the report showed the garble.
     */
    static Charset legacyNames(ZipFile zip) {
        java.util.List<byte[]> raw = new java.util.ArrayList<>();
        for (Enumeration<ZipArchiveEntry> en = zip.getEntries(); en.hasMoreElements(); ) {
            ZipArchiveEntry e = en.nextElement();
            if (e.getNameSource() == ZipArchiveEntry.NameSource.NAME) {
                raw.add(e.getRawName());
            }
        }
        return Charsets.ofNames(raw, CP437);
    }

    /** A member's name: as the zip says it (UTF-8 flag, Unicode path field), else its bytes in {@code legacy}. */
    static String name(ZipArchiveEntry e, Charset legacy) {
        byte[] raw = e.getRawName();
        if (e.getNameSource() != ZipArchiveEntry.NameSource.NAME || raw == null) {
            return e.getName();
        }
        return new String(raw, legacy);
    }

    /**
     * Whether a zip file lacks the directory a zip ends with (the end-of-central-directory record,
     * within its last 64 KiB): a file cut short, by an interrupted copy or download, a full disk.
     */
    static boolean cutShort(Source source) throws java.io.IOException {
        return endDisk(source) < 0;
    }

    /**
     * The number of the disk (the part, from 0) that the end-of-central-directory record in the
     * last 64 KiB of {@code source} says it is on; -1 when there is no such record. The last part
     * of a split zip (x.z01, x.z02, …, x.zip) says 1 or more.
     */
    static int endDisk(Source source) throws java.io.IOException {
        long size = source.size();
        int tail = (int) Math.min(size, 65_557);
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(tail);
        try (java.nio.channels.SeekableByteChannel ch = source.channel()) {
            ch.position(size - tail);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // read the tail
            }
        }
        byte[] b = buf.array();
        for (int i = buf.position() - 22; i >= 0; i--) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
                return (b[i + 4] & 0xFF) | (b[i + 5] & 0xFF) << 8;
            }
        }
        return -1;
    }

    /**
     * A zip cut short, read from its start as far as it goes (each member's own header comes
     * before its data): the members before the cut are scanned, and the file is reported
     * {@code unreadable}, saying so — a truncated copy of a marked document still holds the
     * marking, and a .docx cut short is read here as the zip it is.
     */
    private static void salvage(Source source, ExtractionContext ctx) throws Exception {
        int read = 0;
        String cut = null;
        try (InputStream raw = source.open();
             org.apache.commons.compress.archivers.zip.ZipArchiveInputStream zip =
                     new org.apache.commons.compress.archivers.zip.ZipArchiveInputStream(new BufferedInputStream(raw),
                             "UTF-8", true, true)) {
            ZipArchiveEntry e;
            while ((e = zip.getNextEntry()) != null) {
                ctx.checkDeadline();
                String name = name(e, Charsets.ofNames(java.util.List.of(e.getRawName()), CP437));
                ctx.folders(name, e.isDirectory());
                if (e.isDirectory() || e.getGeneralPurposeBit().usesEncryption() || !zip.canReadEntryData(e)) {
                    continue;
                }
                ctx.nested(name, zip, e.getSize(), e.getCompressedSize());
                read++;
            }
        } catch (java.io.IOException | RuntimeException end) {
            if (Bounded.problemIn(end) != null) {
                throw end;
            }
            cut = end.getMessage();
        }
        throw ExtractionProblem.unreadable("the zip is cut short: the directory it ends with is missing (an interrupted copy"
                + " or download?); " + (read == 0 ? "no member could be read before the cut"
                : read + (read == 1 ? " member before the cut was scanned" : " members before the cut were scanned"))
                + (cut == null ? "" : " (" + cut + ")"));
    }

    private static void tar(InputStream raw, ExtractionContext ctx) throws Exception {
        try (HeaderNames tar = new HeaderNames(new BufferedInputStream(raw))) {
            ArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                ctx.checkDeadline();
                String name = tar.decided(e.getName());
                ctx.folders(name, e.isDirectory());
                if (!e.isDirectory() && tar.canReadEntryData(e)) {
                    ctx.nested(name, tar, e.getSize(), -1);
                }
            }
        }
    }

    /**
     * A tar read with its members' names decided as a zip's are. A name in the header block (or a GNU
     * long name) is bytes in whatever charset the tool wrote: UTF-8 from Linux and macOS, GBK from
     * 7-Zip or an older tool on a Chinese system (read as UTF-8, "机密★10年名单.txt" was U+FFFD and its
     * marking never judged). They are read as ISO-8859-1, byte for byte, and decided by
     * {@link Charsets#ofNames}. A name from a pax header is UTF-8 by the standard and kept: it is
     * the one that differs from what the header block says.
     */
    private static final class HeaderNames extends TarArchiveInputStream {
        private byte[] header;
        private byte[] longName;
        private byte[] longNameOfEntry;

        HeaderNames(InputStream in) {
            super(in, "ISO-8859-1");
        }

        @Override
        protected byte[] readRecord() throws java.io.IOException {
            byte[] record = super.readRecord();
            if (record != null && record.length > 156 && record[156] != 'L' && record[156] != 'x' && record[156] != 'X'
                    && record[156] != 'g' && record[0] != 0) {
                header = record.clone();
                longNameOfEntry = longName;
                longName = null;
            }
            return record;
        }

        @Override
        protected byte[] getLongNameData() throws java.io.IOException {
            byte[] data = super.getLongNameData();
            longName = data == null ? null : data.clone();
            return data;
        }

        /** The member's name, {@code read} as ISO-8859-1 unless a pax header gave it. */
        String decided(String read) {
            if (read.chars().allMatch(c -> c < 0x80) || read.chars().anyMatch(c -> c > 0xFF)
                    || !stripSlash(new String(headerName(), java.nio.charset.StandardCharsets.ISO_8859_1)).equals(stripSlash(read))) {
                return read; // ASCII, or from a pax header
            }
            byte[] bytes = read.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            return new String(bytes, Charsets.ofNames(java.util.List.of(bytes), java.nio.charset.StandardCharsets.ISO_8859_1));
        }

        /** What the header block (ustar prefix and name) or the GNU long name before it says. */
        private byte[] headerName() {
            if (longNameOfEntry != null) {
                return trimNul(longNameOfEntry, 0, longNameOfEntry.length);
            }
            if (header == null) {
                return new byte[0];
            }
            byte[] name = trimNul(header, 0, 100);
            boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                    && header[261] == 'r' && header[262] == 0;
            byte[] prefix = ustar ? trimNul(header, 345, 155) : new byte[0];
            if (prefix.length == 0) {
                return name;
            }
            byte[] joined = java.util.Arrays.copyOf(prefix, prefix.length + 1 + name.length);
            joined[prefix.length] = '/';
            System.arraycopy(name, 0, joined, prefix.length + 1, name.length);
            return joined;
        }

        private static byte[] trimNul(byte[] b, int from, int max) {
            int end = from;
            while (end < from + max && end < b.length && b[end] != 0) {
                end++;
            }
            return java.util.Arrays.copyOfRange(b, from, end);
        }

        private static String stripSlash(String s) {
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }
    }

    private static void gzip(Source source, ExtractionContext ctx) throws Exception {
        try (InputStream in = source.open();
             GzipCompressorInputStream gz = new GzipCompressorInputStream(new BufferedInputStream(in), true)) {
            String name = gz.getMetaData().getFileName();
            if (name == null || name.isBlank()) {
                name = source.name().replaceFirst("(?i)\\.(t?gz|gzip)$", "");
                if (source.name().toLowerCase().endsWith(".tgz")) {
                    name = name + ".tar";
                }
            }
            // The member is buffered by nested() within the limits, so a .tar.gz is read as a tar.
            ctx.nested(name, gz, -1, source.size());
        }
    }

    /**
     * A single compressed file: the file it holds, named as the compressed one without its
     * extension ({@code notes.txt.bz2} holds {@code notes.txt}; {@code a.tbz2}, {@code a.txz},
     * {@code a.taz} hold {@code a.tar}, read in turn as the tar it is).
     */
    private void compressed(Source source, ExtractionContext ctx) throws Exception {
        try (InputStream raw = new BufferedInputStream(source.open());
             InputStream in = switch (format) {
                 case BZIP2 -> new org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream(raw, true);
                 case XZ -> new org.apache.commons.compress.compressors.xz.XZCompressorInputStream(raw, true, XZ_MEMORY_KIB);
                 case UNIX_COMPRESS -> new org.apache.commons.compress.compressors.z.ZCompressorInputStream(raw, Z_MEMORY_KIB);
                 case LZ4 -> new org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream(raw, true);
                 default -> new org.apache.commons.compress.compressors.snappy.FramedSnappyCompressorInputStream(raw);
             }) {
            ctx.nested(uncompressedName(source.name()), in, -1, source.size());
        } catch (org.apache.commons.compress.MemoryLimitException e) {
            throw new ExtractionProblem(org.baomi.scan.engine.FileStatus.TOO_LARGE, (format == Format.XZ ? "xz" : "compress (.Z)")
                    + " data that asks for more memory than the " + (format == Format.XZ ? XZ_MEMORY_KIB : Z_MEMORY_KIB) / 1024
                    + " MiB allowed to decompress it (damaged, or made to exhaust memory)");
        }
    }

    /**
     * Memory a decompressor may ask for, so that a header claiming more (a crafted .Z made the JVM
     * run out of memory) is refused as a limit: xz -9 needs 64 MiB; compress's codes fit in 1 MiB.
     */
    private static final int XZ_MEMORY_KIB = 96 << 10;
    private static final int Z_MEMORY_KIB = 1 << 10;

    /** The name of the file a compressed file holds, by the conventions of gzip, bzip2, xz and compress. */
    static String uncompressedName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String tar : new String[] {".tbz2", ".tbz", ".tb2", ".txz", ".taz", ".tz", ".tlz4"}) {
            if (lower.endsWith(tar)) {
                return name.substring(0, name.length() - tar.length()) + ".tar";
            }
        }
        for (String ext : new String[] {".bz2", ".bz", ".xz", ".z", ".lz4", ".sz"}) {
            if (lower.endsWith(ext) && name.length() > ext.length()) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name + ".out";
    }

    /** A cpio or ar archive: every member, as from a tar. */
    private void unixArchive(Source source, ExtractionContext ctx) throws Exception {
        try (InputStream raw = new BufferedInputStream(source.open());
             org.apache.commons.compress.archivers.ArchiveInputStream<?> archive = format == Format.CPIO
                     ? new org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream(raw, "UTF-8") // as Linux names files
                     : new org.apache.commons.compress.archivers.ar.ArArchiveInputStream(raw)) {
            ArchiveEntry e;
            while ((e = archive.getNextEntry()) != null) {
                ctx.checkDeadline();
                ctx.folders(e.getName(), e.isDirectory());
                if (!e.isDirectory() && archive.canReadEntryData(e) && e.getSize() != 0) {
                    ctx.nested(e.getName(), archive, e.getSize(), -1);
                }
            }
        }
    }

    private static void sevenZ(Source source, ExtractionContext ctx) throws Exception {
        try (SevenZFile z = SevenZFile.builder().setSeekableByteChannel(source.channel()).get()) {
            SevenZArchiveEntry e;
            while ((e = z.getNextEntry()) != null) {
                ctx.checkDeadline();
                ctx.folders(e.getName(), e.isDirectory());
                if (!e.isDirectory() && e.hasStream()) {
                    ctx.nested(e.getName(), z.getInputStream(e), e.getSize(), -1);
                }
            }
        } catch (PasswordRequiredException e) {
            throw ExtractionProblem.encrypted("7z archive is password-protected");
        }
    }

    private static void rar(Source source, ExtractionContext ctx) throws Exception {
        try (InputStream in = source.open(); Archive rar = new Archive(in)) {
            if (rar.isEncrypted()) {
                throw ExtractionProblem.encrypted("rar archive is password-protected");
            }
            FileHeader h;
            while ((h = rar.nextFileHeader()) != null) {
                ctx.checkDeadline();
                ctx.folders(h.getFileName(), h.isDirectory());
                if (h.isDirectory()) {
                    continue;
                }
                if (h.isEncrypted()) {
                    throw ExtractionProblem.encrypted("rar member " + h.getFileName() + " is password-protected");
                }
                try (InputStream member = rar.getInputStream(h)) {
                    ctx.nested(h.getFileName(), member, h.getFullUnpackSize(), h.getFullPackSize());
                }
            }
        } catch (com.github.junrar.exception.UnsupportedRarV5Exception e) {
            // Not damaged: a format no maintained Java library reads (junrar reads RAR4). Said so.
            throw new ExtractionProblem(org.baomi.scan.engine.FileStatus.SKIPPED,
                    "a RAR5 archive, which the scanner does not read (RAR4 only): extract it and scan the folder");
        } catch (RarException e) {
            throw ExtractionProblem.unreadable("rar: " + e.getClass().getSimpleName());
        }
    }
}
