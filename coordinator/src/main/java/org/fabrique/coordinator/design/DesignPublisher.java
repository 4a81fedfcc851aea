package org.fabrique.coordinator.design;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.event.EventLog;
import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.fabrique.designs.DesignLibrary;
import org.fabrique.designs.DesignLibraryException;
import org.fabrique.designs.DesignManifest;
import org.fabrique.designs.DesignManifestValidator;
import org.fabrique.designs.DesignManifests;
import org.fabrique.designs.DesignStatus;
import org.fabrique.designs.LoadedDesign;
import org.fabrique.designs.LoadedPart;
import org.fabrique.jstl.MeshReport;
import org.fabrique.jstl.Stl;
import org.fabrique.jstl.StlException;
import org.fabrique.jstl.StlLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Brings design versions into the coordinator — from the design library on disk at start-up, or
 * uploaded by a coordinator — after the same checks: the manifest is complete and valid, every
 * part is a valid STL (jstl) that is watertight, consistently oriented and fits a 200 mm bed, and
 * matches what the manifest declares. Then publishes and retires them.
 */
@Service
public class DesignPublisher {

    private static final Logger log = LoggerFactory.getLogger(DesignPublisher.class);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** What one start-up import did. */
    public record ImportReport(List<String> imported, List<String> unchanged, List<String> refused) {
    }

    private enum Outcome { IMPORTED, UNCHANGED, REFUSED }

    private record FolderResult(String name, Outcome outcome) {
    }

    private final ReactiveMongoTemplate mongo;
    private final DesignFiles files;
    private final Designs designs;
    private final EventLog events;
    private final Clock clock;
    private final DesignManifestValidator validator = new DesignManifestValidator();

    public DesignPublisher(ReactiveMongoTemplate mongo, DesignFiles files, Designs designs, EventLog events, Clock clock) {
        this.mongo = mongo;
        this.files = files;
        this.designs = designs;
        this.events = events;
        this.clock = clock;
    }

    // ---- the library on disk ---------------------------------------------------------------

    /**
     * Imports every design version of the library that the store does not have yet. A broken
     * design is refused, with its file and problem in the log, and the others still import.
     * A version already in the store is never changed (published versions are immutable).
     */
    public Mono<ImportReport> importLibrary(Path root) {
        return Mono.fromCallable(() -> designFolders(root)).subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(Flux::fromIterable)
                // Checking the meshes is CPU work that dominates a first start; one design per core.
                .flatMapSequential(this::importFolder, Runtime.getRuntime().availableProcessors())
                .collectList()
                .map(results -> {
                    ImportReport report = new ImportReport(names(results, Outcome.IMPORTED),
                            names(results, Outcome.UNCHANGED), names(results, Outcome.REFUSED));
                    log.info("Design library {}: imported {}, already present {}, refused {}", root.toAbsolutePath(),
                            report.imported(), report.unchanged(), report.refused().size());
                    return report;
                });
    }

    private static List<String> names(List<FolderResult> results, Outcome wanted) {
        return results.stream().filter(r -> r.outcome() == wanted).map(FolderResult::name).toList();
    }

