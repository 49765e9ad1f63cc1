package org.baomi.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Page images of a PDF drawn by poppler's pdftoppm, an independent renderer, and how much ink a region of
 * one holds: what the report tests use to check that pages exist and that text (a marking) stands where
 * it should.
 */
public final class PageImages {

    private PageImages() {
    }

    /** Whether pdftoppm (Debian package poppler-utils) is installed. */
    public static boolean available() {
        return onPath("pdftoppm");
    }

    /** Draws every page of {@code pdf} at 60 dpi into {@code dir} as {@code prefix-N.png}, in page order. */
    public static List<File> draw(Path pdf, Path dir, String prefix) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pdftoppm", "-r", "60", "-png", pdf.toString(), dir.resolve(prefix).toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        File[] pages = dir.toFile().listFiles((d, name) -> name.startsWith(prefix + "-") && name.endsWith(".png"));
        return Arrays.stream(pages == null ? new File[0] : pages)
                .sorted(Comparator.comparingInt(PageImages::pageNumber)).toList();
    }

    private static int pageNumber(File f) {
        String n = f.getName().replaceAll(".*-0*(\\d+)\\.png$", "$1");
        return Integer.parseInt(n);
    }

    /** The share of non-white pixels in a region given as fractions of the page. */
    public static double inkRatio(BufferedImage image, double x0, double y0, double x1, double y1) {
        int left = (int) (x0 * image.getWidth());
        int right = (int) (x1 * image.getWidth());
        int top = (int) (y0 * image.getHeight());
        int bottom = (int) (y1 * image.getHeight());
        long ink = 0;
        for (int y = top; y < bottom; y++) {
            for (int x = left; x < right; x++) {
                int rgb = image.getRGB(x, y);
                int grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
                if (grey < 160) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) (right - left) * (bottom - top));
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
