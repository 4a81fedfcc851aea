package org.fabrique.coordinator.account;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.fabrique.coordinator.system.FabriqueProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * On the very first start, creates the first coordinator account. Its token is logged once and
 * written to {@code <data-dir>/coordinator-token}, readable only by the owner. The fixed account
 * id makes this safe when several coordinators start against a fresh database together.
 */
@Component
public class CoordinatorBootstrap {

    static final String FIRST_COORDINATOR_ID = "first-coordinator";
    public static final String TOKEN_FILE = "coordinator-token";

    private static final Logger log = LoggerFactory.getLogger(CoordinatorBootstrap.class);

    private final Accounts accounts;
    private final FabriqueProperties properties;

    CoordinatorBootstrap(Accounts accounts, FabriqueProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    public Mono<Void> ensureFirstCoordinator() {
        return accounts.anyWithRole(Role.COORDINATOR).flatMap(exists -> exists ? Mono.empty()
                : accounts.create(FIRST_COORDINATOR_ID, Role.COORDINATOR, "First coordinator", null, null, null)
                        .doOnNext(issued -> announce(issued.token()))
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                        .then());
    }

    private void announce(String token) {
        Path file = properties.dataDir().resolve(TOKEN_FILE).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            writeOwnerOnly(file, token + "\n");
            log.warn("First coordinator token (shown once, also saved owner-only in {}): {}", file, token);
        } catch (IOException e) {
            log.warn("First coordinator token (shown once; could not save it to {}: {}): {}", file, e.getMessage(), token);
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
        Files.writeString(file, content, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
