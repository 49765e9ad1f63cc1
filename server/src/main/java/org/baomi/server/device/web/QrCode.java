package org.baomi.server.device.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * QR codes for labels, drawn as inline SVG (one path of unit squares, crisp at any print size).
 * The text is UTF-8 so Chinese asset numbers survive; error correction M tolerates a worn label.
 */
final class QrCode {

    private QrCode() {
    }

    /** What a device label's code says: the asset number and the serial, one per line. */
    static String deviceText(String assetNumber, String serialNumber) {
        return "BAOMI-DEVICE\nASSET:" + assetNumber + "\nSERIAL:" + (serialNumber == null ? "" : serialNumber);
    }

    /** What a medium label's code says: the number and the serial (the USB serial when there is no other). */
    static String mediumText(String number, String serialNumber) {
        return "BAOMI-MEDIUM\nNUMBER:" + number + "\nSERIAL:" + (serialNumber == null ? "" : serialNumber);
    }

    static String svg(String text) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text too long for a QR code: " + text.length() + " characters", e);
        }
        int w = m.getWidth();
        int h = m.getHeight();
        StringBuilder path = new StringBuilder(w * h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (m.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + w + " " + h
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-hidden=\"true\"><rect width=\"" + w
                + "\" height=\"" + h + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
