package org.baomi.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tar member's name is read in the charset its bytes are in: GBK from 7-Zip or an older tool on
 * a Chinese system (read as UTF-8 before, "机密★10年名单.txt" became U+FFFD and its marking was
 * never judged), UTF-8 from Linux and macOS, a pax header's UTF-8, Latin-1 otherwise.
 */
class TarMemberNamesTest extends OneEngineTest {
    private static final byte[] PLAIN = "内容：一般工作安排。\n".getBytes(StandardCharsets.UTF_8);

    private static byte[] tar(String encoding, boolean pax, String... names) throws Exception {
        return TestCorpus.tar(encoding, pax, PLAIN, names);
    }

    private List<String> paths(String name, byte[] tar) {
        return engine.scan(name, tar).stream().map(FileResult::path).toList();
    }

    @Test
    void gbkNamesAreReadAsGbkAndJudged() throws Exception {
        List<FileResult> all = engine.scan("备份.tar", tar("GBK", false, "资料/机密★10年名单.txt", "资料/通知.txt"));
        assertThat(all).extracting(FileResult::path).contains("备份.tar!/资料/机密★10年名单.txt", "备份.tar!/资料/通知.txt");
        assertThat(all.get(0).findings()).anyMatch(f -> f.level().equals("机密") && f.location().equals("file name"));
    }

    @Test
    void latin1NamesStayLatin1() throws Exception {
        assertThat(paths("a.tar", tar("ISO-8859-1", false, "Über.txt", "Café.txt"))).contains("a.tar!/Über.txt",
                "a.tar!/Café.txt");
    }

    @Test
    void utf8AndPaxNamesAreUnchanged() throws Exception {
        assertThat(paths("u.tar", tar("UTF-8", false, "秘密★5年.txt", "Über.txt"))).contains("u.tar!/秘密★5年.txt",
                "u.tar!/Über.txt");
        assertThat(paths("p.tar", tar("US-ASCII", true, "机密.txt", "Über.txt", "Ärger.txt"))).contains("p.tar!/机密.txt",
                "p.tar!/Über.txt", "p.tar!/Ärger.txt");
    }
}
