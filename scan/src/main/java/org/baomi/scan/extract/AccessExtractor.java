package org.baomi.scan.extract;

import com.healthmarketscience.jackcess.Column;
import com.healthmarketscience.jackcess.DataType;
import com.healthmarketscience.jackcess.Database;
import com.healthmarketscience.jackcess.DatabaseBuilder;
import com.healthmarketscience.jackcess.PropertyMap;
import com.healthmarketscience.jackcess.Row;
import com.healthmarketscience.jackcess.Table;
import com.healthmarketscience.jackcess.TableMetaData;
import com.healthmarketscience.jackcess.complex.Attachment;
import com.healthmarketscience.jackcess.complex.ComplexValueForeignKey;
import com.healthmarketscience.jackcess.impl.DatabaseImpl;
import com.healthmarketscience.jackcess.impl.UnsupportedCodecException;
import com.healthmarketscience.jackcess.util.MemFileChannel;
import com.healthmarketscience.jackcess.util.OleBlob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;
import org.jsoup.Jsoup;

/**
 * Access databases (mdb: Access 97–2003; accdb: 2007 and later), as older management systems —
 * ledgers of documents, of personnel, of equipment — keep their data; read with Jackcess, read
 * only. Each table of the database's own (not a system table, not one linked from another file)
 * as {@code table NAME}: a line of its text columns' names, then a line per row of their values
 * (text and memo; numbers and dates are not words); the database's summary and custom
 * properties ({@code metadata}); files kept in the rows — an accdb's attachments, an OLE
 * object field's embedded document — scanned as files inside it ({@code 台账.mdb!/文件登记/附件.docx}).
 * A database encrypted with a password is {@code encrypted}.
 */
