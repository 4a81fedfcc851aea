package org.fabrique.coordinator;

import java.time.Duration;

import org.fabrique.coordinator.account.CoordinatorBootstrap;
import org.fabrique.coordinator.demo.DemoData;
import org.fabrique.coordinator.design.DesignPublisher;
import org.fabrique.coordinator.system.FabriqueProperties;
import org.fabrique.coordinator.system.store.StoreIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What must be in place before the coordinator reports ready: the store's indexes, the first
 * coordinator account, the design library, and (in demo mode) the demo hospitals and needs.
 * {@code /actuator/health} answers UP only after these ran.
 */
@Component
class StartupTasks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupTasks.class);
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private final StoreIndexes indexes;
    private final CoordinatorBootstrap bootstrap;
    private final DesignPublisher designs;
    private final ObjectProvider<DemoData> demo;
    private final FabriqueProperties properties;

    StartupTasks(StoreIndexes indexes, CoordinatorBootstrap bootstrap, DesignPublisher designs,
            ObjectProvider<DemoData> demo, FabriqueProperties properties) {
        this.indexes = indexes;
        this.bootstrap = bootstrap;
        this.designs = designs;
        this.demo = demo;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        Mono<?> library = properties.designs().importOnStart()
                ? designs.importLibrary(properties.designs().libraryDir()) : Mono.empty();
        DemoData demoData = demo.getIfAvailable();
        indexes.ensure()
                .then(bootstrap.ensureFirstCoordinator())
                .then(library)
                .then(demoData == null ? Mono.empty() : demoData.ensure())
                .block(LIMIT);
        log.info("Coordinator ready");
    }
}
