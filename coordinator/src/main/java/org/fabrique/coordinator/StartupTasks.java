package org.fabrique.coordinator;

import java.time.Duration;

import org.fabrique.coordinator.account.CoordinatorBootstrap;
import org.fabrique.coordinator.system.store.StoreIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

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

    StartupTasks(StoreIndexes indexes, CoordinatorBootstrap bootstrap) {
        this.indexes = indexes;
        this.bootstrap = bootstrap;
    }

    @Override
    public void run(ApplicationArguments args) {
        indexes.ensure()
                .then(bootstrap.ensureFirstCoordinator())
                .block(LIMIT);
        log.info("Coordinator ready");
    }
}
