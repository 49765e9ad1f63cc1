package org.baomi.scan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lettering drawn as outlines, as a PDF's watermark is: the drawings worth reading, which of them
 * look like a watermark, and the picture made for OCR (turned level, black on white). The outlines
 * are a real font's glyphs (the JDK's logical sans-serif font), in page space with y upwards.
 */
class LetteringTest {
    /** {@code text} set in a {@code size}-point font, turned {@code degrees} about (300, 400), y up. */
    private static Shape letters(String text, float size, double degrees) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(size);
        Shape glyphs = font.createGlyphVector(new FontRenderContext(null, true, true), text).getOutline();
        // Glyph outlines are y-down; a page is y-up.
        AffineTransform toPage = AffineTransform.getTranslateInstance(300, 400);
        toPage.rotate(Math.toRadians(degrees));
        toPage.scale(1, -1);
        return toPage.createTransformedShape(glyphs);
    }

    private static Lettering.Drawing drawing(boolean light, boolean filled, Shape... shapes) {
        Lettering.Drawing d = new Lettering.Drawing("paint", light, filled);
        for (Shape s : shapes) {
            d.add(s);
        }
        return d;
    }

    /** Bounds of the dark pixels. */
    private static Rectangle2D ink(BufferedImage image) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRaster().getSample(x, y, 0)) < 128) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? new Rectangle2D.Double() : new Rectangle2D.Double(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 30, 45, 90, -45, 315, 135})
    void aLineOfLettersIsTurnedLevel(double degrees) {
        Lettering.Drawing d = drawing(true, true, letters("CONFIDENTIAL", 72, degrees));
        assertThat(Lettering.watermarkLike(d, 24)).isTrue();
        Lettering.Picture p = Lettering.picture(d);
        assertThat(p).isNotNull();
        assertThat(p.line()).isTrue();
        // The first (32 px high) of the sizes drawn one under the other: long and low, as a line lies level.
        BufferedImage first = p.image().getSubimage(0, 0, p.image().getWidth(), 40 + 32 + 20);
        Rectangle2D ink = ink(first);
        assertThat(ink.getHeight()).isBetween(24.0, 36.0);
        assertThat(ink.getWidth() / ink.getHeight()).isGreaterThan(5);
        // Eight sizes and widths: the picture holds eight lines.
        assertThat(p.image().getHeight()).isGreaterThan(8 * (32 + 40));
    }

    @Test
    void onlyLargeLightFilledLettersAreTakenForAWatermark() {
        Shape big = letters("机密 SECRET", 72, 45);
        assertThat(Lettering.watermarkLike(drawing(true, true, big), 24)).isTrue();
        assertThat(Lettering.watermarkLike(drawing(false, true, big), 24)).as("dark: a title converted to curves").isFalse();
        assertThat(Lettering.watermarkLike(drawing(true, false, big), 24)).as("stroked").isFalse();
        assertThat(Lettering.watermarkLike(drawing(true, true, letters("SECRET", 12, 45)), 24)).as("small").isFalse();
        // A seal: a ring of two circles and letters around it, light and filled, but round.
        Shape ring = new BasicStroke(4).createStrokedShape(new Ellipse2D.Double(200, 300, 200, 200));
        Shape letter = letters("A", 40, 0);
        assertThat(Lettering.watermarkLike(drawing(true, true, ring, letter, letters("B", 40, 90), letters("C", 40, 180)), 24))
                .as("round").isFalse();
        // A chart's line: one piece.
        java.awt.geom.Path2D.Double curve = new java.awt.geom.Path2D.Double();
        curve.moveTo(0, 0);
        for (int i = 1; i < 100; i++) {
            curve.lineTo(i * 5, 50 + 20 * Math.sin(i / 5.0));
        }
        assertThat(Lettering.watermarkLike(drawing(true, true, new BasicStroke(30).createStrokedShape(curve)), 24))
                .as("one piece").isFalse();
    }

    @Test
    void gridsAndSmallDrawingsAreNotWorthReading() {
        List<Lettering.Drawing> all = new ArrayList<>();
        Lettering.Drawing grid = drawing(true, false);
        for (int i = 0; i < 30; i++) {
            grid.add(new Line2D.Double(0, i * 10, 300, i * 10));
            grid.add(new Line2D.Double(i * 10, 0, i * 10, 300));
        }
        all.add(grid);
        all.add(drawing(true, true, new Rectangle2D.Double(0, 0, 10, 10), new Ellipse2D.Double(0, 0, 5, 5)));
        Lettering.Drawing words = drawing(true, true, letters("TOP SECRET", 40, 20));
        all.add(words);
        assertThat(Lettering.worthReading(all)).containsExactly(words);
    }

    @Test
    void atMostThreeDrawingsAPageAreReadTheLargestFirst() {
        List<Lettering.Drawing> all = new ArrayList<>();
        for (String text : List.of("SSS", "SSSSS", "SSSSSSS", "SSSSSSSSS", "SSSSSSSSSSS")) {
            all.add(drawing(false, true, letters(text, 40, 0)));
        }
        List<Lettering.Drawing> kept = Lettering.worthReading(all);
        assertThat(kept).containsExactly(all.get(4), all.get(3), all.get(2));
    }

    @Test
    void aBlockWithoutALongAxisIsReadAsAPage() {
        // Three lines one under the other: no long axis.
        Shape a = letters("SECRET", 30, 0);
        Shape b = AffineTransform.getTranslateInstance(0, -40).createTransformedShape(a);
        Shape c = AffineTransform.getTranslateInstance(0, -80).createTransformedShape(a);
        Shape d2 = AffineTransform.getTranslateInstance(0, -120).createTransformedShape(a);
        Lettering.Picture p = Lettering.picture(drawing(false, true, a, b, c, d2));
        assertThat(p.line()).isFalse();
        // As drawn, at 300 dpi: four lines 40 points apart are over 500 pixels high.
        assertThat(ink(p.image()).getHeight()).isGreaterThan(300 / 72.0 * 120);
        assertThat(ink(p.image()).getHeight()).isGreaterThan(ink(p.image()).getWidth());
    }
}