    private Mono<FolderResult> importFolder(Path folder) {
        return Mono.fromCallable(() -> DesignLibrary.loadDesign(folder, validator)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(loaded -> {
                    DesignManifest manifest = loaded.manifest();
                    return mongo.findById(manifest.id(), Design.class)
                            .map(existing -> {
                                if (!sameFiles(existing, manifest)) {
                                    log.warn("Design library: {} differs from the version already in the store; published "
                                            + "versions never change, so give the new files a new version", manifest.id());
                                }
                                return new FolderResult(manifest.id(), Outcome.UNCHANGED);
                            })
                            .switchIfEmpty(Mono.defer(() -> storeLoaded(loaded).map(design -> new FolderResult(design.id(), Outcome.IMPORTED))));
                })
                .onErrorResume(DesignLibraryException.class, refused -> {
                    refused.problems().forEach(problem -> log.error("Design library: refused {}", problem));
                    return Mono.just(new FolderResult(folder.getFileName().toString(), Outcome.REFUSED));
                });
    }

    private Mono<Design> storeLoaded(LoadedDesign loaded) {
        DesignManifest manifest = loaded.manifest();
        return Flux.fromIterable(loaded.parts())
                .concatMap(part -> Mono.fromCallable(() -> Files.readAllBytes(part.file()))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(bytes -> files.store(part.sha256(), bytes, "model/stl")))
                .then(Mono.fromCallable(() -> Files.readAllBytes(loaded.preview())).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(preview -> {
                    String previewHash = sha256(preview);
                    return files.store(previewHash, preview, "image/png").thenReturn(previewHash);
                })
                .flatMap(previewHash -> insert(Design.from(manifest, manifest.status(), previewHash, clock.instant(),
                        "design-library"), Actor.system("design-library")));
    }

    private static List<Path> designFolders(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            log.warn("Design library {} not found; no design imported", root.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(dir -> Files.exists(dir.resolve(DesignLibrary.MANIFEST_YAML))
                            || Files.exists(dir.resolve(DesignLibrary.MANIFEST_JSON)))
                    .sorted().toList();
        }
    }

    private static boolean sameFiles(Design existing, DesignManifest manifest) {
        List<String> stored = existing.parts().stream().map(Design.Part::sha256).toList();
        List<String> declared = manifest.parts().stream().map(DesignManifest.Part::sha256).toList();
        return stored.equals(declared);
    }

    // ---- uploads ---------------------------------------------------------------------------

    /**
     * A new design version from a coordinator: the manifest (YAML or JSON), one STL per part
     * (matched by file name), and optionally a PNG preview. It is stored as a DRAFT.
     */
    public Mono<Design> upload(byte[] manifestBytes, Map<String, byte[]> stlFiles, byte[] preview, StlLimits limits,
            Actor actor) {
        return Mono.fromCallable(() -> checkUpload(manifestBytes, stlFiles, preview, limits))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(manifest -> designs.find(manifest.slug(), manifest.version())
                        .flatMap(existing -> Mono.<Design>error(new ApiException(ProblemType.DESIGN_VERSION_EXISTS,
                                existing.id() + " already exists (" + existing.status() + "); upload a new version",
                                Map.of("status", existing.status().name()))))
                        .onErrorResume(e -> e instanceof ApiException api && api.type() == ProblemType.DESIGN_NOT_FOUND,
                                notThere -> storeUpload(manifest, stlFiles, preview, actor)));
    }

    private DesignManifest checkUpload(byte[] manifestBytes, Map<String, byte[]> stlFiles, byte[] preview,
            StlLimits limits) {
        DesignManifest manifest;
        try {
            manifest = DesignManifests.parse(new ByteArrayInputStream(manifestBytes), "design.yaml");
        } catch (DesignLibraryException e) {
            throw invalidDesign(e.problems().stream().map(DesignLibraryException.Problem::message).toList());
        }
        List<String> problems = new ArrayList<>();
        List<LoadedPart> loaded = new ArrayList<>();
        for (int i = 0; i < manifest.parts().size(); i++) {
            DesignManifest.Part part = manifest.parts().get(i);
            String name = Design.fileName(part.file());
            byte[] bytes = stlFiles.get(name);
            if (bytes == null) {
                problems.add("parts[" + i + "].file: " + name + " was not uploaded (send it as a 'file' part named " + name + ")");
                continue;
            }
            loaded.add(new LoadedPart(part, Path.of(name), sha256(bytes), bytes.length, analyse(name, bytes, limits)));
        }
        List<String> extra = stlFiles.keySet().stream()
                .filter(name -> manifest.parts().stream().noneMatch(p -> Design.fileName(p.file()).equals(name)))
                .toList();
        if (!extra.isEmpty()) {
            problems.add("files " + extra + " are not parts of the manifest");
        }
        if (preview != null && !startsWith(preview, PNG_SIGNATURE)) {
            problems.add("preview: not a PNG image");
        }
        problems.addAll(validator.problems(manifest, loaded));
        if (!problems.isEmpty()) {
            throw invalidDesign(problems);
        }
        return manifest;
    }

    private static MeshReport analyse(String file, byte[] bytes, StlLimits limits) {
        try {
            return Stl.analyze(new ByteArrayInputStream(bytes), limits);
        } catch (StlException e) {
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("file", file);
            where.put("stlError", e.error().slug());
            e.triangleIndex().ifPresent(v -> where.put("triangleIndex", v));
            e.byteOffset().ifPresent(v -> where.put("byteOffset", v));
            e.line().ifPresent(v -> where.put("line", v));
            e.column().ifPresent(v -> where.put("column", v));
            throw new ApiException(ProblemType.INVALID_STL, file + ": " + e.getMessage(), where);
        }
    }

    private Mono<Design> storeUpload(DesignManifest manifest, Map<String, byte[]> stlFiles, byte[] preview, Actor actor) {
        String previewHash = preview == null ? null : sha256(preview);
        Mono<Void> storePreview = preview == null ? Mono.empty() : files.store(previewHash, preview, "image/png");
        return Flux.fromIterable(manifest.parts())
                .concatMap(part -> files.store(part.sha256(), stlFiles.get(Design.fileName(part.file())), "model/stl"))
                .then(storePreview)
                .then(Mono.defer(() -> insert(Design.from(manifest, DesignStatus.DRAFT, previewHash, clock.instant(),
                        actor.ref()), actor)));
    }

    private Mono<Design> insert(Design design, Actor actor) {
        return mongo.insert(design)
                .onErrorMap(DuplicateKeyException.class, e -> new ApiException(ProblemType.DESIGN_VERSION_EXISTS,
                        design.id() + " already exists"))
                .flatMap(saved -> announce(saved, saved.status() == DesignStatus.PUBLISHED ? "design.published" : "design.drafted",
                        actor));
    }

    // ---- life cycle ------------------------------------------------------------------------

    public Mono<Design> publish(String slug, String version, Actor actor) {
        return changeStatus(slug, version, DesignStatus.DRAFT, DesignStatus.PUBLISHED, "publishedAt", actor, "design.published");
    }

    /** A retired version is offered to no new claim; lots already under way finish. */
    public Mono<Design> retire(String slug, String version, Actor actor) {
        return changeStatus(slug, version, DesignStatus.PUBLISHED, DesignStatus.RETIRED, "retiredAt", actor, "design.retired");
    }

    private Mono<Design> changeStatus(String slug, String version, DesignStatus from, DesignStatus to, String stamp,
            Actor actor, String event) {
        return designs.find(slug, version).flatMap(current -> {
            if (current.status() != from) {
                return Mono.error(new ApiException(from == DesignStatus.DRAFT ? ProblemType.DESIGN_NOT_DRAFT
                        : ProblemType.DESIGN_NOT_PUBLISHED, current.id() + " is " + current.status() + "; only a " + from
                        + " version can become " + to, Map.of("status", current.status().name())));
            }
            Query query = Query.query(Criteria.where("_id").is(current.id()).and("status").is(from));
            Update update = new Update().set("status", to).set(stamp, clock.instant());
            return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Design.class)
                    .switchIfEmpty(Mono.defer(() -> changeStatus(slug, version, from, to, stamp, actor, event)))
                    .doOnNext(changed -> designs.evict(slug, version))
                    .flatMap(changed -> announce(changed, event, actor));
        });
    }

    private Mono<Design> announce(Design design, String type, Actor actor) {
        return events.append(new EventLog.Draft(type, actor, null, null, null, null,
                Map.of("design", design.id(), "status", design.status().name()))).thenReturn(design);
    }

    private static ApiException invalidDesign(List<String> problems) {
        return new ApiException(ProblemType.INVALID_DESIGN, problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""),
                Map.of("problems", problems));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
