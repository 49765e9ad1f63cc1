package org.baomi.scan.extract;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Draws the paths of an OFD page (GB/T 33190 {@code PathObject}) in grey, for OCR: a page whose
 * words are outlines (a PDF converted to OFD by a converter that draws each glyph as a path, as
 * ofdrw's does) has no text to read, only shapes. The page is drawn as a reader would see it:
 * each path's {@code AbbreviatedData} (S/M move, L line, Q quadratic, B cubic, A elliptical arc,
 * C close) in its object space, mapped by its {@code CTM} into its {@code Boundary} and from there
 * onto the page; filled and stroked as its attributes and drawing parameters ({@code DrawParam},
 * with those it is {@code Relative} to) say, in the grey of its colour. Pictures and text are not
 * drawn (a page with text is read as text; its pictures go to OCR themselves).
 */
final class OfdPaths {
    /** GB/T 33190: a path's line width when neither it nor its drawing parameters give one (millimetres). */
    private static final double DEFAULT_LINE_WIDTH = 0.353;
    private static final double MM_PER_INCH = 25.4;

    private OfdPaths() {
    }

    /**
     * Page {@code content} drawn at {@code dpi} (fewer when the page would have more than
     * {@code maxPixels}) over the page box {@code box} (x, y, width, height in millimetres), black
     * on white in 8-bit grey. {@code params}: the document's drawing parameters by ID.
     */
    static BufferedImage render(InputStream content, double[] box, Map<String, OfdText.DrawParam> params, double dpi,
                                double maxPixels) throws XMLStreamException {
        double inches = box[2] / MM_PER_INCH * (box[3] / MM_PER_INCH);
        double scale = Math.min(dpi, Math.sqrt(maxPixels / inches)) / MM_PER_INCH; // pixels per millimetre
        int w = Math.max(1, (int) Math.ceil(box[2] * scale));
        int h = Math.max(1, (int) Math.ceil(box[3] * scale));
        BufferedImage page = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            AffineTransform onPage = AffineTransform.getScaleInstance(scale, scale);
            onPage.translate(-box[0], -box[1]);
            draw(content, params, g, onPage, scale);
        } finally {
            g.dispose();
        }
        return page;
    }

    private static void draw(InputStream content, Map<String, OfdText.DrawParam> params, Graphics2D g, AffineTransform onPage,
                             double scale) throws XMLStreamException {
        XMLStreamReader r = XmlText.reader(content);
        try {
            Shape shape = null;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = r.getLocalName();
                    if (n.equals("PathObject")) {
                        shape = Shape.of(r, params);
                    } else if (shape != null && n.equals("FillColor")) {
                        shape.fill = r.getAttributeValue(null, "Value");
                        shape.fillAlpha = r.getAttributeValue(null, "Alpha");
                    } else if (shape != null && n.equals("StrokeColor")) {
                        shape.stroke = r.getAttributeValue(null, "Value");
                        shape.strokeAlpha = r.getAttributeValue(null, "Alpha");
                    } else if (shape != null && n.equals("AbbreviatedData")) {
                        shape.path = path(r.getElementText());
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("PathObject") && shape != null) {
                    shape.draw(g, onPage, scale);
                    shape = null;
                }
            }
        } finally {
            r.close();
        }
    }

    /** One {@code PathObject} as read. */
    private static final class Shape {
        double[] boundary;
        double[] ctm;
        boolean doFill;
        boolean doStroke;
        boolean evenOdd;
        double lineWidth;
        String fill;
        String fillAlpha;
        String stroke;
        String strokeAlpha;
        Path2D.Double path;

        static Shape of(XMLStreamReader r, Map<String, OfdText.DrawParam> params) {
            Shape s = new Shape();
            s.boundary = OfdText.numbers(r.getAttributeValue(null, "Boundary"), 4);
            s.ctm = OfdText.numbers(r.getAttributeValue(null, "CTM"), 6);
            // GB/T 33190: a path is stroked and not filled unless it says otherwise.
            s.doStroke = !"false".equalsIgnoreCase(attribute(r, "Stroke"));
            s.doFill = "true".equalsIgnoreCase(attribute(r, "Fill"));
            s.evenOdd = "Even-Odd".equalsIgnoreCase(attribute(r, "Rule"));
            double[] width = OfdText.numbers(r.getAttributeValue(null, "LineWidth"), 1);
            Double inherited = null;
            String id = attribute(r, "DrawParam");
            // Drawing parameters and those they are relative to, the nearest first (a loop ends the chain).
            for (int depth = 0; id != null && depth < 16; depth++) {
                OfdText.DrawParam p = params.get(id.strip());
                if (p == null) {
                    break;
                }
                inherited = inherited != null ? inherited : p.lineWidth();
                s.fill = s.fill != null ? s.fill : p.fill();
                s.stroke = s.stroke != null ? s.stroke : p.stroke();
                id = p.relative();
            }
            s.lineWidth = width != null ? width[0] : inherited != null ? inherited : DEFAULT_LINE_WIDTH;
            return s;
        }

        private static String attribute(XMLStreamReader r, String name) {
            String v = r.getAttributeValue(null, name);
            return v == null ? null : v.strip();
        }

        void draw(Graphics2D g, AffineTransform onPage, double scale) {
            if (path == null || boundary == null) {
                return;
            }
            path.setWindingRule(evenOdd ? Path2D.WIND_EVEN_ODD : Path2D.WIND_NON_ZERO);
            AffineTransform t = new AffineTransform(onPage);
            t.translate(boundary[0], boundary[1]);
            if (ctm != null) {
                t.concatenate(new AffineTransform(ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5]));
            }
            java.awt.Shape placed = t.createTransformedShape(path);
            Color fillColor = grey(fill, fillAlpha, Color.BLACK);
            if (doFill && fillColor != null) {
                g.setColor(fillColor);
                g.fill(placed);
            }
            Color strokeColor = grey(stroke, strokeAlpha, Color.BLACK);
            if (doStroke && strokeColor != null) {
                g.setColor(strokeColor);
                g.setStroke(new BasicStroke((float) Math.max(1, lineWidth * scale)));
                g.draw(placed);
            }
        }
    }

    /**
     * The grey of a colour value (one component: grey; three: RGB; four: CMYK; 0–255 each), or
     * {@code otherwise} when there is none that parses; null when it is fully transparent.
     */
    static Color grey(String value, String alpha, Color otherwise) {
        double[] a = OfdText.numbers(alpha, 1);
        if (a != null && a[0] <= 0) {
            return null;
        }
        if (value == null) {
            return otherwise;
        }
        String[] parts = value.strip().split("\\s+");
        double[] c = OfdText.numbers(value, parts.length);
        if (c == null) {
            return otherwise;
        }
        double lum;
        if (c.length == 1) {
            lum = c[0];
        } else if (c.length == 3) {
            lum = 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];
        } else if (c.length == 4) {
            lum = 255 - Math.min(255, 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2] + c[3]);
        } else {
            return otherwise;
        }
        int v = (int) Math.round(Math.max(0, Math.min(255, lum)));
        return new Color(v, v, v);
    }

    /** A path from its abbreviated data; commands it does not know end it where they stand. */
    static Path2D.Double path(String data) {
        Path2D.Double p = new Path2D.Double();
        String[] t = data.strip().split("\\s+");
        double x = 0;
        double y = 0;
        boolean started = false;
        try {
            for (int i = 0; i < t.length; ) {
                String cmd = t[i++];
                switch (cmd) {
                    case "S", "M" -> {
                        x = Double.parseDouble(t[i++]);
                        y = Double.parseDouble(t[i++]);
                        p.moveTo(x, y);
                        started = true;
                    }
                    case "L" -> {
                        x = Double.parseDouble(t[i++]);
                        y = Double.parseDouble(t[i++]);
                        started = lineOrMove(p, started, x, y);
                    }
                    case "Q" -> {
                        double x1 = Double.parseDouble(t[i++]);
                        double y1 = Double.parseDouble(t[i++]);
                        x = Double.parseDouble(t[i++]);
                        y = Double.parseDouble(t[i++]);
                        if (started) {
                            p.quadTo(x1, y1, x, y);
                        } else {
                            started = lineOrMove(p, false, x, y);
                        }
                    }
                    case "B" -> {
                        double x1 = Double.parseDouble(t[i++]);
                        double y1 = Double.parseDouble(t[i++]);
                        double x2 = Double.parseDouble(t[i++]);
                        double y2 = Double.parseDouble(t[i++]);
                        x = Double.parseDouble(t[i++]);
                        y = Double.parseDouble(t[i++]);
                        if (started) {
                            p.curveTo(x1, y1, x2, y2, x, y);
                        } else {
                            started = lineOrMove(p, false, x, y);
                        }
                    }
                    case "A" -> {
                        double rx = Double.parseDouble(t[i++]);
                        double ry = Double.parseDouble(t[i++]);
                        double angle = Double.parseDouble(t[i++]);
                        boolean large = !t[i++].equals("0");
                        boolean sweep = !t[i++].equals("0");
                        double ex = Double.parseDouble(t[i++]);
                        double ey = Double.parseDouble(t[i++]);
                        if (started) {
                            arc(p, x, y, rx, ry, angle, large, sweep, ex, ey);
                        } else {
                            started = lineOrMove(p, false, ex, ey);
                        }
                        x = ex;
                        y = ey;
                    }
                    case "C" -> {
                        if (started) {
                            p.closePath();
                        }
                    }
                    default -> {
                        return p; // not abbreviated data as the standard writes it: what came before stands
                    }
                }
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException cut) {
            // A number missing or malformed: the path as far as it went.
        }
        return p;
    }

    private static boolean lineOrMove(Path2D.Double p, boolean started, double x, double y) {
        if (started) {
            p.lineTo(x, y);
        } else {
            p.moveTo(x, y);
        }
        return true;
    }

    /**
     * An elliptical arc from ({@code x0}, {@code y0}) to ({@code x}, {@code y}) as GB/T 33190 gives it
     * (the parameters of SVG's arc: radii, the ellipse's rotation in degrees, which of the four arcs),
     * drawn as short lines: the centre form of the SVG specification, appendix F.6.5.
     */
    static void arc(Path2D.Double p, double x0, double y0, double rx, double ry, double angle, boolean large, boolean sweep,
                    double x, double y) {
        rx = Math.abs(rx);
        ry = Math.abs(ry);
        if (rx == 0 || ry == 0 || x0 == x && y0 == y) {
            p.lineTo(x, y);
            return;
        }
        double phi = Math.toRadians(angle % 360);
        double cos = Math.cos(phi);
        double sin = Math.sin(phi);
        double dx = (x0 - x) / 2;
        double dy = (y0 - y) / 2;
        double x1 = cos * dx + sin * dy;
        double y1 = -sin * dx + cos * dy;
        double lambda = x1 * x1 / (rx * rx) + y1 * y1 / (ry * ry);
        if (lambda > 1) {
            rx *= Math.sqrt(lambda);
            ry *= Math.sqrt(lambda);
        }
        double num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
        double den = rx * rx * y1 * y1 + ry * ry * x1 * x1;
        double coef = (large == sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
        double cx1 = coef * rx * y1 / ry;
        double cy1 = -coef * ry * x1 / rx;
        double cx = cos * cx1 - sin * cy1 + (x0 + x) / 2;
        double cy = sin * cx1 + cos * cy1 + (y0 + y) / 2;
        double start = Math.atan2((y1 - cy1) / ry, (x1 - cx1) / rx);
        double end = Math.atan2((-y1 - cy1) / ry, (-x1 - cx1) / rx);
        double sweepAngle = end - start;
        if (sweep && sweepAngle < 0) {
            sweepAngle += 2 * Math.PI;
        } else if (!sweep && sweepAngle > 0) {
            sweepAngle -= 2 * Math.PI;
        }
        int steps = Math.max(2, (int) Math.ceil(Math.abs(sweepAngle) / (Math.PI / 32)));
        for (int k = 1; k < steps; k++) {
            double a = start + sweepAngle * k / steps;
            double ux = rx * Math.cos(a);
            double uy = ry * Math.sin(a);
            p.lineTo(cx + cos * ux - sin * uy, cy + sin * ux + cos * uy);
        }
        p.lineTo(x, y);
    }
}
