package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The names on a workbook's tabs are seen by anyone who opens it: a sheet named "（绝密）名单"
 * over cells that say nothing was passed as clean. They are read in xlsx, xls and ods and judged
 * as a file name is.
 */
class SheetNamesTest extends OneEngineTest {
    private Finding only(String name, byte[] data) throws Exception {
        FileResult r = top(name, data);
        assertThat(r.status()).as(name).isEqualTo(FileStatus.OK);
        List<Finding> markings = r.findings().stream().filter(f -> f.category() == Category.MARKING).toList();
        assertThat(markings).as(name).hasSize(1);
        return markings.get(0);
    }

    private static byte[] xlsx(String... sheets) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String s : sheets) {
                wb.createSheet(s).createRow(0).createCell(0).setCellValue("办公用品采购");
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] ods(String sheet) throws Exception {
        String content = "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>"
                + "<table:table table:name=\"" + sheet + "\"><table:table-row><table:table-cell><text:p>办公用品采购</text:p>"
                + "</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>";
        return TestCorpus.zip(new String[][] {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", content}});
    }

    @Test
    void aLevelSetApartInASheetsNameIsFound() throws Exception {
        Finding f = only("名单.xlsx", xlsx("说明", "（绝密）名单"));
        assertThat(f.text()).isEqualTo("绝密");
        assertThat(f.location()).isEqualTo("sheet name");
        assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(only("名单.xls", TestCorpus.xls("机密-名单", "办公用品采购")).location()).isEqualTo("sheet name");
        assertThat(only("名单.ods", ods("【秘密】通讯录")).location()).isEqualTo("sheet name");
    }

    @Test
    void aLevelInsideAWordOfASheetsNameIsLow() throws Exception {
        assertThat(only("制度.xlsx", xlsx("内部控制制度")).confidence()).isEqualTo(Confidence.LOW);
    }
}
