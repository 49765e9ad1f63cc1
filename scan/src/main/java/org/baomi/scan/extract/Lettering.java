package org.baomi.scan.extract;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Words drawn as outlines over a page that has text of its own: a 机密 watermark, which
 * LibreOffice and other writers put into a PDF as filled outlines, turned 45° across the page,
 * light grey behind the text; a title converted to curves above typed text. Read with the page,
 * such a watermark is lost under the words, and Tesseract reads lines turned by multiples of 90°
 * only. So the outlines of one drawing (one paint, drawn one after the other) are taken apart
 * from the page, drawn black on white and read alone (ADR 0117, amendment 2).
 *
 * <p>A drawing longer than it is high is a line of lettering: it is turned along its long axis
 * (the principal axis of its ink), pointing right, so that a line rising or falling to the right
 * lies level and upright. Tesseract reads a line of two or three large characters alone badly and
 * unevenly — a size or a width that reads 机密 reads 秘密 as 和 or nothing, and fontwork
 * watermarks are drawn narrower or wider than the font — so the line is drawn in several sizes and
 * widths, one under the other, and read in one run: one of them is read (measured on LibreOffice's
 * watermarks 机密, 秘密, 绝密, 内部, 内部资料, 工作秘密, 机密★10年, CONFIDENTIAL and TOP SECRET at
 * 0°, 30°, 45°, 90° and 315°, where no single size read them all). Any other drawing (a block of
 * lines, a single character) is read as a page is, at 300 dpi.
 */
final class Lettering {
    /** Segments (lines and curves) a drawing needs to be worth reading: a couple of characters' worth. */
    static final int MIN_SEGMENTS = 40;

    /** Heights of a line in the picture read, in pixels. */
    private static final double[] LINE_PX = {32, 44};

    /** Widths of a line in the picture read, against its drawn width. */
    private static final double[] WIDEN = {1, 1.25, 1.5, 1.75};

    /** White between the lines of the picture read, in pixels. */
    private static final int GAP = 40;

    /** Resolution a block is read at, as a page is. */
    private static final double BLOCK_DPI = 300;

    /** A picture read is at most this wide (a banner across a poster is read at a smaller size). */
    private static final int MAX_WIDTH = 4000;

    /** Long side of the small picture the drawing's axis is measured on. */
    private static final double SAMPLE_PX = 256;

    /** The drawings read on one page at most, the largest first: each costs a Tesseract run. */
    static final int MAX_PER_PAGE = 3;

    private Lettering() {
    }

    /** A drawing: outlines in page space, y growing upwards (PDF, OFD after its own flip). */
    static final class Drawing {
        private final List<Shape> shapes = new ArrayList<>();
        private int segments;
        private final Object key;
        private final boolean light;
        private final boolean filled;
        private int pieces;

        /**
         * {@code light}: drawn in a light or a see-through paint, as watermarks are; {@code filled}:
         * outlines filled (a watermark's letters), not lines stroked (a chart's curve).
         */
        Drawing(Object key, boolean light, boolean filled) {
            this.key = key;
            this.light = light;
            this.filled = filled;
        }

        Object key() {
            return key;
        }

        void add(Shape outline) {
            shapes.add(outline);
            for (PathIterator it = outline.getPathIterator(null); !it.isDone(); it.next()) {
                int type = it.currentSegment(new double[6]);
                if (type == PathIterator.SEG_MOVETO) {
                    pieces++;
                } else if (type != PathIterator.SEG_CLOSE) {
                    segments++;
                }
            }
        }

        int segments() {
            return segments;
        }

        /** The drawing's {@link Axis}, measured once, when the drawing is complete. */
        private Axis axis;
        private boolean measured;
    }

