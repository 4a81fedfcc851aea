package org.fabrique.agent.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fabrique.agent.AgentException;
import org.fabrique.agent.files.AtomicFiles;

/** Per-printer work state files, {@code journal/printers/<printerId>.json}, each replaced atomically. */
public final class WorkStates {

    private final Path directory;

    public WorkStates(Path journalDirectory) {
        this.directory = journalDirectory.resolve("printers");
    }

    public synchronized Optional<PrinterWork> load(String printerId) throws IOException, AgentException {
        Path file = file(printerId);
        try {
            return Optional.of(PrinterWork.fromJson(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new AgentException("work state " + file + " is damaged (" + e.getMessage()
                    + "); move it away to let printer " + printerId + " claim new work");
        }
    }

    public synchronized List<PrinterWork> loadAll() throws IOException, AgentException {
        List<PrinterWork> all = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return all;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                load(name.substring(0, name.length() - ".json".length())).ifPresent(all::add);
            }
        }
        return all;
    }

    public synchronized void save(PrinterWork work) throws IOException {
        AtomicFiles.write(file(work.printerId()), work.toJson().getBytes(StandardCharsets.UTF_8), false);
    }

    public synchronized void clear(String printerId) throws IOException {
        Files.deleteIfExists(file(printerId));
        AtomicFiles.syncDirectory(directory);
    }

    private Path file(String printerId) {
        return directory.resolve(printerId + ".json");
    }
}
