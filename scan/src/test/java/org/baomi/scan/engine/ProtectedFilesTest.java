package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baomi.scan.engine.TestCorpus.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;

/**
 * Files a document-security system protects (ADR 0119) are {@code encrypted}, with what protects
 * them, and not passed over as "not a document" or as corrupt: transparent encryption (透明加密:
 * the name kept, the content ciphertext behind a header of the system's own), Information Rights
 * Management in Office, PDF rights-management plug-ins and certificate encryption.
 */
class ProtectedFilesTest extends OneEngineTest {
    /** {@code plain} encrypted with AES-128 in counter mode behind {@code header}, as such systems write a file. */
    static byte[] transparentlyEncrypted(byte[] header, byte[] plain) throws Exception {
        Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec("0123456789abcdef".getBytes(StandardCharsets.US_ASCII), "AES"),
                new IvParameterSpec(new byte[16]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header);
        out.write(aes.doFinal(plain));
        return out.toByteArray();
    }

    /** A 512-byte header that starts with the system's name, then zeros and a few fields, as E-SafeNet's does. */
    static byte[] namedHeader(String name) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, h, 0, n.length);
        h[64] = 1;
        h[68] = 0x10;
        return h;
    }

    @Test
    void aTransparentlyEncryptedDocumentIsEncryptedWithWhyNotSkipped() throws Exception {
        byte[] docx = docx("机密★10年\n正文", "页眉", "页脚", "批注", "标题");
        FileResult r = top("绝密★长期-方案.docx", transparentlyEncrypted(namedHeader("E-SafeNet\0\0\0LOCK"), docx));
        assertThat(r.status()).isEqualTo(FileStatus.ENCRYPTED);
        assertThat(r.reason()).contains("named .docx").contains("look random").contains("“E-SafeNet”").contains("透明加密");
        assertThat(r.mediaType()).isEqualTo("application/octet-stream");
        assertThat(r.findings()).as("its name is still read").anyMatch(f -> f.location().equals("file name") && f.text().contains("绝密"));
    }

    @Test
    void encryptionWithoutAHeaderAndWithABinaryOneIsTold() throws Exception {
        FileResult pptx = top("汇报.pptx", transparentlyEncrypted(new byte[0], pptx("机密", "正文")));
        assertThat(pptx.status()).isEqualTo(FileStatus.ENCRYPTED);
        assertThat(pptx.reason()).contains("named .pptx").doesNotContain("begins");
        byte[] binaryHeader = new byte[1024];
        for (int i = 0; i < binaryHeader.length; i++) {
            binaryHeader[i] = (byte) (i % 7 == 0 ? 0x5C ^ i : 0);
        }
        FileResult xls = top("名单.xls", transparentlyEncrypted(binaryHeader, xls("名单", "机密")));
        assertThat(xls.status()).isEqualTo(FileStatus.ENCRYPTED);
        // Encrypted text files too (no NUL byte in the ciphertext's first 8 KiB would make them "text").
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append("机密★10年 关于内部资料管理的通知。");
        }
        FileResult txt = top("通知.txt", transparentlyEncrypted(new byte[0], text.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(txt.status()).isEqualTo(FileStatus.ENCRYPTED);
    }

    @Test
    void anEncryptedMemberOfAnArchiveIsEncryptedAndTheArchiveGoesOn() throws Exception {
        byte[] locked = transparentlyEncrypted(namedHeader("DG_FILE VER 3.0"), docx("机密", null, null, null, null));
        byte[] archive = zipOfMany(new String[] {"方案.docx", "说明.txt"}, new byte[][] {locked, "内部资料 说明".getBytes(StandardCharsets.UTF_8)});
        List<FileResult> results = engine.scan("发文.zip", archive);
        assertThat(results).anyMatch(r -> r.path().equals("发文.zip!/方案.docx") && r.status() == FileStatus.ENCRYPTED
                && r.reason().contains("“DG_FILE VER 3.0”"));
        assertThat(results).anyMatch(r -> r.path().equals("发文.zip!/说明.txt") && r.status() == FileStatus.OK && !r.findings().isEmpty());
    }

    @Test
    void aFileNamedAsADocumentInAnUnknownFormatIsUnreadableWithItsFirstBytes() {
        byte[] program = new byte[6000];
        program[0] = 'M';
        program[1] = 'Z';
        byte[] words = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(words, 0, program, 78, words.length);
        FileResult r = top("方案.doc", program);
        assertThat(r.status()).isEqualTo(FileStatus.UNREADABLE);
        assertThat(r.reason()).contains("named .doc").contains("no format the scanner knows").contains("4D 5A 00 00");
        // The same bytes under a name that says nothing of a document: a format the scanner does not read.
        assertThat(top("setup.exe", program).status()).isEqualTo(FileStatus.SKIPPED);
    }

    @Test
    void randomBytesUnderAnotherNameAreStillSkipped() {
        byte[] bin = new byte[5000];
        new java.util.Random(7).nextBytes(bin);
        FileResult r = top("data.bin", bin);
        assertThat(r.status()).isEqualTo(FileStatus.SKIPPED);
        assertThat(r.reason()).isEqualTo("not a document format the scanner reads");
    }

    /** An OOXML package protected by IRM: an EncryptedPackage and the DRM data space, no EncryptionInfo. */
    @Test
    void aRightsManagedOfficeDocumentIsEncryptedAndSaysSo() throws Exception {
        byte[] irm = rightsManaged(new POIFSFileSystem(), "EncryptedPackage", "DRMEncryptedDataSpace", "DRMEncryptedTransform");
        FileResult r = top("机要.docx", irm);
        assertThat(r.status()).isEqualTo(FileStatus.ENCRYPTED);
        assertThat(r.reason()).contains("rights-managed").contains("IRM");
        FileResult locked = top("locked.docx", encryptedDocx(docx("机密", null, null, null, null)));
        assertThat(locked.status()).isEqualTo(FileStatus.ENCRYPTED);
        assertThat(locked.reason()).isEqualTo("password-protected Office document");
    }

    /**
     * A binary Office document protected by IRM keeps a placeholder in its usual streams (what
     * an old Office shows: "this document has restricted permissions"); that placeholder is not
     * the document, and reading it would pass the file as read. Here the placeholder holds a
     * marking, so a reader that took it for the document would report the file ok with a finding.
     */
    @Test
    void aRightsManagedBinaryDocumentIsNotReadThroughItsPlaceholder() throws Exception {
        byte[] irm = rightsManaged(new POIFSFileSystem(new ByteArrayInputStream(xls("说明", "机密★10年 受限权限文档"))),
                "\u0009DRMContent", "\u0009DRMDataSpace", "\u0009DRMTransform");
        FileResult r = top("预算.xls", irm);
        assertThat(r.status()).isEqualTo(FileStatus.ENCRYPTED);
        assertThat(r.reason()).contains("rights-managed");
        assertThat(r.findings()).noneMatch(f -> f.location().startsWith("sheet"));
    }

    /**
     * {@code fs} with the IRM data space added (MS-OFFCRYPTO): the protected content in stream
     * {@code content}, the data space {@code dataSpace} and the transform {@code transform}, as
     * Office writes an OOXML package ({@code EncryptedPackage}, {@code DRMEncrypted…}) or a binary
     * document ({@code \u0009DRMContent}, {@code \u0009DRM…}) under rights management.
     */
    static byte[] rightsManaged(POIFSFileSystem fs, String content, String dataSpace, String transform) throws Exception {
        try (fs; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), content);
            DirectoryEntry spaces = fs.getRoot().createDirectory("\u0006DataSpaces");
            spaces.createDocument("Version", new ByteArrayInputStream(new byte[64]));
            spaces.createDirectory("DataSpaceInfo").createDocument(dataSpace, new ByteArrayInputStream(new byte[64]));
            spaces.createDirectory("TransformInfo").createDirectory(transform)
                    .createDocument("\u0006Primary", new ByteArrayInputStream(new byte[64]));
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    @Test
    void aPdfProtectedByARightsPlugInOrToCertificatesIsEncrypted() {
        for (String filter : List.of("Adobe.APS", "FOPN_foweb")) {
            FileResult r = top("通报.pdf", pdfEncryptedWith(filter, ""));
            assertThat(r.status()).as(filter).isEqualTo(FileStatus.ENCRYPTED);
            assertThat(r.reason()).contains("rights-management plug-in (" + filter + ")");
        }
        FileResult r = top("通报.pdf", pdfEncryptedWith("Adobe.PubSec", "/SubFilter /adbe.pkcs7.s4 /Recipients [<3082>] "));
        assertThat(r.status()).isEqualTo(FileStatus.ENCRYPTED);
        assertThat(r.reason()).contains("encrypted to certificates");
    }

    /** A one-page PDF whose trailer names an encryption dictionary with {@code filter}: what such a plug-in writes, up to its data. */
    static byte[] pdfEncryptedWith(String filter, String more) {
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
                "<< /Length 10 >>\nstream\n0123456789\nendstream",
                "<< /Filter /" + filter + " /V 2 /R 3 /Length 128 " + more + ">>");
        StringBuilder pdf = new StringBuilder("%PDF-1.6\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) {
            pdf.append(String.format("%010d 00000 n \n", o));
        }
        String id = "<0123456789abcdef0123456789abcdef>";
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R /Encrypt 5 0 R /ID [")
                .append(id).append(id).append("] >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] zipOfMany(String[] names, byte[][] contents) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < names.length; i++) {
                zip.putNextEntry(new java.util.zip.ZipEntry(names[i]));
                zip.write(contents[i]);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
