package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * dBase/FoxPro tables as finance, personnel and archive systems export them, written here with
 * javadbf: a marking in a record is found, in GBK whether the header names the code page or not;
 * a file that only carries the name is not taken for one; a table cut short is read as far as it goes and says so.
 */
class DbfTest extends OneEngineTest {
    private static byte[] table(Charset charset) {
        DBFField id = new DBFField("BH", DBFDataType.NUMERIC, 6, 0);
        DBFField title = new DBFField("WJMC", DBFDataType.CHARACTER, 60);
        DBFField level = new DBFField("MJ", DBFDataType.CHARACTER, 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DBFWriter w = new DBFWriter(out, charset);
        w.setFields(new DBFField[] {id, title, level});
        w.addRecord(new Object[] {1, "办公用品采购清单", ""});
        w.addRecord(new Object[] {2, "关于2024年工作安排的通知", "机密★10年"});
        for (int i = 3; i < 200; i++) {
            w.addRecord(new Object[] {i, "会议通知第" + i + "号，请各单位按时参加", ""});
        }
        w.close();
        return out.toByteArray();
    }

    private static void markedInTable(FileResult r) {
        assertThat(r.status()).as(r.path() + " " + r.reason()).isEqualTo(FileStatus.OK);
        assertThat(r.mediaType()).isEqualTo("application/x-dbf");
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.text()).isEqualTo("机密★10年");
            assertThat(f.location()).isEqualTo("table");
            assertThat(f.context()).contains("关于2024年工作安排的通知");
        });
    }

    @Test
    void aMarkingInARecordIsFoundInTheCodePageTheHeaderNames() throws Exception {
        markedInTable(top("台账.dbf", table(Charset.forName("GBK"))));
    }

    @Test
    void aTableWhoseHeaderNamesNoCodePageIsDetected() throws Exception {
        byte[] data = table(Charset.forName("GBK"));
        data[29] = 0; // no language driver, as many exporters write it
        markedInTable(top("台账.DBF", data));
    }

    @Test
    void aTextFileNamedDbfIsReadAsText() throws Exception {
        FileResult r = top("notes.dbf", "机密\n会议记录\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.mediaType()).isEqualTo("text/plain");
    }

    @Test
    void aTableCutShortIsReadAsFarAsItGoesAndSaysSo() throws Exception {
        byte[] whole = table(Charset.forName("GBK"));
        FileResult r = top("cut.dbf", Arrays.copyOf(whole, whole.length / 2));
        assertThat(r.mediaType()).isEqualTo("application/x-dbf");
        assertThat(r.status()).isEqualTo(FileStatus.UNREADABLE);
        assertThat(r.reason()).contains("breaks off after record").contains("of the 199").contains("records before were scanned");
        // The marking in the second record, before the cut, is found.
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.text()).isEqualTo("机密★10年"));
    }
}
