package org.fabrique.coordinator.design;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.account.Role;
import org.fabrique.coordinator.system.FabriqueProperties;
import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.fabrique.designs.DesignStatus;
import org.fabrique.jstl.StlLimits;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The open design library over HTTP. Published and retired versions and their files are public;
 * drafts are for coordinators. Part files are served with their SHA-256 as ETag.
 */
@RestController
@RequestMapping("/api/designs")
class DesignController {

    static final MediaType STL = MediaType.parseMediaType("model/stl");
    private static final int MAX_MANIFEST_BYTES = 1024 * 1024;

    private final Designs designs;
    private final DesignPublisher publisher;
    private final DesignFiles files;
    private final FabriqueProperties properties;

    DesignController(Designs designs, DesignPublisher publisher, DesignFiles files, FabriqueProperties properties) {
        this.designs = designs;
        this.publisher = publisher;
        this.files = files;
        this.properties = properties;
    }

    @GetMapping
    Flux<DesignView> list(@RequestParam(required = false) DesignStatus status, @AuthenticationPrincipal Actor actor) {
        DesignStatus wanted = status == null ? DesignStatus.PUBLISHED : status;
        if (wanted == DesignStatus.DRAFT && !isCoordinator(actor)) {
            return Flux.error(ApiException.forbidden("Only coordinators see draft designs"));
        }
        return designs.withStatus(wanted).sort(java.util.Comparator.comparing(Design::slug)
                .thenComparing(Design::version, Designs.NEWEST_FIRST)).map(DesignView::of);
    }

    @GetMapping("/{slug}")
    Flux<DesignView> versions(@PathVariable String slug, @AuthenticationPrincipal Actor actor) {
        return designs.versions(slug)
                .filter(design -> visible(design, actor))
                .map(DesignView::of)
                .switchIfEmpty(Flux.error(() -> ApiException.notFound(ProblemType.DESIGN_NOT_FOUND, "Design", slug)));
    }

    @GetMapping("/{slug}/{version}")
    Mono<DesignView> get(@PathVariable String slug, @PathVariable String version, @AuthenticationPrincipal Actor actor) {
        return visibleDesign(slug, version, actor).map(DesignView::of);
    }

    @GetMapping("/{slug}/{version}/parts/{file}")
    Mono<ResponseEntity<Flux<DataBuffer>>> part(@PathVariable String slug, @PathVariable String version,
            @PathVariable String file, @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @AuthenticationPrincipal Actor actor) {
        return visibleDesign(slug, version, actor).flatMap(design -> {
            Design.Part part = design.parts().stream().filter(p -> p.file().equals(file)).findFirst()
                    .orElseThrow(() -> new ApiException(ProblemType.PART_NOT_FOUND, design.id() + " has no part file " + file
                            + "; its parts are " + design.parts().stream().map(Design.Part::file).toList()));
            return Mono.just(download(part.sha256(), part.bytes(), STL, file, ifNoneMatch, design.status()));
        });
    }

    @GetMapping("/{slug}/{version}/preview.png")
    Mono<ResponseEntity<Flux<DataBuffer>>> preview(@PathVariable String slug, @PathVariable String version,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @AuthenticationPrincipal Actor actor) {
        return visibleDesign(slug, version, actor).flatMap(design -> design.previewSha256() == null
                ? Mono.error(new ApiException(ProblemType.PART_NOT_FOUND, design.id() + " has no preview image"))
                : Mono.just(download(design.previewSha256(), -1, MediaType.IMAGE_PNG, null, ifNoneMatch, design.status())));
    }

    /**
     * Uploads a new design version as a multipart form: {@code manifest} (design.yaml or JSON),
     * one {@code file} per STL part (named as in the manifest), optionally {@code preview} (PNG).
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<DesignView> upload(@RequestBody Flux<Part> parts, @AuthenticationPrincipal Actor actor) {
        long maxPart = properties.designs().maxPartSize().toBytes();
        Map<String, byte[]> stlFiles = new HashMap<>();
        byte[][] manifestAndPreview = new byte[2][];
        return parts.concatMap(part -> bytesOf(part, part.name().equals("manifest") ? MAX_MANIFEST_BYTES : maxPart)
                        .doOnNext(bytes -> {
                            switch (part.name()) {
                                case "manifest" -> manifestAndPreview[0] = bytes;
                                case "preview" -> manifestAndPreview[1] = bytes;
                                case "file" -> {
                                    if (!(part instanceof FilePart filePart)) {
                                        throw new ApiException(ProblemType.MALFORMED_REQUEST, "'file' parts must be files with a file name");
                                    }
                                    if (stlFiles.size() >= properties.designs().maxParts()) {
                                        throw new ApiException(ProblemType.UPLOAD_TOO_LARGE, "At most "
                                                + properties.designs().maxParts() + " part files per design");
                                    }
                                    stlFiles.put(filePart.filename(), bytes);
                                }
                                default -> throw new ApiException(ProblemType.MALFORMED_REQUEST, "Unexpected form part '"
                                        + part.name() + "'; send 'manifest', 'file' (one per STL) and optionally 'preview'");
                            }
                        }))
                .then(Mono.defer(() -> {
                    if (manifestAndPreview[0] == null) {
                        return Mono.error(new ApiException(ProblemType.MALFORMED_REQUEST,
                                "The form has no 'manifest' part (design.yaml or design.json)"));
                    }
                    StlLimits limits = new StlLimits(maxPart, StlLimits.defaults().maxTriangles());
                    return publisher.upload(manifestAndPreview[0], stlFiles, manifestAndPreview[1], limits, actor);
                }))
                .map(DesignView::of);
    }

    @PostMapping("/{slug}/{version}/publish")
    Mono<DesignView> publish(@PathVariable String slug, @PathVariable String version, @AuthenticationPrincipal Actor actor) {
        return publisher.publish(slug, version, actor).map(DesignView::of);
    }

    @PostMapping("/{slug}/{version}/retire")
    Mono<DesignView> retire(@PathVariable String slug, @PathVariable String version, @AuthenticationPrincipal Actor actor) {
        return publisher.retire(slug, version, actor).map(DesignView::of);
    }

    private ResponseEntity<Flux<DataBuffer>> download(String sha256, long bytes, MediaType type, String fileName,
            String ifNoneMatch, DesignStatus status) {
        String etag = "\"" + sha256 + "\"";
        CacheControl caching = status == DesignStatus.DRAFT ? CacheControl.noCache()
                : CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(caching).build();
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().eTag(etag).cacheControl(caching).contentType(type);
        if (bytes >= 0) {
            response.contentLength(bytes);
        }
        if (fileName != null) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
        }
        return response.body(files.read(sha256));
    }

    private static Mono<byte[]> bytesOf(Part part, long limit) {
        if (part instanceof FormFieldPart field) {
            return Mono.just(field.value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return DataBufferUtils.join(part.content(), (int) Math.min(Integer.MAX_VALUE, limit))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0]);
    }

    private Mono<Design> visibleDesign(String slug, String version, Actor actor) {
        return designs.find(slug, version).filter(design -> visible(design, actor))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(ProblemType.DESIGN_NOT_FOUND, "Design version",
                        Design.id(slug, version))));
    }

    private static boolean visible(Design design, Actor actor) {
        return design.status() != DesignStatus.DRAFT || isCoordinator(actor);
    }

    private static boolean isCoordinator(Actor actor) {
        return actor != null && actor.is(Role.COORDINATOR);
    }
}
