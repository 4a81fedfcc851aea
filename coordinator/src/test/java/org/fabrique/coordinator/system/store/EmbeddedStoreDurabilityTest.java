package org.fabrique.coordinator.system.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.fabrique.coordinator.FabriqueCoordinatorApplication;
import org.fabrique.coordinator.account.CoordinatorBootstrap;
import org.fabrique.coordinator.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A write the coordinator acknowledged survives {@code kill -9} of its process: the coordinator
 * runs as a separate process on the embedded H2 store, agents register as fast as they can, the
 * process is killed in the middle, restarted on the same data directory, and every registration
 * that was answered 201 must still be there.
 */
class EmbeddedStoreDurabilityTest {

    private Process coordinator;

    @AfterEach
    void killLeftovers() {
        if (coordinator != null) {
            coordinator.destroyForcibly();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillDashNine() throws Exception {
        Path dataDir = Files.createTempDirectory("fabrique-durability");
        int port = freePort();
        coordinator = start(dataDir, port);
        Api api = new Api("http://localhost:" + port);
        String token = Files.readString(dataDir.resolve(CoordinatorBootstrap.TOKEN_FILE)).trim();

        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        for (int w = 0; w < 8; w++) {
            writers.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Api.Response r = api.post("/api/makers/register", null, Map.of("postcode", "69003", "country", "FR"));
                        if (r.status() == 201) {
                            acknowledged.add(r.text("makerId"));
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 400);
        coordinator.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        writers.shutdownNow();
        writers.awaitTermination(30, TimeUnit.SECONDS);
        Set<String> beforeKill = new HashSet<>(acknowledged);

        coordinator = start(dataDir, port);
        Set<String> afterRestart = new HashSet<>();
        Api.expect(api.get("/api/makers", token), 200).body().forEach(m -> afterRestart.add(m.get("makerId").asString()));

        assertThat(beforeKill).hasSizeGreaterThanOrEqualTo(400);
        assertThat(afterRestart).containsAll(beforeKill);
    }

    private static Process start(Path dataDir, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                FabriqueCoordinatorApplication.class.getName(),
                "--server.port=" + port,
                "--fabrique.data-dir=" + dataDir,
                "--fabrique.designs.import-on-start=false",
                "--logging.file.name="));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("coordinator-" + System.nanoTime() + ".out").toFile())
                .start();
        Api api = new Api("http://localhost:" + port);
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> process.isAlive() && api.get("/actuator/health", null).status() == 200);
        } catch (RuntimeException notHealthy) {
            process.destroyForcibly();
            throw notHealthy;
        }
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
