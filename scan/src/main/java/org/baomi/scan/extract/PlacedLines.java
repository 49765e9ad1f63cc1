package org.baomi.scan.extract;

/**
 * Text placed on a page run by run — an OFD text object, an XPS glyph run — joined into the lines
 * a reader sees.
 *
 * <p>Fixed-layout writers place text where it is drawn, often a character or a word at a time:
 * converters of 公文 to OFD write each character of a line as a text object of its own, and a
 * printer driver writes a run wherever the font or the spacing changes. One line per run would cut
 * {@code 机密★1年} into five lines, and the marking's ★期限 (or an English {@code SECRET} written
 * letter by letter) would no longer be one word. A run on the same baseline as the last, to the
 * right of where it started, continues its line — after a space when a gap of more than a word
 * space (three tenths of the font size) separates it from where the last run ends, which the
 * matcher ignores between Chinese characters — and a run elsewhere starts a new line.
 */
final class PlacedLines {
    private final StringBuilder sb = new StringBuilder();
    // The last run: its baseline, where it started and where it ends.
    private double lastY = Double.NaN;
    private double lastX = Double.NaN;
    private double lastRight = Double.NaN;

    /**
     * Starts a run at ({@code x}, {@code y}) in a font of {@code size}, which ends at {@code right}
     * (its ink or its glyphs' advance; the units are the page's, whatever they are), and returns
     * where its text is to be appended. A position that is unknown (NaN) starts a new line.
     */
    StringBuilder run(double x, double y, double size, double right) {
        separate(x, y, size);
        lastX = x;
        lastY = y;
        lastRight = right;
        return sb;
    }

    private void separate(double x, double y, double size) {
        if (sb.length() == 0 || sb.charAt(sb.length() - 1) == '\n') {
            return;
        }
        double tolerance = Math.max(size, 0.5) * 0.5;
        boolean sameLine = Math.abs(y - lastY) <= tolerance && x >= lastX - tolerance;
        if (!sameLine) { // also when any of them is NaN
            sb.append('\n');
        } else if (x - lastRight > Math.max(size, 0.5) * 0.3) {
            sb.append(' ');
        }
    }

    /** Text that is not placed (an annotation's remark), after the last run's. */
    StringBuilder append() {
        return sb;
    }

    /** Ends the current line: what follows starts a new one. */
    void breakLine() {
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
            sb.append('\n');
        }
    }

    String text() {
        return sb.toString();
    }
}
