package org.baomi.scan.extract;

import com.pff.PSTAttachment;
import com.pff.PSTException;
import com.pff.PSTFile;
import com.pff.PSTFileContent;
import com.pff.PSTFolder;
import com.pff.PSTMessage;
import com.pff.PSTObject;
import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;

/**
 * Outlook data files (pst; also ost, Outlook's offline copy of a mailbox), read with java-libpst:
 * a unit's years of mail in one file, where a document sent or received by mail stays after it was
 * deleted from the disk. Each item — a message, an appointment, a contact, a task, a note — is
 * scanned as a file of its own under its folder's path as Outlook shows it, {@code 邮件.pst!/收件箱/项目/message 12.eml}:
 * it is written out as the RFC 822 message Outlook would export (subject, body, attachments, and
 * messages attached to it as {@code message/rfc822}) and read as any e-mail is ({@link
 * EmlExtractor}), so its attachments are read as files and a finding names the message it is in.
 * The folders' names are judged as a file name is ({@code folder name}: a folder "机密文件"
 * over harmless mail counts), the store's name is metadata.
 *
 * <p>An item or a folder the library cannot read (a damaged node) is passed over and counted:
 * the file stays {@code ok}, with how many were not read as its reason. A file in Outlook 2003's
 * "high encryption" is {@code unreadable}, with what to do; a file that is not an Outlook data file
 * of a version the library knows, or whose header is damaged, too.
 *
 * <p>java-libpst keeps one table of its name-to-id map in a static field that every file opened
 * writes to, so only one Outlook data file is read at a time (a lock; a second waits, and the wait
 * is not counted against its time limit); files of other formats are read beside it as before.
 */
public final class PstExtractor implements Extractor {
    private static final Session SESSION = Session.getInstance(new Properties());
    /** One Outlook data file at a time: java-libpst's name-to-id map is static (see the class comment). */
    private static final ReentrantLock LIBRARY = new ReentrantLock();
    /** Messages attached to messages are followed this deep (the engine's depth limit applies beyond). */
    private static final int MAX_EMBEDDED = 8;
    /** The node of the folder at the top of what Outlook shows (MS-PST 2.7.1: NID 0x8022, the IPM subtree). */
    private static final long IPM_SUBTREE = 0x8022;

