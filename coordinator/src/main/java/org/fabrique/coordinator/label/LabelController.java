package org.fabrique.coordinator.label;

import org.fabrique.coordinator.account.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A lot's printable label, by lot id or lot number, for whoever may see the lot: its maker, the
 * hospital it is addressed to, coordinators. {@code size} is a label stock ({@link LabelSize}),
 * {@code lang} fr, en or both.
 */
@RestController
class LabelController {

    private final Labels labels;

    LabelController(Labels labels) {
        this.labels = labels;
    }

    @GetMapping("/api/lots/{lot}/label.pdf")
    Mono<ResponseEntity<byte[]>> pdf(@PathVariable String lot, @RequestParam(required = false) String size,
            @RequestParam(required = false) String lang, @AuthenticationPrincipal Actor actor) {
        return answer(lot, size, lang, actor, Labels.Format.PDF, MediaType.APPLICATION_PDF, "pdf");
    }

    @GetMapping("/api/lots/{lot}/label.png")
    Mono<ResponseEntity<byte[]>> png(@PathVariable String lot, @RequestParam(required = false) String size,
            @RequestParam(required = false) String lang, @AuthenticationPrincipal Actor actor) {
        return answer(lot, size, lang, actor, Labels.Format.PNG, MediaType.IMAGE_PNG, "png");
    }

    private Mono<ResponseEntity<byte[]>> answer(String lot, String sizeCode, String languageCode, Actor actor,
            Labels.Format format, MediaType type, String extension) {
        LabelSize size = LabelSize.parse(sizeCode);
        LabelLanguage language = LabelLanguage.parse(languageCode);
        return labels.label(lot, actor, format, size, language).map(label -> ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(label.content().lotNumber() + "-" + size.code() + "." + extension).build().toString())
                .body(label.bytes()));
    }
}
