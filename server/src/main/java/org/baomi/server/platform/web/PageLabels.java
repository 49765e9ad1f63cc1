package org.baomi.server.platform.web;

import org.baomi.core.ChinaTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.baomi.core.assessment.Text;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * What a page's template asks of the object the controller puts in its model as {@code labels}:
 * bilingual texts in the reader's language, times and points written one way on every page. A
 * controller whose pages need more (a heat class, an event's kind) extends it.
 */
public class PageLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A standard's text in the page's language. */
    public String text(Text t) {
        return t == null ? "" : english() ? t.en() : t.zh();
    }

    public String text(String zh, String en) {
        return english() ? en : zh;
    }

    public boolean english() {
        Locale l = LocaleContextHolder.getLocale();
        return l != null && "en".equals(l.getLanguage());
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(ChinaTime.ZONE));
    }

    /** Points without trailing zeros: 2.5, 3, 0.5. */
    public String points(BigDecimal p) {
        return p == null ? "" : p.stripTrailingZeros().toPlainString();
    }
}
