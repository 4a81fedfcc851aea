package org.fabrique.coordinator.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.fabrique.designs.DesignManifest.LocalizedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LabelRendererTest {

    private static final LocalizedText TITLE = new LocalizedText("Serre-tête de visière de protection, pour feuille A4 perforée",
            "Face-shield headband for a punched A4 sheet");
    /** The disclaimer of the library's face-shield headband, the longest of the library. */
    private static final LocalizedText DISCLAIMER = new LocalizedText(
            "Ce n'est pas un équipement de protection individuelle certifié (ni marquage CE, ni conformité à l'EN 166 "
                    + "revendiquée). Conçu pour une utilisation d'urgence quand le matériel certifié manque, sous "
                    + "l'évaluation et la responsabilité de l'établissement qui le reçoit.",
            "This is not certified personal protective equipment (no CE marking, no EN 166 conformity claimed). "
                    + "Designed for emergency use when certified equipment is lacking, under the assessment and "
                    + "responsibility of the receiving institution.");

    private final LabelRenderer renderer = new LabelRenderer();

    private static LabelContent label(String maker, String hospital, String deliveryPoint) {
        return new LabelContent("FAB-4K7-QM2-X", "https://fabrique.example.org/lots/FAB-4K7-QM2-X", "face-shield-headband",
                "1.0.0", TITLE, 4, "PETG", maker, LocalDate.of(2026, 11, 23), hospital, deliveryPoint, DISCLAIMER);
    }

    private static LabelContent aLabel() {
        return label("maker-8K2QW1", "CHU de Lyon – Hôpital Édouard Herriot", "Pharmacie centrale");
    }

    @ParameterizedTest
    @EnumSource(LabelSize.class)
    void theQrCodeOfThePngGivesBackTheLotsUrlAndEveryField(LabelSize size) {
        LabelContent content = label("Atelier d'Émilie & co; n°3=ok", "CHU de Lyon", "Pharmacie centrale");

        byte[] png = renderer.png(content, size, LabelLanguage.BOTH);
        LabelReading.Scanned scanned = LabelReading.scan(png);

        assertThat(scanned.base()).isEqualTo("https://fabrique.example.org/lots");
        assertThat(scanned.lotNumber()).isEqualTo("FAB-4K7-QM2-X");
        assertThat(scanned.fields()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "design", "face-shield-headband",
                "version", "1.0.0",
                "qty", "4",
                "material", "PETG",
                "maker", "Atelier d'Émilie & co; n°3=ok",
                "printed", "2026-11-23"));
        assertThat(LabelReading.decodeQr(png)).isEqualTo(content.qrPayload());
    }

    @Test
    void theQrPayloadIsPlainAsciiSoThatEveryScannerReadsItAlike() {
        String payload = label("Atelier d'Émilie", "CHU", "Accueil").qrPayload();

        assertThat(payload).isEqualTo("https://fabrique.example.org/lots/FAB-4K7-QM2-X?design=face-shield-headband"
                + "&version=1.0.0&qty=4&material=PETG&maker=Atelier+d%27%C3%89milie&printed=2026-11-23");
    }

    @Test
    void aQrCodeThatZxingWouldMissIsDrawnWithAnotherMaskPatternThatItReads() throws WriterException {
        String payload = "http://localhost:8080/lots/FAB-TEM-QM2-X?design=visor-frame&version=1.0.0&qty=2&material=PETG"
                + "&maker=maker-CZJ839&printed=2026-11-23";
        BitMatrix encodersChoice = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));

        assertThatThrownBy(() -> LabelReading.decodeQr(LabelReading.draw(encodersChoice, 7)))
                .as("ZXing 3.5.4 misses the symbol its encoder chose for this payload at 7 dots per module")
                .isInstanceOf(AssertionError.class);
        BitMatrix drawn = LabelRenderer.qrCode(payload, 7);
        assertThat(drawn.getWidth()).isEqualTo(encodersChoice.getWidth());
        assertThat(LabelReading.decodeQr(LabelReading.draw(drawn, 7))).isEqualTo(payload);
        assertThat(LabelReading.decodeQr(LabelReading.draw(drawn, 3))).isEqualTo(payload);
    }

    @ParameterizedTest
    @EnumSource(LabelSize.class)
    void thePdfIsOnePageOfTheLabelStocksSize(LabelSize size) {
        LabelReading.Pdf pdf = LabelReading.pdf(renderer.pdf(aLabel(), size, LabelLanguage.BOTH));

        assertThat(pdf.pages()).isEqualTo(1);
        assertThat(pdf.pageSize().getWidth()).isCloseTo(size.widthPoints(), within(0.01f));
        assertThat(pdf.pageSize().getHeight()).isCloseTo(size.heightPoints(), within(0.01f));
    }

    @Test
    void theStocksAreTheStandardSizesInPoints() {
        assertThat(LabelSize.DK_62X100.widthPoints()).isCloseTo(175.75f, within(0.01f));
        assertThat(LabelSize.DK_62X100.heightPoints()).isCloseTo(283.46f, within(0.01f));
        assertThat(LabelSize.SHIPPING_100X150.widthPoints()).isCloseTo(283.46f, within(0.01f));
        assertThat(LabelSize.SHIPPING_100X150.heightPoints()).isCloseTo(425.20f, within(0.01f));
        assertThat(LabelSize.A4.widthPoints()).isCloseTo(595.28f, within(0.01f));
        assertThat(LabelSize.A4.heightPoints()).isCloseTo(841.89f, within(0.01f));
    }

    @ParameterizedTest
    @EnumSource(LabelSize.class)
    void thePngIsDrawnAt300DotsPerInch(LabelSize size) {
        BufferedImage image = LabelReading.image(renderer.png(aLabel(), size, LabelLanguage.BOTH));

        assertThat(image.getWidth()).isCloseTo(Math.round(size.widthPoints() / 72 * 300), within(1));
        assertThat(image.getHeight()).isCloseTo(Math.round(size.heightPoints() / 72 * 300), within(1));
    }

    @ParameterizedTest
    @EnumSource(LabelLanguage.class)
    void everyLabelSaysItsLotNumberAndThatItIsNotACertifiedMedicalDeviceInBothLanguages(LabelLanguage language) {
        String text = LabelReading.flowing(LabelReading.pdf(renderer.pdf(aLabel(), LabelSize.DK_62X100, language)).text());

        assertThat(text).contains("FAB-4K7-QM2-X", "Pas un dispositif médical certifié", "Not a certified medical device",
                "face-shield-headband@1.0.0", "PETG", "maker-8K2QW1", "2026-11-23",
                "CHU de Lyon – Hôpital Édouard Herriot — Pharmacie centrale");
    }

    @Test
    void theTitleCaptionsAndDisclaimerFollowTheChosenLanguage() {
        String french = LabelReading.flowing(LabelReading.pdf(renderer.pdf(aLabel(), LabelSize.DK_62X100, LabelLanguage.FR)).text());
        String english = LabelReading.flowing(LabelReading.pdf(renderer.pdf(aLabel(), LabelSize.DK_62X100, LabelLanguage.EN)).text());

        assertThat(french).contains(TITLE.fr(), "Quantité : 4", "Matériau : PETG", "Imprimé le : 2026-11-23", DISCLAIMER.fr())
                .doesNotContain(TITLE.en(), "Quantity", DISCLAIMER.en());
        assertThat(english).contains(TITLE.en(), "Quantity: 4", "Material: PETG", "Printed on: 2026-11-23", DISCLAIMER.en())
                .doesNotContain(TITLE.fr(), "Quantité", DISCLAIMER.fr());
    }

    @ParameterizedTest
    @EnumSource(LabelSize.class)
    void theLongestDisclaimerOfTheLibraryFitsWholeInBothLanguages(LabelSize size) {
        String text = LabelReading.flowing(LabelReading.pdf(renderer.pdf(aLabel(), size, LabelLanguage.BOTH)).text());

        assertThat(text).contains(TITLE.fr() + " / " + TITLE.en(), DISCLAIMER.fr(), DISCLAIMER.en(),
                "Quantité / Quantity: 4");
    }

    @Test
    void theLongestNamesAllowedStillLeaveTheWarningAndEveryFieldOnTheSmallestLabel() {
        String hospital = "Centre hospitalier universitaire ".repeat(4).substring(0, 120);
        String deliveryPoint = "Pharmacie à usage intérieur ".repeat(5).substring(0, 120);
        String maker = "Atelier de fabrication numérique ".repeat(2).substring(0, 40);
        LabelContent content = label(maker, hospital, deliveryPoint);

        byte[] png = renderer.png(content, LabelSize.DK_62X100, LabelLanguage.BOTH);
        String text = LabelReading.flowing(LabelReading.pdf(renderer.pdf(content, LabelSize.DK_62X100, LabelLanguage.BOTH)).text());

        assertThat(LabelReading.scan(png).fields()).containsEntry("maker", maker);
        assertThat(text).contains("FAB-4K7-QM2-X", "Pas un dispositif médical certifié", "Not a certified medical device",
                LabelReading.flowing(hospital + " — " + deliveryPoint), LabelReading.flowing(maker), "2026-11-23");
    }

    @Test
    void charactersTheFontCannotPrintLoseTheirAccentOrBecomeAQuestionMark() {
        LabelContent content = label("maker-8K2QW1", "Szpital Łódź 東京", "Wejście\tgłówne");

        String text = LabelReading.flowing(LabelReading.pdf(renderer.pdf(content, LabelSize.DK_62X100, LabelLanguage.BOTH)).text());

        assertThat(text).contains("Szpital ?ódz ?? — Wejscie g?ówne");
    }
}