public final class AccessExtractor implements Extractor {
    /** Rows between deadline checks. */
    private static final int CHECK_EVERY = 256;
    /** Text handed on in pieces of about this many characters (a table of a million rows is not one string). */
    private static final int PIECE = 1 << 20;

    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        FileChannel channel = source instanceof Source.OnDisk disk
                ? FileChannel.open(disk.path(), StandardOpenOption.READ)
                : MemFileChannel.newChannel(new ByteArrayInputStream(source.bytes()), MemFileChannel.RO_CHANNEL_MODE);
        try (channel; Database db = open(channel)) {
            if (db.getFileFormat() == Database.FileFormat.V1997 && db instanceof DatabaseImpl jet3) {
                // Access 97 keeps text in the code page its header names (936 on a Chinese system), not in Unicode.
                jet3.setCharset(RtfExtractor.codePage(jet3.getDefaultCodePage() & 0xFFFF, Charset.forName("windows-1252")));
            }
            properties(db, ctx);
            for (TableMetaData meta : db.newTableMetaDataIterable()) {
                ctx.checkDeadline();
                if (meta.isSystem() || meta.isLinked()) {
                    continue; // a linked table's rows are in another file, which is scanned as itself
                }
                table(db.getTable(meta.getName()), ctx);
            }
        } catch (UnsupportedCodecException encrypted) {
            throw ExtractionProblem.encrypted("Access database encrypted with a database password");
        } catch (IOException | IllegalStateException | IllegalArgumentException | IndexOutOfBoundsException damaged) {
            // Jackcess's word for a page or catalogue it cannot follow: a damaged or cut-short file.
            throw ExtractionProblem.unreadable("damaged or cut-short Access database (" + damaged.getMessage()
                    + "); Access's Compact and Repair may recover it");
        }
    }

    private static Database open(FileChannel channel) throws IOException {
        return new DatabaseBuilder().setChannel(channel).setReadOnly(true).setAutoSync(false)
                // A damaged catalogue index (as compact-and-repair leaves some) does not hide the tables.
                .setIgnoreBrokenSystemCatalogIndex(true).open();
    }

    private static void properties(Database db, ExtractionContext ctx) throws IOException, ExtractionProblem {
        StringBuilder text = new StringBuilder();
        for (PropertyMap map : List.of(db.getSummaryProperties(), db.getUserDefinedProperties())) {
            for (PropertyMap.Property p : map) {
                if (p.getValue() instanceof String v && !v.isBlank()) {
                    text.append(p.getName()).append(' ').append(v.strip()).append('\n');
                }
            }
        }
        if (!text.isEmpty()) {
            ctx.text(Location.of("metadata", Zone.METADATA), text);
        }
    }

    private static void table(Table table, ExtractionContext ctx) throws IOException, ExtractionProblem {
        Location where = Location.body("table " + table.getName(), false);
        List<Column> text = new ArrayList<>();
        Set<Column> rich = new HashSet<>();
        List<Column> files = new ArrayList<>();
        for (Column c : table.getColumns()) {
            DataType type = c.getType();
            if (type == DataType.TEXT || type == DataType.MEMO) {
                text.add(c);
                if (c.getProperties().getValue(PropertyMap.TEXT_FORMAT_PROP) instanceof Number f && f.intValue() == 1) {
                    rich.add(c); // rich text: kept as HTML (<div><strong>机</strong>密</div>), read as what it shows
                }
            } else if (type == DataType.OLE || c.getComplexInfo() != null && c.getComplexInfo().getType()
                    == com.healthmarketscience.jackcess.complex.ComplexDataType.ATTACHMENT) {
                files.add(c);
            }
        }
        if (text.isEmpty() && files.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder();
        for (Column c : text) {
            out.append(out.isEmpty() ? "" : "\t").append(c.getName());
        }
        out.append('\n');
        int rows = 0;
        for (Row row : table) {
            if (++rows % CHECK_EVERY == 0) {
                ctx.checkDeadline();
            }
            int start = out.length();
            for (Column c : text) {
                Object v = row.get(c.getName());
                if (v instanceof String s && !s.isBlank()) {
                    out.append(out.length() == start ? "" : "\t").append(rich.contains(c) ? Jsoup.parse(s).text() : s.strip());
                }
            }
            if (out.length() > start) {
                out.append('\n');
            }
            if (out.length() >= PIECE) {
                ctx.text(where, out);
                out.setLength(0);
            }
            for (Column c : files) {
                files(table.getName(), c, row, ctx);
            }
        }
        if (!out.isEmpty()) {
            ctx.text(where, out);
        }
    }

    /** The files a row keeps in {@code column}: attachments (accdb) or an OLE object, each scanned as a file. */
    private static void files(String table, Column column, Row row, ExtractionContext ctx) throws IOException, ExtractionProblem {
        Object v = row.get(column.getName());
        if (v instanceof ComplexValueForeignKey key) {
            for (Attachment a : key.getAttachments()) {
                byte[] data = a.getFileData();
                if (data != null && data.length > 0) {
                    String name = a.getFileName() != null ? a.getFileName() : "attachment." + a.getFileType();
                    ctx.nested(table + "/" + name, new ByteArrayInputStream(data), data.length, data.length);
                }
            }
        } else if (v instanceof byte[] bytes && bytes.length > 0) {
            try (OleBlob blob = OleBlob.Builder.fromInternalData(bytes)) {
                OleBlob.Content content = blob.getContent();
                if (content instanceof OleBlob.EmbeddedContent embedded) {
                    // A packaged file by its name; an embedded document (a Word or Excel storage) by its field and kind.
                    String name = content instanceof OleBlob.SimplePackageContent p && p.getFileName() != null
                            ? p.getFileName()
                            : column.getName() + (content instanceof OleBlob.PackageContent p && p.getClassName() != null
                            ? " (" + p.getClassName().strip() + ")" : "");
                    try (InputStream in = embedded.getStream()) {
                        ctx.nested(table + "/" + name, in, embedded.length(), embedded.length());
                    }
                }
            } catch (IOException | RuntimeException damaged) {
                // A field that is not an OLE object Access wrote (a bare picture, damaged bytes): not a file.
            }
        }
    }
}
