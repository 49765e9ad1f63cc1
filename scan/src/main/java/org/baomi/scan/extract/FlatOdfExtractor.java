package org.baomi.scan.extract;

import java.io.InputStream;
import org.baomi.scan.engine.Location;
import org.baomi.scan.engine.Zone;

/**
 * A flat OpenDocument file (.fodt, .fods, .fodp: LibreOffice's "Flat XML" formats, the whole
 * document in one XML file with {@code office:document} as its root): read as the parts of a
 * package are ({@link OdfText}), so a header is {@code header}, a sheet {@code sheet <name>}, a
 * slide's notes {@code notes N}, the properties {@code metadata}, not lines of one XML text.
 */
public final class FlatOdfExtractor implements Extractor {
    private final boolean spreadsheet;

    public FlatOdfExtractor(Format format) {
        this.spreadsheet = format == Format.FODS;
    }

    @Override
    public void extract(Source source, ExtractionContext ctx) throws Exception {
        try (InputStream in = source.open()) {
            OdfText.read(in, new Location("paragraph", Zone.BODY, true, true), spreadsheet, new OdfText.Sink() {
                @Override
                public void segment(Location location, String text) throws ExtractionProblem {
                    ctx.text(location, text);
                }

                private int pictures;

                @Override
                public void picture(String base64) throws ExtractionProblem {
                    if (base64 == null) {
                        ctx.pictures(1);
                        return;
                    }
                    // A scan or a photo pasted in, kept in the file in base64: read by OCR.
                    pictures++;
                    ctx.picture("picture " + pictures, pictures == 1, () -> {
                        try {
                            return java.util.Base64.getMimeDecoder().decode(base64);
                        } catch (IllegalArgumentException damaged) {
                            throw new java.io.IOException("damaged base64 picture data", damaged);
                        }
                    });
                }

                @Override
                public boolean wantsPictureData() {
                    return ctx.ocrOn();
                }
            });
        }
    }
}