    /** Items and folders that could not be read, and the first reason. */
    private int failedItems;
    private int failedFolders;
    private String firstFailure;

    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        long asked = System.nanoTime();
        LIBRARY.lockInterruptibly();
        ctx.waited(System.nanoTime() - asked);
        try (SeekableByteChannel channel = source.channel()) {
            read(open(new ChannelContent(channel)), ctx);
        } finally {
            LIBRARY.unlock();
        }
    }

    private static PSTFile open(PSTFileContent content) throws ExtractionProblem {
        try {
            return new PSTFile(content);
        } catch (PSTException | IOException | RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            if (m.startsWith("Only unencrypted")) {
                throw ExtractionProblem.unreadable("Outlook data file in \u201chigh encryption\u201d (an option of Outlook 2002"
                        + " and 2003), which this reader does not decode; Outlook opens it without a password: move its"
                        + " folders into a new data file (compressible encryption, as Outlook now makes them) and scan that");
            }
            if (m.startsWith("Unrecognised PST File version")) {
                throw ExtractionProblem.unreadable("Outlook data file of a version this reader does not know ("
                        + m.substring(m.lastIndexOf(' ') + 1) + ")");
            }
            throw damaged(e);
        }
    }

    private static ExtractionProblem damaged(Exception e) {
        return ExtractionProblem.unreadable("damaged or cut-short Outlook data file (" + e.getMessage()
                + "); Outlook's Inbox Repair Tool (scanpst.exe) may recover it");
    }

    private void read(PSTFile pst, ExtractionContext ctx) throws Exception {
        PSTFolder root;
        try {
            String store = pst.getMessageStore().getDisplayName();
            if (store != null && !store.isBlank()) {
                ctx.text(Location.of("metadata", Zone.METADATA), "data file name " + store.strip());
            }
            root = pst.getRootFolder();
        } catch (PSTException | IOException | RuntimeException e) {
            throw damaged(e); // without its store and root folder nothing of the file can be found
        }
        folder(shown(root), "", ctx);
        if (failedItems + failedFolders > 0) {
            String what = Stream.of(count(failedItems, "item"), count(failedFolders, "folder")).filter(c -> !c.isEmpty())
                    .collect(Collectors.joining(" and "));
            ctx.partlyRead(what + " of this Outlook data file could not be read (" + firstFailure
                    + "); Outlook's Inbox Repair Tool (scanpst.exe) may recover " + (failedItems + failedFolders == 1 ? "it" : "them"));
        }
    }

    /**
     * The folder whose folders Outlook's folder pane shows (the "IPM subtree", "Top of Outlook data
     * file" in the file, shown under the data file's name): paths start below it, and the file's
     * internal folders (the search root, saved views) are left out. A file without it is read from
     * its root.
     */
    private static PSTFolder shown(PSTFolder root) {
        try {
            for (PSTFolder f : root.getSubFolders()) {
                if (f.getDescriptorNodeId() == IPM_SUBTREE) {
                    return f;
                }
            }
        } catch (PSTException | IOException | RuntimeException unlisted) {
            // the root's folders cannot be listed: read from the root, which reports the failure
        }
        return root;
    }

    private void folder(PSTFolder folder, String path, ExtractionContext ctx) throws Exception {
        ctx.checkDeadline();
        if (folder.getNodeType() == PSTObject.NID_TYPE_SEARCH_FOLDER) {
            return; // a saved search: its results are messages kept in other folders, read there
        }
        try {
            if (folder.getContentCount() > 0) {
                items(folder, path, ctx);
            }
            if (!folder.hasSubfolders()) {
                return;
            }
            for (PSTFolder sub : folder.getSubFolders()) {
                String name = sub.getDisplayName() == null ? "" : sub.getDisplayName().strip();
                // A name with "/" (or "\\") in it is one folder, not two: shown with the full-width slash.
                String in = path + (name.isEmpty() ? "folder" : name.replace('/', '\uFF0F').replace('\\', '\uFF3C')) + "/";
                ctx.folders(in, true);
                folder(sub, in, ctx);
            }
        } catch (PSTException | IOException | RuntimeException e) {
            failure(true, "folder " + (path.isEmpty() ? "at the top" : path.substring(0, path.length() - 1)), e);
        }
    }

    private void items(PSTFolder folder, String path, ExtractionContext ctx) throws Exception {
        int count = folder.getContentCount();
        for (int i = 0; i < count; i++) {
            ctx.checkDeadline();
            PSTObject item;
            try {
                item = folder.getNextChild();
            } catch (PSTException | IOException | RuntimeException e) {
                failure(false, path + "item " + (i + 1), e);
                folder.moveChildCursorTo(i + 1); // the library stays on an item it cannot load
                continue;
            }
            if (item == null) {
                return;
            }
            if (item instanceof PSTMessage m) {
                String name = path + kind(m.getMessageClass()) + " " + (i + 1) + ".eml";
                try {
                    message(m, name, ctx);
                } catch (PSTException | IOException | MessagingException | RuntimeException e) {
                    failure(false, name, e);
                }
            }
        }
    }

    /** What an item is called, by its message class ({@code IPM.Note} a message, {@code IPM.Appointment} …). */
    static String kind(String messageClass) {
        String c = messageClass == null ? "" : messageClass.toLowerCase(Locale.ROOT);
        if (c.startsWith("ipm.appointment") || c.startsWith("ipm.schedule")) {
            return "appointment";
        }
        if (c.startsWith("ipm.contact") || c.startsWith("ipm.distlist")) {
            return "contact";
        }
        if (c.startsWith("ipm.task")) {
            return "task";
        }
        if (c.startsWith("ipm.stickynote")) {
            return "note";
        }
        if (c.startsWith("ipm.activity")) {
            return "journal entry";
        }
        return "message";
    }

    private static String count(int n, String what) {
        return n == 0 ? "" : n + " " + what + (n == 1 ? "" : "s");
    }

    private void failure(boolean folder, String what, Exception e) {
        if (folder) {
            failedFolders++;
        } else {
            failedItems++;
        }
        if (firstFailure == null) {
            firstFailure = what + ": " + e.getMessage();
        }
    }

    /** Writes the item out as an RFC 822 message and scans it as a file inside this one. */
    private static void message(PSTMessage m, String name, ExtractionContext ctx) throws Exception {
        MimeMessage mime = mime(m, 0);
        long attached = 0;
        for (int j = 0; j < m.getNumberOfAttachments(); j++) {
            try {
                attached += Math.max(0, m.getAttachment(j).getAttachSize());
            } catch (PSTException | IOException | RuntimeException unknown) {
                // its size is not known: it counts for nothing in choosing where to write
            }
        }
        if (attached * 4 / 3 < ctx.limits().maxInMemoryBytes()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mime.writeTo(out);
            ctx.nested(name, new ByteArrayInputStream(out.toByteArray()), out.size(), -1);
            return;
        }
        // Large attachments: the message is written to a temporary file, not held in memory.
        Path temp = Files.createTempFile("baomi-", ".eml");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                mime.writeTo(out);
            }
            try (InputStream in = Files.newInputStream(temp)) {
                ctx.nested(name, in, Files.size(temp), -1);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static MimeMessage mime(PSTMessage m, int depth) throws Exception {
        MimeMessage mime = new MimeMessage(SESSION);
        if (m.getSubject() != null && !m.getSubject().isBlank()) {
            mime.setSubject(m.getSubject(), "UTF-8");
        }
        Date sent = m.getClientSubmitTime() != null ? m.getClientSubmitTime() : m.getMessageDeliveryTime();
        if (sent != null) {
            mime.setSentDate(sent);
        }
        header(mime, "From", m.getSenderName(), m.getSenderEmailAddress());
        header(mime, "To", m.getDisplayTo(), null);
        header(mime, "Cc", m.getDisplayCC(), null);

        Body body = body(m);
        int attachments = m.getNumberOfAttachments();
        if (attachments == 0) {
            if (body != null) {
                body.into(mime);
            } else {
                mime.setText("", "UTF-8");
            }
            return mime;
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        if (body != null) {
            MimeBodyPart part = new MimeBodyPart();
            body.into(part);
            mixed.addBodyPart(part);
        }
        for (int j = 0; j < attachments; j++) {
            MimeBodyPart part = attachment(m.getAttachment(j), depth);
            if (part != null) {
                mixed.addBodyPart(part);
            }
        }
        mime.setContent(mixed);
        return mime;
    }

    /** A message's body, put into the message itself or into the first part beside its attachments. */
    @FunctionalInterface
    private interface Body {
        void into(MimePart part) throws MessagingException;
    }

    /** A sender's or the recipients' names as Outlook shows them (not parsed as addresses: Exchange's are not). */
    private static void header(MimeMessage mime, String header, String names, String address) throws Exception {
        String value = names == null || names.isBlank() ? "" : names.strip();
        if (address != null && !address.isBlank() && !address.strip().equals(value)) {
            value = value.isEmpty() ? address.strip() : value + " <" + address.strip() + ">";
        }
        if (!value.isEmpty()) {
            mime.setHeader(header, MimeUtility.fold(header.length() + 2, MimeUtility.encodeText(value, "UTF-8", null)));
        }
    }

    /**
     * The body as Outlook shows it: the HTML body with the plain one as its alternative; the
     * plain body alone; or, where Outlook kept only rich text (RTF), that, read as RTF is.
     */
    private static Body body(PSTMessage m) throws Exception {
        String plain = m.getBody();
        String html = m.getBodyHTML();
        boolean hasPlain = plain != null && !plain.isBlank();
        if (html != null && !html.isBlank()) {
            MimeMultipart alternative = new MimeMultipart("alternative");
            if (hasPlain) {
                MimeBodyPart p = new MimeBodyPart();
                p.setText(plain, "UTF-8", "plain");
                alternative.addBodyPart(p);
            }
            MimeBodyPart h = new MimeBodyPart();
            h.setText(html, "UTF-8", "html");
            alternative.addBodyPart(h);
            return part -> part.setContent(alternative);
        }
        if (hasPlain) {
            return part -> part.setText(plain, "UTF-8", "plain");
        }
        String rtf;
        try {
            rtf = m.getRTFBody();
        } catch (PSTException | IOException | RuntimeException undecodable) {
            rtf = null; // a rich-text body that does not decompress: the message's other parts are still read
        }
        if (rtf == null || rtf.isBlank()) {
            return null;
        }
        // RTF is 7-bit (every other character escaped as \\'hh or \\uN), so its characters are its bytes.
        byte[] bytes = rtf.getBytes(StandardCharsets.ISO_8859_1);
        return part -> {
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, "text/rtf")));
            part.setHeader("Content-Type", "text/rtf");
        };
    }

    private static MimeBodyPart attachment(PSTAttachment a, int depth) throws Exception {
        int method = a.getAttachMethod();
        MimeBodyPart part = new MimeBodyPart();
        if (method == PSTAttachment.ATTACHMENT_METHOD_EMBEDDED) {
            if (depth >= MAX_EMBEDDED) {
                return null;
            }
            PSTMessage embedded = a.getEmbeddedPSTMessage();
            if (embedded == null) {
                return null;
            }
            part.setContent(mime(embedded, depth + 1), "message/rfc822");
            return part;
        }
        if (method == PSTAttachment.ATTACHMENT_METHOD_NONE || method == PSTAttachment.ATTACHMENT_METHOD_BY_REFERENCE
                || method == PSTAttachment.ATTACHMENT_METHOD_BY_REFERENCE_RESOLVE
                || method == PSTAttachment.ATTACHMENT_METHOD_BY_REFERENCE_ONLY) {
            return null; // a link to a file elsewhere (a share, OneDrive): there is no copy in the data file
        }
        String name = first(a.getLongFilename(), a.getFilename(), a.getDisplayName(), "attachment");
        part.setDataHandler(new DataHandler(new AttachedData(a)));
        part.setFileName(MimeUtility.encodeText(name, "UTF-8", null));
        part.setDisposition(Part.ATTACHMENT);
        part.setHeader("Content-Transfer-Encoding", "base64"); // not chosen by reading the data once more
        return part;
    }

    private static String first(String... names) {
        for (String n : names) {
            if (n != null && !n.isBlank()) {
                return n.strip();
            }
        }
        return null;
    }

    /**
     * The data file as java-libpst reads it, through the source's channel: on disk in place, in
     * memory for a data file inside an archive. (The library's own in-memory reader returns bytes
     * over 0x7F from {@code read()} as negative numbers, and loses messages so.)
     */
    static final class ChannelContent extends PSTFileContent {
        private final SeekableByteChannel channel;
        private final ByteBuffer one = ByteBuffer.allocate(1);

        ChannelContent(SeekableByteChannel channel) {
            this.channel = channel;
        }

        @Override
        public void seek(long position) throws IOException {
            channel.position(position);
        }

        @Override
        public long getFilePointer() throws IOException {
            return channel.position();
        }

        @Override
        public int read() throws IOException {
            one.clear();
            return channel.read(one) <= 0 ? -1 : one.get(0) & 0xFF;
        }

        @Override
        public int read(byte[] target) throws IOException {
            ByteBuffer into = ByteBuffer.wrap(target);
            while (into.hasRemaining()) {
                if (channel.read(into) < 0) {
                    break;
                }
            }
            return into.position() == 0 && target.length > 0 ? -1 : into.position();
        }

        @Override
        public byte readByte() throws IOException {
            int b = read();
            if (b < 0) {
                throw new EOFException("the data file ends at " + channel.size() + " bytes");
            }
            return (byte) b;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** An attachment's data, read from the data file as the message is written out (not held in memory before). */
    private record AttachedData(PSTAttachment attachment) implements DataSource {
        @Override
        public InputStream getInputStream() throws IOException {
            try {
                return attachment.getFileInputStream();
            } catch (PSTException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("an attachment in an Outlook data file is read, not written");
        }

        @Override
        public String getContentType() {
            return "application/octet-stream";
        }

        @Override
        public String getName() {
            return "";
        }
    }
}
