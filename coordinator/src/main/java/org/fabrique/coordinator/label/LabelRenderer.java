package org.fabrique.coordinator.label;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.fabrique.designs.DesignManifest.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * Lays a lot's label out on one page of the chosen size and writes it as PDF, or as a 300 dpi PNG
 * rendered from that same page. From top to bottom: the lot number, the QR code, the warning in
 * both languages, the design, the fields, the design's disclaimer in small type. The body type is
 * the largest that lets everything fit; the QR code's modules fall on whole printer dots.
 *
 * <p>Text is set in the PDF standard fonts (Helvetica), which every viewer and printer has, in
 * WinAnsi encoding: French accents print; a character outside that set is printed without its
 * accent, or as "?".
 */
@Component
public class LabelRenderer {

    private static final int DOTS_PER_INCH = 300;

    private static final float DOT = 72f / DOTS_PER_INCH;
    private static final LocalizedText NOT_CERTIFIED = new LocalizedText("Pas un dispositif médical certifié",
            "Not a certified medical device");
    private static final LocalizedText QUANTITY = new LocalizedText("Quantité", "Quantity");
    private static final LocalizedText MATERIAL = new LocalizedText("Matériau", "Material");
    private static final LocalizedText MAKER = new LocalizedText("Fabricant", "Maker");
    private static final LocalizedText PRINTED_ON = new LocalizedText("Imprimé le", "Printed on");
    private static final LocalizedText RECIPIENT = new LocalizedText("Destinataire", "For");
    private static final float MIN_BODY_SIZE = 5f;
    private static final float LEADING = 1.2f;
    private static final float FINE_PRINT = 0.8f;
    private static final int QUIET_ZONE_MODULES = 4;
    private static final int MIN_DOTS_PER_MODULE = 4;
    private static final int QR_MASK_PATTERNS = 8;

    private record Paragraph(String text, boolean bold, float scale, float spaceBefore) {
    }

    private record Line(String text, PDFont font, float size, float x, float top) {
    }

    private record Fit(List<Paragraph> paragraphs, int dotsPerModule, float bodySize) {
    }

