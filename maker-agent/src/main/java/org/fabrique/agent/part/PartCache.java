package org.fabrique.agent.part;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import org.fabrique.agent.coordinator.CoordinatorClient;
import org.fabrique.agent.coordinator.CoordinatorProblem;
import org.fabrique.agent.coordinator.Lot;
import org.fabrique.agent.coordinator.Part;
import org.fabrique.agent.coordinator.Retrier;

/**
 * Downloads a lot's parts into {@code cache/<sha256>.stl} and refuses any whose bytes do not hash to
 * the SHA-256 the lot announced. A part already cached with the right hash is not downloaded again.
 */
public final class PartCache {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path directory;
    private final CoordinatorClient client;
    private final Retrier retrier;

    public PartCache(Path directory, CoordinatorClient client, Retrier retrier) {
        this.directory = directory;
        this.client = client;
        this.retrier = retrier;
    }

    public Path fetch(Lot lot, Part part) throws PartRejected, IOException, InterruptedException {
        String expected = part.sha256() == null ? "" : part.sha256().trim().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(expected).matches()) {
            throw new PartRejected(part.file() + ": the lot gives no valid SHA-256 for this part ('" + part.sha256() + "')");
        }
        Files.createDirectories(directory);
        Path cached = directory.resolve(expected + ".stl");
        if (Files.isRegularFile(cached) && sha256(cached).equals(expected)) {
            return cached;
        }
        Path download = Files.createTempFile(directory, "." + expected, ".download");
        try {
            retrier.call(() -> {
                client.download(urlOf(lot, part), download);
                return null;
            });
        } catch (CoordinatorProblem problem) {
            Files.deleteIfExists(download);
            throw new PartRejected(part.file() + " could not be downloaded: " + problem.getMessage());
        } catch (IOException | InterruptedException | RuntimeException e) {
            Files.deleteIfExists(download);
            throw e;
        }
        String calculated = sha256(download);
        if (!calculated.equals(expected)) {
            Files.deleteIfExists(download);
            throw new PartRejected(part.file() + ": checksum mismatch: expected " + expected + ", calculated " + calculated);
        }
        Files.move(download, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return cached;
    }

    private static String urlOf(Lot lot, Part part) {
        if (part.url() != null && !part.url().isBlank()) {
            return part.url();
        }
        return "/api/designs/" + lot.designSlug() + "/" + lot.designVersion() + "/parts/" + part.file();
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
