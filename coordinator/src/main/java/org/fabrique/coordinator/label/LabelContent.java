package org.fabrique.coordinator.label;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.fabrique.designs.DesignManifest.LocalizedText;

/**
 * Everything a lot's label says, gathered from the lot, its design, its maker and its need.
 * {@code quantity} is the number of items printed, which is what the bag holds; {@code printedOn}
 * is the (UTC) date the lot was reported printed.
 */
public record LabelContent(
        String lotNumber,
        String lotUrl,
        String designSlug,
        String designVersion,
        LocalizedText designTitle,
        int quantity,
        String material,
        String maker,
        LocalDate printedOn,
        String hospital,
        String deliveryPoint,
        LocalizedText disclaimer) {

    /**
     * What the QR code carries: the lot's URL, so that a phone opens the lot's page, with the
     * label's fields as query parameters, so that a reader without network still has them:
     * {@code https://…/lots/FAB-4K7-QM2-X?design=face-shield-headband&version=1.0.0&qty=4&material=PETG&maker=maker-8K2QW1&printed=2026-11-23}.
     */
    public String qrPayload() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("design", designSlug);
        fields.put("version", designVersion);
        fields.put("qty", Integer.toString(quantity));
        fields.put("material", material);
        fields.put("maker", maker);
        fields.put("printed", printedOn.toString());
        return lotUrl + fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
