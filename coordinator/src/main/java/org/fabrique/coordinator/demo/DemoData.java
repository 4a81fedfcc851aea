package org.fabrique.coordinator.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.fabrique.coordinator.account.Accounts;
import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.account.Role;
import org.fabrique.coordinator.design.Designs;
import org.fabrique.coordinator.geo.Areas;
import org.fabrique.coordinator.hospital.Homologations;
import org.fabrique.coordinator.hospital.Hospital;
import org.fabrique.coordinator.need.Need;
import org.fabrique.coordinator.need.Needs;
import org.fabrique.coordinator.need.Priority;
import org.fabrique.coordinator.system.FabriqueProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo mode ({@code fabrique.demo=true}): three hospitals with open needs for the published
 * designs (two homologate the versions they need, one accepts any published version), so that
 * agents started beside the coordinator find work at once. Their staff tokens
 * are written to {@code <data-dir>/demo-accounts.txt} (owner-only) to log in to the hospital desk.
 * Runs once per store: the hospitals have fixed ids.
 */
@Component
@ConditionalOnProperty(name = "fabrique.demo", havingValue = "true")
public class DemoData {

    static final String ACCOUNTS_FILE = "demo-accounts.txt";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** {@code homologates}: whether the hospital homologates the designs it needs, or takes any published version. */
    private record DemoHospital(String id, String name, String postcode, boolean homologates, List<DemoNeed> needs) {
    }

    private record DemoNeed(String design, int quantity, int days, Priority priority, String deliveryPoint) {
    }

    private static final List<DemoHospital> HOSPITALS = List.of(
            new DemoHospital("demo-chu-lyon-sud", "CHU Lyon Sud (démo)", "69310", true, List.of(
                    new DemoNeed("face-shield-headband", 400, 5, Priority.CRITICAL, "Urgences, bâtiment 3A"),
                    new DemoNeed("face-shield-bottom-reinforcement", 400, 7, Priority.HIGH, "Urgences, bâtiment 3A"))),
            new DemoHospital("demo-chu-grenoble", "CHU Grenoble Alpes (démo)", "38700", true, List.of(
                    new DemoNeed("face-shield-headband", 300, 10, Priority.HIGH, "Pharmacie centrale"),
                    new DemoNeed("syringe-pump", 6, 14, Priority.NORMAL, "Réanimation médicale"))),
            new DemoHospital("demo-ehpad-villeurbanne", "EHPAD Les Tilleuls, Villeurbanne (démo)", "69100", false, List.of(
                    new DemoNeed("face-shield-headband-stack", 120, 3, Priority.HIGH, "Accueil"))));

    private final ReactiveMongoTemplate mongo;
    private final Accounts accounts;
    private final Needs needs;
    private final Designs designs;
    private final Homologations homologations;
    private final Clock clock;
    private final FabriqueProperties properties;

    DemoData(ReactiveMongoTemplate mongo, Accounts accounts, Needs needs, Designs designs, Homologations homologations,
            Clock clock, FabriqueProperties properties) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.needs = needs;
        this.designs = designs;
        this.homologations = homologations;
        this.clock = clock;
        this.properties = properties;
    }

    public Mono<Void> ensure() {
        StringBuilder tokens = new StringBuilder("# Demo hospital staff accounts (bearer tokens for the hospital desk)\n");
        return Flux.fromIterable(HOSPITALS)
                .concatMap(demo -> createHospital(demo)
                        .flatMap(hospital -> accounts.create(Role.HOSPITAL, "Demo staff, " + hospital.name(), null,
                                        hospital.id(), Actor.system("demo"))
                                .doOnNext(issued -> tokens.append(hospital.name()).append(" = ").append(issued.token()).append('\n'))
                                .flatMap(issued -> postNeeds(demo, issued.account().toActor()))))
                .then(Mono.fromRunnable(() -> {
                    if (tokens.indexOf(" = ") > 0) {
                        writeTokens(tokens.toString());
                    }
                }));
    }

    private Mono<Hospital> createHospital(DemoHospital demo) {
        Hospital hospital = new Hospital(demo.id(), demo.name(), "FR", demo.postcode(),
                Areas.of("FR", demo.postcode()).code(), clock.instant());
        return mongo.insert(hospital).onErrorResume(DuplicateKeyException.class, alreadyThere -> Mono.empty());
    }

    private Mono<Void> postNeeds(DemoHospital demo, Actor staff) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Flux.fromIterable(demo.needs())
                .concatMap(need -> designs.publishedVersions(need.design())
                        .filter(versions -> !versions.isEmpty())
                        .flatMap(versions -> (demo.homologates()
                                ? homologations.homologate(demo.id(), need.design(), versions.get(0), List.of(), staff).then()
                                : Mono.<Void>empty())
                                .then(needs.post(new Needs.PostNeed(need.design(), List.of(), !demo.homologates(),
                                        need.quantity(), today.plusDays(need.days()), need.priority(),
                                        new Need.DeliveryPoint(need.deliveryPoint(), null, demo.postcode(), null)), staff))))
                .doOnNext(need -> log.info("Demo need: {} x {} for {}", need.quantity(), need.designSlug(), demo.name()))
                .then();
    }

    private void writeTokens(String content) {
        Path file = properties.dataDir().resolve(ACCOUNTS_FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content);
            log.info("Demo hospital accounts written to {}", file.toAbsolutePath());
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Could not write the demo accounts to {}: {}", file.toAbsolutePath(), e.getMessage());
        }
    }
}
