package org.baomi.scan.extract;

import java.awt.BasicStroke;
import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * What a PDF page draws besides its text and pictures: how many curved segments (a page of
 * words drawn as curves, text converted to curves, has many; rules and frames none), and, when
 * asked, the outlines themselves in page space, grouped into {@linkplain Lettering.Drawing
 * drawings} — paths filled or stroked one after the other in the same colour and opacity (a
 * watermark's characters, a logo, a seal), for OCR to read apart from the page.
 *
 * <p>The glyphs of Type 3 fonts are procedures of paths too, but they are the page's text (read
 * as text): they are not followed.
 */
final class PdfDrawings extends PDFGraphicsStreamEngine {
    /** Curved segments that make a page without text a drawing of words: a few characters' worth. */
    static final int CURVES = 24;

    /** Segments kept at most on a page (a map drawn in vectors is not lettering to read). */
    private static final int MAX_SEGMENTS = 200_000;

    private final boolean collect;
    private final GeneralPath path = new GeneralPath();
    private final List<Lettering.Drawing> drawings = new ArrayList<>();
    private Lettering.Drawing current;
    private int curves;
    private int kept;

    private PdfDrawings(PDPage page, boolean collect) {
        super(page);
        this.collect = collect;
    }

    /** Whether {@code page} draws words in curves (enough curved segments). */
    static boolean outlined(PDPage page) {
        PdfDrawings d = new PdfDrawings(page, false);
        d.follow(page);
        return d.curves >= CURVES;
    }

    /** The drawings of {@code page} worth reading by OCR ({@link Lettering#worthReading}). */
    static List<Lettering.Drawing> lettering(PDPage page) {
        PdfDrawings d = new PdfDrawings(page, true);
        d.follow(page);
        return Lettering.worthReading(d.drawings);
    }

    private void follow(PDPage page) {
        try {
            processPage(page);
        } catch (IOException | RuntimeException e) {
            // A drawing that cannot be followed to its end: judged by what was drawn before.
        }
    }

    @Override
    protected void showType3Glyph(Matrix textRenderingMatrix, PDType3Font font, int code, Vector displacement) {
    }

    @Override
    public void moveTo(float x, float y) {
        if (collect) {
            path.moveTo(x, y);
        }
    }

    @Override
    public void lineTo(float x, float y) {
        if (collect) {
            path.lineTo(x, y);
        }
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        curves++;
        if (collect) {
            path.curveTo(x1, y1, x2, y2, x3, y3);
        }
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        if (collect) {
            path.moveTo(p0.getX(), p0.getY());
            path.lineTo(p1.getX(), p1.getY());
            path.lineTo(p2.getX(), p2.getY());
            path.lineTo(p3.getX(), p3.getY());
            path.closePath();
        }
    }

    @Override
    public Point2D getCurrentPoint() {
        Point2D p = collect ? path.getCurrentPoint() : null;
        return p != null ? p : new Point2D.Float();
    }

    @Override
    public void closePath() {
        if (collect && path.getCurrentPoint() != null) {
            path.closePath();
        }
    }

    @Override
    public void endPath() {
        path.reset();
    }

    @Override
    public void strokePath() {
        if (collect) {
            float width = Math.max(getGraphicsState().getLineWidth(), 0.5f) * scaleOfCtm();
            keep("S", getGraphicsState().getStrokingColor(), getGraphicsState().getAlphaConstant(),
                    new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND).createStrokedShape(path));
        }
        path.reset();
    }

    @Override
    public void fillPath(int windingRule) {
        if (collect) {
            path.setWindingRule(windingRule);
            keep("F", getGraphicsState().getNonStrokingColor(), getGraphicsState().getNonStrokeAlphaConstant(),
                    (GeneralPath) path.clone());
        }
        path.reset();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        fillPath(windingRule);
    }

    @Override
    public void clip(int windingRule) {
    }

    @Override
    public void drawImage(PDImage pdImage) {
    }

    @Override
    public void shadingFill(COSName shadingName) {
    }

    /** Adds an outline to the drawing of its paint, starting a new one when the paint changes. */
    private void keep(String how, PDColor colour, double alpha, java.awt.Shape outline) {
        if (kept > MAX_SEGMENTS) {
            return;
        }
        String key = how + Arrays.toString(colour.getComponents())
                + (colour.getColorSpace() == null ? "" : colour.getColorSpace().getName()) + alpha;
        if (current == null || !current.key().equals(key)) {
            current = new Lettering.Drawing(key, alpha < 0.9 || light(colour), how.equals("F"));
            drawings.add(current);
        }
        int before = current.segments();
        current.add(outline);
        kept += current.segments() - before;
    }

    /** Whether the paint is light: grey or a pale colour (a watermark's silver), not black, red or blue. */
    private static boolean light(PDColor colour) {
        try {
            int rgb = colour.toRGB();
            double luminance = (0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff)) / 255;
            return luminance >= 0.5;
        } catch (IOException | RuntimeException e) {
            return false; // a pattern or a colour space that cannot be told: not taken for a watermark
        }
    }

    /** How much the current transformation enlarges lengths (a line width is given in user space). */
    private float scaleOfCtm() {
        Matrix m = getGraphicsState().getCurrentTransformationMatrix();
        return (float) Math.sqrt(Math.abs(m.getScaleX() * m.getScaleY() - m.getShearX() * m.getShearY()));
    }
}