    /**
     * The drawings among {@code all} worth reading: enough segments, not only straight lines
     * along the page's axes (rules, frames, a table's grid), the largest {@link #MAX_PER_PAGE}.
     */
    static List<Drawing> worthReading(List<Drawing> all) {
        List<Drawing> kept = new ArrayList<>();
        for (Drawing d : all) {
            if (d.segments >= MIN_SEGMENTS && !axisLines(d)) {
                kept.add(d);
            }
        }
        kept.sort((a, b) -> Integer.compare(b.segments, a.segments));
        return kept.size() > MAX_PER_PAGE ? new ArrayList<>(kept.subList(0, MAX_PER_PAGE)) : kept;
    }

    /** Whether every segment of the drawing runs along an axis: a grid or frames, no lettering. */
    private static boolean axisLines(Drawing d) {
        double[] c = new double[6];
        for (Shape s : d.shapes) {
            double x = 0;
            double y = 0;
            for (PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
                int type = it.currentSegment(c);
                if (type == PathIterator.SEG_QUADTO || type == PathIterator.SEG_CUBICTO) {
                    return false;
                }
                if (type == PathIterator.SEG_LINETO && Math.abs(c[0] - x) > 0.01 && Math.abs(c[1] - y) > 0.01) {
                    return false;
                }
                if (type != PathIterator.SEG_CLOSE) {
                    x = c[0];
                    y = c[1];
                }
            }
        }
        return true;
    }

    /**
     * The drawing made ready for OCR, black on white, grey: a line turned level and drawn in
     * several sizes one under the other ({@code line}: read as a block of lines of text), or a
     * block drawn as a page at 300 dpi. Null when it is too small to hold words or too large to
     * read.
     */
    record Picture(BufferedImage image, boolean line) {
    }

    /**
     * The drawing's shape: the turn that lays its long axis level (pointing right) and its bounds
     * so turned, or, for a drawing without a long axis, no turn and its bounds (y down).
     */
    private record Axis(AffineTransform turn, Rectangle2D box, boolean line) {
    }

    /** Null when the drawing holds no ink to speak of; measured once (both a watermark's test and its picture need it). */
    private static Axis axis(Drawing d) {
        if (!d.measured) {
            d.axis = measure(d);
            d.measured = true;
        }
        return d.axis;
    }

