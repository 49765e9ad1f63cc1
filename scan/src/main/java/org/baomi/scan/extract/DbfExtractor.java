package org.baomi.scan.extract;

import com.linuxense.javadbf.DBFCharsetHelper;
import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFException;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFReader;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.baomi.scan.engine.Location;
import org.baomi.scan.text.Charsets;

/**
 * dBase and FoxPro tables (dbf), as finance, personnel, archive and census systems still export
 * their data: a line of the character fields' names, then a line per record of their values,
 * as {@code table}. The text is in the code page the header's language driver names (0x4D, 0x7A:
 * 936, GBK, read as GB18030; 0x78: Big5); where it names none, as many Chinese exporters leave it,
 * the charset is detected from the records' bytes. A memo field is read when its memo file
 * ({@code .fpt}, {@code .dbt}) sits beside the table on disk. Read with javadbf.
 */
public final class DbfExtractor implements Extractor {
    /** Records between deadline checks. */
    private static final int CHECK_EVERY = 1024;
    /** Text handed on in pieces of about this many characters. */
    private static final int PIECE = 1 << 20;
    /** Bytes of records sampled to detect a charset the header does not name. */
    private static final int SAMPLE = 64 << 10;

    private static final int LANGUAGE_DRIVER = 29;

    /**
     * Whether {@code head} (the first {@code n} bytes of a file of {@code size} bytes, named
     * {@code name}) is a dbf table: the name says so and the header adds up — a known version, a
     * date, a header that fits the file and a record length.
     */
    static boolean isDbf(byte[] head, int n, long size, String name) {
        if (!name.toLowerCase(Locale.ROOT).endsWith(".dbf") || n < 32) {
            return false;
        }
        int version = head[0] & 0xFF;
        boolean known = switch (version) {
            case 0x02, 0x03, 0x04, 0x05, 0x30, 0x31, 0x32, 0x43, 0x63, 0x83, 0x8B, 0x8E, 0xCB, 0xE5, 0xF5, 0xFB -> true;
            default -> false;
        };
        int month = head[2];
        int day = head[3];
        long records = (head[4] & 0xFFL) | (head[5] & 0xFFL) << 8 | (head[6] & 0xFFL) << 16 | (head[7] & 0xFFL) << 24;
        int headerLength = (head[8] & 0xFF) | (head[9] & 0xFF) << 8;
        int recordLength = (head[10] & 0xFF) | (head[11] & 0xFF) << 8;
        return known && month >= 1 && month <= 12 && day >= 1 && day <= 31 && headerLength >= 33 && recordLength >= 1
                && records >= 0 && headerLength <= size; // records cut short are the reader's to report
    }

    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        Charset charset = charset(source);
        try (InputStream in = new BufferedInputStream(source.open(), 1 << 16);
             DBFReader reader = new DBFReader(in, charset, false)) {
            File memo = memoFile(source);
            if (memo != null) {
                reader.setMemoFile(memo);
            }
            List<Integer> text = new ArrayList<>();
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < reader.getFieldCount(); i++) {
                DBFField f = reader.getField(i);
                DBFDataType type = f.getType();
                if (type == DBFDataType.CHARACTER || type == DBFDataType.VARCHAR || memo != null && type == DBFDataType.MEMO) {
                    text.add(i);
                    out.append(out.isEmpty() ? "" : "\t").append(f.getName());
                }
            }
            if (text.isEmpty()) {
                return;
            }
            out.append('\n');
            Location where = Location.body("table", true);
            Object[] record;
            int records = 0;
            while ((record = next(reader, records, out, where, ctx)) != null) {
                if (++records % CHECK_EVERY == 0) {
                    ctx.checkDeadline();
                }
                int start = out.length();
                for (int i : text) {
                    if (record[i] instanceof String s && !s.isBlank()) {
                        out.append(out.length() == start ? "" : "\t").append(s.strip());
                    }
                }
                if (out.length() > start) {
                    out.append('\n');
                }
                if (out.length() >= PIECE) {
                    ctx.text(where, out);
                    out.setLength(0);
                    where = Location.body("table", false);
                }
            }
            if (!out.isEmpty()) {
                ctx.text(where, out);
            }
        } catch (DBFException damaged) {
            throw ExtractionProblem.unreadable("damaged dbf table: " + (damaged.getMessage() != null ? damaged.getMessage()
                    : "its field descriptions cannot be read"));
        }
    }

    /**
     * The next record, or null after the last; a table that breaks off (cut short, damaged) has
     * the text read so far handed on and is then unreadable, saying how far it was read.
     */
    private static Object[] next(DBFReader reader, int read, StringBuilder out, Location where, ExtractionContext ctx)
            throws ExtractionProblem {
        try {
            return reader.nextRecord();
        } catch (DBFException broken) {
            if (!out.isEmpty()) {
                ctx.text(where, out);
                out.setLength(0);
            }
            throw ExtractionProblem.unreadable("the dbf table breaks off after record " + read + " of the "
                    + reader.getRecordCount() + " its header counts (cut short or damaged); the records before were scanned");
        }
    }

    /** The charset the header's language driver names, else one detected from the first records' bytes. */
    private static Charset charset(Source source) throws java.io.IOException {
        byte[] sample;
        try (InputStream in = source.open()) {
            sample = in.readNBytes(SAMPLE);
        }
        int driver = sample.length > LANGUAGE_DRIVER ? sample[LANGUAGE_DRIVER] & 0xFF : 0;
        Charset named = driver == 0 ? null : DBFCharsetHelper.getCharsetByByte(driver);
        if (named != null) {
            // GBK (936) as GB18030, its superset, as browsers and the rest of the scanner read it.
            Charset label = Charsets.forLabel(named.name());
            return label != null ? label : named;
        }
        int headerLength = sample.length > 9 ? (sample[8] & 0xFF) | (sample[9] & 0xFF) << 8 : 0;
        if (headerLength >= sample.length) {
            return Charset.forName("GB18030");
        }
        byte[] records = java.util.Arrays.copyOfRange(sample, headerLength, sample.length);
        Charset detected = Charsets.detect(records, records.length);
        return detected != null ? detected : Charset.forName("GB18030");
    }

    /** The memo file beside a table on disk ({@code x.fpt} or {@code x.dbt}, any case), or null. */
    private static File memoFile(Source source) {
        if (!(source instanceof Source.OnDisk disk) || disk.path().getParent() == null) {
            return null;
        }
        String name = disk.path().getFileName().toString();
        String base = name.substring(0, name.length() - ".dbf".length());
        try (var siblings = Files.list(disk.path().getParent())) {
            return siblings.filter(p -> {
                String n = p.getFileName().toString();
                return n.equalsIgnoreCase(base + ".fpt") || n.equalsIgnoreCase(base + ".dbt");
            }).findFirst().map(Path::toFile).orElse(null);
        } catch (java.io.IOException unlisted) {
            return null;
        }
    }
}
