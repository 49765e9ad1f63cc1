package org.baomi.scan.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drawing an OFD page's paths for OCR (text converted to outlines): geometry, colours, placement. */
class OfdPathsTest {
    private static BufferedImage render(String objects, Map<String, OfdText.DrawParam> params) throws Exception {
        String page = "<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content><ofd:Layer ID=\"1\">" + objects
                + "</ofd:Layer></ofd:Content></ofd:Page>";
        // A 100 × 50 mm page at 25.4 dpi: one pixel a millimetre.
        return OfdPaths.render(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)), new double[] {0, 0, 100, 50},
                params, 25.4, 1e9);
    }

    private static int grey(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }

    @Test
    void aFilledPathIsDrawnInItsBoundaryAndTheRestStaysWhite() throws Exception {
        BufferedImage page = render("<ofd:PathObject ID=\"2\" Boundary=\"20 10 30 20\" Fill=\"true\" Stroke=\"false\">"
                + "<ofd:FillColor Value=\"0 0 0\"/><ofd:AbbreviatedData>M 0 0 L 30 0 L 30 20 L 0 20 C</ofd:AbbreviatedData></ofd:PathObject>",
                Map.of());
        assertThat(page.getWidth()).isEqualTo(100);
        assertThat(page.getHeight()).isEqualTo(50);
        assertThat(grey(page, 35, 20)).isZero(); // inside: (20..50, 10..30)
        assertThat(grey(page, 10, 20)).isEqualTo(255);
        assertThat(grey(page, 35, 40)).isEqualTo(255);
    }

    @Test
    void theMatrixMapsTheObjectIntoItsBoundary() throws Exception {
        // A unit square scaled by 10 and moved by 5 inside a boundary at (40, 20): covers (45..55, 25..35).
        BufferedImage page = render("<ofd:PathObject ID=\"2\" Boundary=\"40 20 30 30\" CTM=\"10 0 0 10 5 5\" Fill=\"true\" Stroke=\"false\">"
                + "<ofd:AbbreviatedData>M 0 0 L 1 0 L 1 1 L 0 1 C</ofd:AbbreviatedData></ofd:PathObject>", Map.of());
        assertThat(grey(page, 50, 30)).isZero();
        assertThat(grey(page, 42, 22)).isEqualTo(255);
        assertThat(grey(page, 58, 38)).isEqualTo(255);
    }

    /** ofdrw's converter draws a white page-sized rectangle first: drawn white, it hides nothing. */
    @Test
    void coloursComeFromDrawingParametersAndThoseTheyAreRelativeTo() throws Exception {
        Map<String, OfdText.DrawParam> params = Map.of(
                "4", new OfdText.DrawParam(null, 0.1, "255 255 255", "255 255 255"),
                "5", new OfdText.DrawParam(null, 0.1, "0 0 0", null),
                "6", new OfdText.DrawParam("5", null, null, null));
        BufferedImage page = render(
                "<ofd:PathObject ID=\"2\" Boundary=\"0 0 100 50\" Fill=\"true\" Stroke=\"false\" DrawParam=\"4\">"
                        + "<ofd:AbbreviatedData>M 0 0 L 100 0 L 100 50 L 0 50 C</ofd:AbbreviatedData></ofd:PathObject>"
                        + "<ofd:PathObject ID=\"3\" Boundary=\"0 0 100 50\" Fill=\"true\" Stroke=\"false\" DrawParam=\"6\">"
                        + "<ofd:AbbreviatedData>M 10 10 L 20 10 L 20 20 L 10 20 C</ofd:AbbreviatedData></ofd:PathObject>",
                params);
        assertThat(grey(page, 15, 15)).isZero();
        assertThat(grey(page, 50, 40)).isEqualTo(255);
    }

    @Test
    void greysOfColoursAndTransparency() {
        assertThat(OfdPaths.grey("255 0 0", null, Color.BLACK).getRed()).isEqualTo(76); // red prints dark grey
        assertThat(OfdPaths.grey("128", null, Color.BLACK).getRed()).isEqualTo(128);
        assertThat(OfdPaths.grey("0 0 0 255", null, Color.WHITE).getRed()).isZero(); // CMYK black
        assertThat(OfdPaths.grey("0 0 0", "0", Color.BLACK)).isNull(); // fully transparent: not drawn
        assertThat(OfdPaths.grey(null, null, Color.BLACK)).isEqualTo(Color.BLACK);
        assertThat(OfdPaths.grey("not a colour", null, Color.BLACK)).isEqualTo(Color.BLACK);
    }

    /** A path is stroked unless it says otherwise (GB/T 33190), with its line width. */
    @Test
    void anUnfilledPathIsStrokedByDefault() throws Exception {
        BufferedImage page = render("<ofd:PathObject ID=\"2\" Boundary=\"0 0 100 50\" LineWidth=\"2\">"
                + "<ofd:AbbreviatedData>M 10 25 L 90 25</ofd:AbbreviatedData></ofd:PathObject>", Map.of());
        assertThat(grey(page, 50, 25)).isLessThan(128);
        assertThat(grey(page, 50, 10)).isEqualTo(255);
    }

    /** The bounds of the curve itself (JDK 17's own include the control points). */
    private static Rectangle2D drawn(Path2D.Double path) {
        Path2D.Double flat = new Path2D.Double();
        flat.append(path.getPathIterator(null, 0.001), false);
        return flat.getBounds2D();
    }

    @Test
    void curvesAndArcsFollowTheirGeometry() {
        Path2D.Double quad = OfdPaths.path("M 0 0 Q 5 10 10 0");
        assertThat(drawn(quad).getMaxY()).isBetween(4.9, 5.1); // a quadratic reaches half its control point
        Path2D.Double cubic = OfdPaths.path("S 0 0 B 0 10 10 10 10 0 C");
        assertThat(drawn(cubic).getMaxY()).isBetween(7.4, 7.6);
        // Half a circle of radius 5 from (0, 0) to (10, 0): clockwise as the page is seen (y down,
        // sweep 1) over the top, counter-clockwise under it.
        Rectangle2D clockwise = drawn(OfdPaths.path("M 0 0 A 5 5 0 0 1 10 0"));
        Rectangle2D counter = drawn(OfdPaths.path("M 0 0 A 5 5 0 0 0 10 0"));
        assertThat(clockwise.getMinY()).isBetween(-5.0, -4.95);
        assertThat(clockwise.getMaxY()).isBetween(0.0, 0.01);
        assertThat(counter.getMaxY()).isBetween(4.95, 5.0);
        assertThat(clockwise.getWidth()).isBetween(9.99, 10.01);
        // A full ellipse's larger arc: radii 5 × 2, rotated 90°, from (0, 0) to (0, 4) the long way round.
        Rectangle2D large = drawn(OfdPaths.path("M 0 0 A 5 2 90 1 1 0 4"));
        assertThat(large.getHeight()).isGreaterThan(4.0);
        // Radii too small for the chord are enlarged to reach it (SVG's rule).
        assertThat(drawn(OfdPaths.path("M 0 0 A 1 1 0 0 0 10 0")).getMaxY()).isBetween(4.95, 5.0);
    }

    @Test
    void malformedDataEndsThePathWhereItStands() {
        assertThat(OfdPaths.path("M 0 0 L 10 0 L 10").getBounds2D().getWidth()).isEqualTo(10);
        assertThat(OfdPaths.path("M 0 0 L 10 0 X 99 99 L 50 50").getBounds2D().getMaxX()).isEqualTo(10);
        assertThat(OfdPaths.path("L 3 4 L 10 4").getBounds2D().getMinX()).isEqualTo(3); // no start: the first point starts it
        assertThat(OfdPaths.path("").getBounds2D().isEmpty()).isTrue();
    }
}