    private static Axis measure(Drawing d) {
        // Principal axis of the drawing's ink (its area, not its outlines' points, which crowd
        // where the curves are), from a small picture of it, in picture orientation (y down).
        AffineTransform flip = AffineTransform.getScaleInstance(1, -1);
        Rectangle2D bounds = bounds(d.shapes, flip);
        if (bounds == null || bounds.getWidth() < 4 && bounds.getHeight() < 4) {
            return null;
        }
        double small = SAMPLE_PX / Math.max(bounds.getWidth(), bounds.getHeight());
        int sw = Math.max(1, (int) Math.ceil(bounds.getWidth() * small));
        int sh = Math.max(1, (int) Math.ceil(bounds.getHeight() * small));
        AffineTransform toSample = AffineTransform.getScaleInstance(small, small);
        toSample.translate(-bounds.getX(), -bounds.getY());
        toSample.concatenate(flip);
        byte[] px = ((java.awt.image.DataBufferByte) draw(d.shapes, toSample, sw, sh).getRaster().getDataBuffer()).getData();
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                double ink = (255 - (px[y * sw + x] & 0xff)) / 255.0;
                n += ink;
                sx += ink * x;
                sy += ink * y;
                sxx += ink * x * x;
                syy += ink * y * y;
                sxy += ink * x * y;
            }
        }
        if (n < 3) {
            return null;
        }
        double mx = sx / n;
        double my = sy / n;
        double cxx = sxx / n - mx * mx;
        double cyy = syy / n - my * my;
        double cxy = sxy / n - mx * my;
        double spread = Math.sqrt(Math.pow(cxx - cyy, 2) + 4 * cxy * cxy);
        double major = (cxx + cyy + spread) / 2;
        double minor = (cxx + cyy - spread) / 2;
        if (minor > 0 && major / minor < 2) {
            return new Axis(flip, bounds, false);
        }
        double angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy); // in (-90°, 90°]: the axis pointing right
        AffineTransform turn = AffineTransform.getRotateInstance(Math.abs(angle) < Math.toRadians(2) ? 0 : -angle);
        turn.concatenate(flip);
        return new Axis(turn, bounds(d.shapes, turn), true);
    }

    /**
     * Whether the drawing is lettering laid across a page as a watermark is: a line of characters
     * at least {@code minHeight} high (in the page's units), filled in a light or see-through paint.
     * A seal (round), a logo (no line), a title converted to curves (dark), a chart's curve (a
     * line stroked) are not.
     */
    static boolean watermarkLike(Drawing d, double minHeight) {
        if (!d.light || !d.filled || d.pieces < 3) {
            return false; // letters are filled outlines of several pieces, not a line drawn
        }
        Axis axis = axis(d);
        return axis != null && axis.line && axis.box.getHeight() >= minHeight;
    }

    /** The drawing made ready for OCR ({@link Picture}); null when there is nothing to read or it is too large. */
    static Picture picture(Drawing d) {
        Axis axis = axis(d);
        if (axis == null) {
            return null;
        }
        Rectangle2D box = axis.box;
        if (!axis.line) {
            // No long axis: a block of lines, or a character alone, read as a page.
            double scale = BLOCK_DPI / 72;
            int w = (int) Math.ceil(box.getWidth() * scale) + 2 * GAP;
            int h = (int) Math.ceil(box.getHeight() * scale) + 2 * GAP;
            if ((long) w * h > Ocr.MAX_PIXELS) {
                return null;
            }
            AffineTransform place = AffineTransform.getTranslateInstance(GAP, GAP);
            place.scale(scale, scale);
            place.translate(-box.getX(), -box.getY());
            place.concatenate(axis.turn);
            return new Picture(draw(d.shapes, place, w, h), false);
        }
        if (box.getWidth() < 4 || box.getHeight() < 1) {
            return null;
        }
        // Each size and width one under the other, GAP apart.
        List<AffineTransform> places = new ArrayList<>();
        int width = 0;
        int height = GAP;
        for (double linePx : LINE_PX) {
            for (double widen : WIDEN) {
                double scale = Math.min(linePx / box.getHeight(), MAX_WIDTH / (box.getWidth() * widen));
                AffineTransform place = AffineTransform.getTranslateInstance(GAP, height);
                place.scale(scale * widen, scale);
                place.translate(-box.getX(), -box.getY());
                place.concatenate(axis.turn);
                places.add(place);
                width = Math.max(width, (int) Math.ceil(box.getWidth() * scale * widen) + 2 * GAP);
                height += (int) Math.ceil(box.getHeight() * scale) + GAP;
            }
        }
        if ((long) width * height > Ocr.MAX_PIXELS) {
            return null;
        }
        BufferedImage image = blank(width, height);
        for (AffineTransform place : places) {
            fill(image, d.shapes, place);
        }
        return new Picture(image, true);
    }

    /** Bounds of the shapes through {@code at}; null when there are none. */
    private static Rectangle2D bounds(List<Shape> shapes, AffineTransform at) {
        Rectangle2D box = null;
        for (Shape s : shapes) {
            Rectangle2D r = at.createTransformedShape(s).getBounds2D();
            box = box == null ? r : box.createUnion(r);
        }
        return box;
    }

    /**
     * The shapes, each filled by its own rule (a character's counters are holes), black on white
     * through {@code at}, in a grey picture of {@code w} × {@code h}: light grey or transparent on
     * the page, black here.
     */
    private static BufferedImage draw(List<Shape> shapes, AffineTransform at, int w, int h) {
        BufferedImage image = blank(w, h);
        fill(image, shapes, at);
        return image;
    }

    private static BufferedImage blank(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void fill(BufferedImage image, List<Shape> shapes, AffineTransform at) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.transform(at);
            g.setColor(Color.BLACK);
            for (Shape s : shapes) {
                g.fill(s);
            }
        } finally {
            g.dispose();
        }
    }
}
