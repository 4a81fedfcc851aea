package org.fabrique.coordinator.label;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads generated labels back the way a scanner and a PDF reader would, independently of the code that wrote them. */
final class LabelReading {

    /** What a label's QR code says, read as the documented URL: the lot number from the path, the fields from the query. */
    record Scanned(String base, String lotNumber, Map<String, String> fields) {
    }

    record Pdf(int pages, PDRectangle pageSize, String text) {
    }

    private LabelReading() {
    }

    static BufferedImage image(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String decodeQr(byte[] png) {
        return decodeQr(image(png));
    }

    static String decodeQr(BufferedImage image) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS,
                    List.of(BarcodeFormat.QR_CODE), DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException e) {
            throw new AssertionError("No QR code found in the label", e);
        }
    }

    /** A QR code drawn with whole pixels per module, as on a label. */
    static BufferedImage draw(BitMatrix symbol, int pixelsPerModule) {
        BufferedImage image = new BufferedImage(symbol.getWidth() * pixelsPerModule, symbol.getHeight() * pixelsPerModule,
                BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.getRaster().setSample(x, y, 0, symbol.get(x / pixelsPerModule, y / pixelsPerModule) ? 0 : 255);
            }
        }
        return image;
    }

    static Scanned scan(byte[] png) {
        String payload = decodeQr(png);
        URI uri = URI.create(payload);
        String path = uri.getRawPath();
        int lastSlash = path.lastIndexOf('/');
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            fields.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        String base = payload.substring(0, payload.indexOf(path)) + path.substring(0, lastSlash);
        return new Scanned(base, path.substring(lastSlash + 1), fields);
    }

    static Pdf pdf(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new Pdf(document.getNumberOfPages(), document.getPage(0).getMediaBox(),
                    new PDFTextStripper().getText(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with line breaks and runs of spaces made single spaces, as a reader reads across wrapped lines. */
    static String flowing(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
