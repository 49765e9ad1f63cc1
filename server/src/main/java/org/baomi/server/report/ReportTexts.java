package org.baomi.server.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The report bundle in one language, with the formatting every report shares. */
final class ReportTexts {

    private final MessageSource messages;
    private final Locale locale;

    ReportTexts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    String date(LocalDate date) {
        return DateTimeFormatter.ofPattern(get("report.date.pattern"), locale).format(date);
    }

    String points(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** The sub-heading number for a 1-based position: 一 二 三 in Chinese, a b c in English. */
    String subNumber(int position) {
        String[] numerals = get("report.numerals").split(",");
        return position <= numerals.length ? numerals[position - 1].strip() : Integer.toString(position);
    }

    /** Joins fragments the way the language lists things: 甲、乙、丙 / a, b and c. */
    String list(List<String> fragments) {
        if (fragments.size() <= 1) {
            return String.join("", fragments);
        }
        String separator = get("report.list.separator");
        String last = get("report.list.last");
        return String.join(separator, fragments.subList(0, fragments.size() - 1)) + last
                + fragments.get(fragments.size() - 1);
    }

    /** The officer's text as paragraphs: one per non-blank line. */
    static List<ReportDocument.Block> paragraphs(String text) {
        List<ReportDocument.Block> blocks = new ArrayList<>();
        Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .forEach(line -> blocks.add(new ReportDocument.Paragraph(line)));
        return blocks;
    }
}
