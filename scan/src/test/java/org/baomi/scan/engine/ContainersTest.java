package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baomi.scan.engine.TestCorpus.docx;
import static org.baomi.scan.engine.TestCorpus.tar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream;
import org.apache.commons.compress.compressors.snappy.FramedSnappyCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.baomi.scan.extract.MetafilesTest;
import org.junit.jupiter.api.Test;

/**
 * Containers a Linux desktop and a mail program leave: a tar compressed with bzip2 or xz (as on
 * the 信创 desktops units move to), LZ4 and Snappy frames, cpio and ar archives; a Thunderbird
 * folder (an mbox named {@code Inbox}, no extension) and a message saved without .eml; a WMF or
 * EMF picture on its own. Each was "not a document format the scanner reads", or read as plain
 * text — an attachment in base64 unread.
 */
class ContainersTest extends OneEngineTest {
    private static final String MARKED = "关于年度考核的通知\n机密★10年\n";

    private interface Wrap {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] compress(byte[] data, Wrap how) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = how.wrap(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static boolean marked(List<FileResult> all, String path) {
        return all.stream().anyMatch(r -> r.path().equals(path) && r.status() == FileStatus.OK
                && r.findings().stream().anyMatch(f -> f.level().equals("机密")));
    }

    @Test
    void aTarCompressedWithBzip2OrXzIsReadToItsMembers() throws Exception {
        byte[] tar = tar("材料/方案.docx", docx("机密★10年", null, null, null, null));
        List<FileResult> bz = engine.scan("备份.tar.bz2", compress(tar, BZip2CompressorOutputStream::new));
        assertThat(bz.get(bz.size() - 1).mediaType()).isEqualTo("application/x-bzip2");
        assertThat(marked(bz, "备份.tar.bz2!/备份.tar!/材料/方案.docx")).as(bz.toString()).isTrue();
        List<FileResult> xz = engine.scan("备份.txz", compress(tar, XZCompressorOutputStream::new));
        assertThat(xz.get(xz.size() - 1).mediaType()).isEqualTo("application/x-xz");
        assertThat(marked(xz, "备份.txz!/备份.tar!/材料/方案.docx")).as(xz.toString()).isTrue();
    }

    @Test
    void lz4AndSnappyFramesAreRead() throws Exception {
        byte[] text = MARKED.getBytes(StandardCharsets.UTF_8);
        List<FileResult> lz4 = engine.scan("通知.txt.lz4", compress(text, FramedLZ4CompressorOutputStream::new));
        assertThat(marked(lz4, "通知.txt.lz4!/通知.txt")).as(lz4.toString()).isTrue();
        List<FileResult> sz = engine.scan("通知.txt.sz", compress(text, FramedSnappyCompressorOutputStream::new));
        assertThat(marked(sz, "通知.txt.sz!/通知.txt")).as(sz.toString()).isTrue();
    }

    @Test
    void cpioAndArArchivesAreReadToTheirMembers() throws Exception {
        byte[] text = MARKED.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream cpio = new ByteArrayOutputStream();
        try (CpioArchiveOutputStream out = new CpioArchiveOutputStream(cpio, CpioArchiveOutputStream.FORMAT_NEW,
                CpioArchiveOutputStream.BLOCK_SIZE, "UTF-8")) {
            CpioArchiveEntry e = new CpioArchiveEntry("通知.txt", text.length);
            out.putArchiveEntry(e);
            out.write(text);
            out.closeArchiveEntry();
        }
        assertThat(marked(engine.scan("root.cpio", cpio.toByteArray()), "root.cpio!/通知.txt")).isTrue();
        ByteArrayOutputStream ar = new ByteArrayOutputStream();
        try (ArArchiveOutputStream out = new ArArchiveOutputStream(ar)) {
            out.putArchiveEntry(new ArArchiveEntry("notice.txt", text.length));
            out.write(text);
            out.closeArchiveEntry();
        }
        assertThat(marked(engine.scan("pack.a", ar.toByteArray()), "pack.a!/notice.txt")).isTrue();
    }

    /** A Thunderbird folder: three messages, the second with a marked docx attached in base64. */
    private static byte[] inbox() throws IOException {
        String attachment = Base64.getMimeEncoder().encodeToString(docx("机密★10年", null, null, null, null));
        String mbox = "From - Sat Nov 22 01:02:03 2026\n"
                + "X-Mozilla-Status: 0001\nFrom: a@example.com\nTo: b@example.com\nSubject: lunch\nDate: Sat, 22 Nov 2026 01:02:03 +0800\n\n"
                + "See you at noon.\n\n"
                // Not escaped, as Thunderbird leaves it: no date, so no new message.
                + "From the start of next week the canteen opens at 11.\n"
                + ">From a quoted line.\n\n"
                + "From - Sat Nov 22 02:03:04 2026\n"
                + "From: c@example.com\nTo: b@example.com\nSubject: plan\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\n\n"
                + "--b1\nContent-Type: text/plain; charset=utf-8\n\nThe plan is attached.\n"
                + "--b1\nContent-Type: application/octet-stream; name=\"plan.docx\"\n"
                + "Content-Disposition: attachment; filename=\"plan.docx\"\nContent-Transfer-Encoding: base64\n\n"
                + attachment + "\n--b1--\n\n"
                + "From - Sun Nov 23 09:00:00 2026\n"
                + "From: d@example.com\nTo: b@example.com\nSubject: thanks\n\nThank you.\n";
        return mbox.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aThunderbirdFolderIsReadMessageByMessageAttachmentsIncluded() throws Exception {
        List<FileResult> all = engine.scan("Inbox", inbox());
        FileResult box = all.get(all.size() - 1);
        assertThat(box.mediaType()).isEqualTo("application/mbox");
        assertThat(box.status()).isEqualTo(FileStatus.OK);
        assertThat(all).extracting(FileResult::path).contains("Inbox!/message 1.eml", "Inbox!/message 2.eml",
                "Inbox!/message 3.eml").doesNotContain("Inbox!/message 4.eml");
        assertThat(marked(all, "Inbox!/message 2.eml!/plan.docx")).as(all.toString()).isTrue();
    }

    @Test
    void aMessageSavedWithoutItsExtensionIsReadAsMail() throws Exception {
        // As a mail program saves it: From first (a server's copy would start with Received:).
        String mail = "From: a@example.com\nTo: b@example.com\nSubject: plan\nDate: Sat, 22 Nov 2026 01:02:03 +0800\n"
                + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain\n\n"
                + "Attached.\n--b1\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"plan.docx\"\n"
                + "Content-Transfer-Encoding: base64\n\n"
                + Base64.getMimeEncoder().encodeToString(docx("机密★10年", null, null, null, null)) + "\n--b1--\n";
        List<FileResult> all = engine.scan("0000123", mail.getBytes(StandardCharsets.UTF_8));
        assertThat(all.get(all.size() - 1).mediaType()).isEqualTo("message/rfc822");
        assertThat(marked(all, "0000123!/plan.docx")).as(all.toString()).isTrue();
        // Prose that begins with a word and a colon is still text.
        FileResult prose = top("note", "Note: the meeting moved.\nAgenda: budget\nRoom: 3\n\n机密★10年\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(prose.mediaType()).isEqualTo("text/plain");
    }

    @Test
    void aMetafileOnItsOwnIsReadByTheTextItDraws() {
        FileResult r = top("表格.emf", MetafilesTest.ansiEmf(true, "机密★10年"));
        assertThat(r.mediaType()).isEqualTo("image/emf");
        assertThat(r.status()).isEqualTo(FileStatus.OK);
        assertThat(r.findings()).anyMatch(f -> f.level().equals("机密") && f.location().equals("picture"));
    }
}