    public byte[] pdf(LabelContent content, LabelSize size, LabelLanguage language) {
        try (PDDocument document = new PDDocument()) {
            draw(document, content, size, language);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] png(LabelContent content, LabelSize size, LabelLanguage language) {
        try (PDDocument document = new PDDocument()) {
            draw(document, content, size, language);
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, DOTS_PER_INCH, ImageType.GRAY);
            return png(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(PDDocument document, LabelContent content, LabelSize size, LabelLanguage language)
            throws IOException {
        Fonts fonts = new Fonts();
        float width = size.widthPoints();
        float height = size.heightPoints();
        PDPage page = new PDPage(new PDRectangle(width, height));
        document.addPage(page);
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Fabrique lot " + content.lotNumber());
        info.setCreator("Fabrique coordinator");

        float margin = Math.max(3 / 25.4f * 72, 0.035f * width);
        float innerWidth = width - 2 * margin;

        String lotNumber = fonts.printable(content.lotNumber(), true);
        float lotSize = Math.min(innerWidth / fonts.width(lotNumber, true, 1), 0.07f * height);
        float lotTop = margin;
        float qrTop = onDots(lotTop + lotSize * LEADING + 0.2f * lotSize);

        String payload = content.qrPayload();
        Fit fit = fit(content, language, fonts, qrModules(payload), width, height, margin, qrTop);
        BitMatrix qr = qrCode(payload, fit.dotsPerModule());
        float qrSide = qr.getWidth() * fit.dotsPerModule() * DOT;
        float qrLeft = onDots((width - qrSide) / 2);
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(lotNumber, fonts.bold, lotSize, (width - fonts.width(lotNumber, true, lotSize)) / 2, lotTop));
        lines.addAll(setParagraphs(fit.paragraphs(), fonts, fit.bodySize(), margin, innerWidth, qrTop + qrSide));

        try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
            drawModules(stream, qr, qrLeft, qrTop, fit.dotsPerModule() * DOT, height);
            for (Line line : lines) {
                stream.beginText();
                stream.setFont(line.font(), line.size());
                stream.newLineAtOffset(line.x(), height - line.top() - 0.95f * line.size());
                stream.showText(line.text());
                stream.endText();
            }
        }
    }

    /**
     * The largest QR code, then the largest type, that let everything fit below the QR code. The
     * design's disclaimer is left out only if nothing else fits; the warning itself always stays.
     */
    private static Fit fit(LabelContent content, LabelLanguage language, Fonts fonts, int qrModules, float width,
            float height, float margin, float qrTop) throws IOException {
        float innerWidth = width - 2 * margin;
        int largestDots = (int) Math.floor(Math.min(innerWidth, 0.38f * height) / DOT / qrModules);
        float largestBody = 8f * width / LabelSize.DK_62X100.widthPoints();
        for (boolean withDisclaimer : new boolean[] {true, false}) {
            List<Paragraph> paragraphs = paragraphs(content, language, fonts, withDisclaimer);
            for (int dots = largestDots; dots >= MIN_DOTS_PER_MODULE; dots--) {
                float textTop = qrTop + qrModules * dots * DOT;
                float bodySize = largestFitting(paragraphs, fonts, innerWidth, height - margin - textTop, largestBody);
                if (bodySize > 0) {
                    return new Fit(paragraphs, dots, bodySize);
                }
            }
        }
        return new Fit(paragraphs(content, language, fonts, false), MIN_DOTS_PER_MODULE, MIN_BODY_SIZE);
    }

    private static List<Paragraph> paragraphs(LabelContent content, LabelLanguage language, Fonts fonts,
            boolean withDisclaimer) {
        List<Paragraph> paragraphs = new ArrayList<>();
        List<String> warning = new ArrayList<>(LabelLanguage.BOTH.texts(NOT_CERTIFIED));
        if (language == LabelLanguage.EN) {
            Collections.reverse(warning);
        }
        for (String text : warning) {
            paragraphs.add(new Paragraph(text, true, 1, 0));
        }
        String title = language.line(content.designTitle());
        if (!title.isEmpty()) {
            paragraphs.add(new Paragraph(title, true, 1, 0.6f));
        }
        paragraphs.add(new Paragraph(content.designSlug() + "@" + content.designVersion(), false, 1, 0));
        paragraphs.add(new Paragraph(field(language, QUANTITY, Integer.toString(content.quantity())), false, 1, 0.3f));
        paragraphs.add(new Paragraph(field(language, MATERIAL, content.material()), false, 1, 0.3f));
        paragraphs.add(new Paragraph(field(language, MAKER, content.maker()), false, 1, 0.3f));
        paragraphs.add(new Paragraph(field(language, PRINTED_ON, content.printedOn().toString()), false, 1, 0.3f));
        String recipient = content.deliveryPoint() == null || content.deliveryPoint().isBlank() ? content.hospital()
                : content.hospital() + " — " + content.deliveryPoint();
        paragraphs.add(new Paragraph(field(language, RECIPIENT, recipient), false, 1, 0.3f));
        if (withDisclaimer) {
            float before = 0.8f;
            for (String text : language.texts(content.disclaimer())) {
                paragraphs.add(new Paragraph(text, false, FINE_PRINT, before));
                before = 0.3f;
            }
        }
        return paragraphs.stream()
                .map(p -> new Paragraph(fonts.printable(p.text(), p.bold()), p.bold(), p.scale(), p.spaceBefore()))
                .toList();
    }

    private static String field(LabelLanguage language, LocalizedText caption, String value) {
        return language.line(caption) + (language == LabelLanguage.FR ? " : " : ": ") + value;
    }

    /** The largest body size, in quarter points, at which the paragraphs fit the box; 0 if none does. */
    private static float largestFitting(List<Paragraph> paragraphs, Fonts fonts, float width, float height, float largest)
            throws IOException {
        for (float size = (float) Math.floor(largest * 4) / 4; size >= MIN_BODY_SIZE; size -= 0.25f) {
            List<Line> lines = setParagraphs(paragraphs, fonts, size, 0, width, 0);
            Line last = lines.get(lines.size() - 1);
            if (last.top() + last.size() * LEADING <= height) {
                return size;
            }
        }
        return 0;
    }

    private static List<Line> setParagraphs(List<Paragraph> paragraphs, Fonts fonts, float bodySize, float left,
            float width, float top) throws IOException {
        List<Line> lines = new ArrayList<>();
        float y = top + 0.4f * bodySize;
        for (Paragraph paragraph : paragraphs) {
            float size = bodySize * paragraph.scale();
            PDFont font = paragraph.bold() ? fonts.bold : fonts.regular;
            y += paragraph.spaceBefore() * bodySize;
            for (String text : fonts.wrap(paragraph.text(), paragraph.bold(), size, width)) {
                lines.add(new Line(text, font, size, left, y));
                y += size * LEADING;
            }
        }
        return lines;
    }

    /**
     * The QR code of a payload, at error correction level M, with a quiet zone, that ZXing reads
     * back when drawn with {@code dotsPerModule} dots per module and with a few. ZXing, which many
     * scanning pages use, misses about one valid symbol in a hundred of ours at some module sizes
     * (other decoders read them); when the encoder's choice of mask pattern is such a symbol, the
     * other mask patterns are tried.
     */
    static BitMatrix qrCode(String payload, int dotsPerModule) {
        Map<EncodeHintType, Object> hints = qrHints(payload);
        BitMatrix symbol = encode(payload, hints);
        for (int mask = 0; !readsBack(symbol, payload, dotsPerModule) || !readsBack(symbol, payload, 3); mask++) {
            if (mask == QR_MASK_PATTERNS) {
                throw new IllegalStateException("No QR code of \"" + payload + "\" reads back");
            }
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
            symbol = encode(payload, hints);
        }
        return symbol;
    }

    /** The QR code as the encoder makes it, for the layout, which needs only its number of modules. */
    private static int qrModules(String payload) {
        return encode(payload, qrHints(payload)).getWidth();
    }

    private static Map<EncodeHintType, Object> qrHints(String payload) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, QUIET_ZONE_MODULES);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(payload)) {
            hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        }
        return hints;
    }

    private static BitMatrix encode(String payload, Map<EncodeHintType, Object> hints) {
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalStateException("The label's QR code cannot hold " + payload.length() + " characters", e);
        }
    }

    private static boolean readsBack(BitMatrix symbol, String payload, int scale) {
        int side = symbol.getWidth() * scale;
        int[] pixels = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                pixels[y * side + x] = symbol.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        BinaryBitmap image = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
        try {
            return payload.equals(new QRCodeReader().decode(image, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText());
        } catch (ReaderException e) {
            return false;
        }
    }

    /** Draws each run of dark modules of a row as one rectangle. */
    private static void drawModules(PDPageContentStream stream, BitMatrix qr, float left, float top, float module,
            float pageHeight) throws IOException {
        for (int row = 0; row < qr.getHeight(); row++) {
            int column = 0;
            while (column < qr.getWidth()) {
                if (!qr.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < qr.getWidth() && qr.get(column, row)) {
                    column++;
                }
                stream.addRect(left + start * module, pageHeight - top - (row + 1) * module, (column - start) * module,
                        module);
            }
        }
        stream.fill();
    }

    /** A distance rounded up to whole printer dots, so that the QR code's modules fall on the dot grid. */
    private static float onDots(float points) {
        return (float) Math.ceil(points / DOT - 1e-3) * DOT;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try {
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    parameters);
            String format = "javax_imageio_png_1.0";
            IIOMetadataNode physical = new IIOMetadataNode("pHYs");
            String dotsPerMetre = Long.toString(Math.round(DOTS_PER_INCH / 0.0254));
            physical.setAttribute("pixelsPerUnitXAxis", dotsPerMetre);
            physical.setAttribute("pixelsPerUnitYAxis", dotsPerMetre);
            physical.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode(format);
            root.appendChild(physical);
            metadata.mergeTree(format, root);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, metadata), parameters);
            }
            return out.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    /** The two faces of the label, and what they can print. */
    private static final class Fonts {
        final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

        float width(String text, boolean isBold, float size) throws IOException {
            return (isBold ? bold : regular).getStringWidth(text) / 1000 * size;
        }

        /** The text with every character the font cannot encode replaced: by its unaccented letter, else by "?". */
        String printable(String text, boolean isBold) {
            PDFont font = isBold ? bold : regular;
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(codePoint -> {
                String character = Character.toString(codePoint);
                if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                    out.append(' ');
                } else if (encodes(font, character)) {
                    out.append(character);
                } else {
                    String bare = Normalizer.normalize(character, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
                    out.append(!bare.isEmpty() && encodes(font, bare) ? bare : "?");
                }
            });
            return out.toString();
        }

        /** Breaks a paragraph into lines no wider than {@code width}, between words where it can. */
        List<String> wrap(String text, boolean isBold, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            String current = "";
            for (String word : text.trim().split(" +")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(candidate, isBold, size) <= width) {
                    current = candidate;
                    continue;
                }
                if (!current.isEmpty()) {
                    lines.add(current);
                }
                current = word;
                while (width(current, isBold, size) > width) {
                    int end = current.length() - 1;
                    while (end > 1 && width(current.substring(0, end), isBold, size) > width) {
                        end--;
                    }
                    lines.add(current.substring(0, end));
                    current = current.substring(end);
                }
            }
            if (!current.isEmpty()) {
                lines.add(current);
            }
            return lines;
        }

        private static boolean encodes(PDFont font, String text) {
            try {
                font.encode(text);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }
}
