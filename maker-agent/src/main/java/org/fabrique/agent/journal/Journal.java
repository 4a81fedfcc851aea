package org.fabrique.agent.journal;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;

import org.fabrique.agent.coordinator.ApiRequest;
import org.fabrique.agent.files.AtomicFiles;

/**
 * The durable outbox. Every state-changing call is appended (and synced to disk) with its idempotency
 * key before its first attempt, and marked done once the coordinator gave a definitive answer; calls
 * still pending when the agent stopped are sent again, in order, with the same key when it starts.
 *
 * <p>The file is append-only, one record per line: {@code <crc32 in hex> <json>}. A record whose
 * checksum does not match is skipped; a torn last line (power cut while writing) is dropped. On open
 * the file is compacted to the pending calls only, by atomic rename.
 */
public final class Journal implements AutoCloseable {

    static final String FILE_NAME = "outbox.log";

    private final Path file;
    private final Clock clock;
    private final LinkedHashMap<String, JournalEntry> pending;
    private long nextSequence;
    private FileOutputStream out;

    private Journal(Path file, Clock clock, LinkedHashMap<String, JournalEntry> pending, long nextSequence) throws IOException {
        this.file = file;
        this.clock = clock;
        this.pending = pending;
        this.nextSequence = nextSequence;
        this.out = new FileOutputStream(file.toFile(), true);
    }

    /** Opens (creating if needed) the journal in {@code directory}; problems found while reading go to {@code warnings}. */
    public static Journal open(Path directory, Clock clock, Consumer<String> warnings) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        Contents contents = read(file, warnings);
        StringBuilder compacted = new StringBuilder();
        for (JournalEntry entry : contents.pending.values()) {
            compacted.append(line(entry.toJson()));
        }
        AtomicFiles.write(file, compacted.toString().getBytes(StandardCharsets.UTF_8), false);
        return new Journal(file, clock, contents.pending, contents.lastSequence + 1);
    }

    /** The pending calls in a journal, without opening it for writing (for {@code status}, while an agent may run). */
    public static List<JournalEntry> readPending(Path directory) throws IOException {
        return new ArrayList<>(read(directory.resolve(FILE_NAME), warning -> { }).pending.values());
    }

    public synchronized JournalEntry append(CallKind kind, String printerId, String lotId, String lotNumber, ApiRequest request)
            throws IOException {
        if (request.idempotencyKey() == null) {
            throw new IllegalArgumentException("a journaled call needs an idempotency key: " + request);
        }
        JournalEntry entry = new JournalEntry(nextSequence++, kind, printerId, lotId, lotNumber, request, clock.instant());
        write(entry.toJson());
        pending.put(entry.key(), entry);
        return entry;
    }

    /** Records that the call got a definitive answer ({@code outcome}, e.g. "201" or "409 lease-expired"). */
    public synchronized void markDone(JournalEntry entry, String outcome) throws IOException {
        if (pending.remove(entry.key()) == null) {
            return;
        }
        write(new JsonObject().add("op", "done").add("key", entry.key()).add("outcome", outcome)
                .add("at", clock.instant().toString()));
    }

    public synchronized List<JournalEntry> pending() {
        return new ArrayList<>(pending.values());
    }

    /** "1 report waiting", "3 calls waiting (2 reports, 1 ship)", "nothing waiting". */
    public synchronized String backlog() {
        return backlog(pending.values());
    }

    public static String backlog(Iterable<JournalEntry> entries) {
        Map<CallKind, Integer> counts = new EnumMap<>(CallKind.class);
        int total = 0;
        for (JournalEntry entry : entries) {
            counts.merge(entry.kind(), 1, Integer::sum);
            total++;
        }
        if (total == 0) {
            return "nothing waiting";
        }
        String detail = counts.entrySet().stream()
                .map(count -> count.getValue() + " " + count.getKey().noun() + (count.getValue() > 1 ? "s" : ""))
                .collect(Collectors.joining(", "));
        return counts.size() == 1 ? detail + " waiting" : total + " calls waiting (" + detail + ")";
    }

    private void write(JsonObject record) throws IOException {
        if (out == null) {
            throw new IOException("the journal " + file + " is closed");
        }
        out.write(line(record).getBytes(StandardCharsets.UTF_8));
        out.getFD().sync();
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.getFD().sync();
            out.close();
            out = null;
        }
    }

    static String line(JsonObject record) {
        String json = record.toString();
        return checksum(json) + " " + json + "\n";
    }

    private static String checksum(String json) {
        CRC32 crc = new CRC32();
        crc.update(json.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    private record Contents(LinkedHashMap<String, JournalEntry> pending, long lastSequence) {
    }

    private static Contents read(Path file, Consumer<String> warnings) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Contents(new LinkedHashMap<>(), 0);
        }
        LinkedHashMap<String, JournalEntry> pending = new LinkedHashMap<>();
        long lastSequence = 0;
        String[] lines = text.split("\n", -1);
        // after the final newline split() yields an empty string; anything else there is a torn last record
        int complete = lines.length - 1;
        if (!lines[lines.length - 1].isEmpty()) {
            warnings.accept("journal " + file + ": dropped an incomplete last record (the agent stopped while writing it)");
        }
        for (int i = 0; i < complete; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            JsonObject record = verified(line);
            if (record == null) {
                warnings.accept("journal " + file + ": record on line " + (i + 1) + " is damaged (checksum mismatch); skipped");
                continue;
            }
            try {
                String op = record.getString("op", "");
                if (op.equals("call")) {
                    JournalEntry entry = JournalEntry.fromJson(record);
                    pending.put(entry.key(), entry);
                    lastSequence = Math.max(lastSequence, entry.sequence());
                } else if (op.equals("done")) {
                    pending.remove(record.getString("key", ""));
                }
            } catch (RuntimeException e) {
                warnings.accept("journal " + file + ": record on line " + (i + 1) + " is not understood (" + e.getMessage() + "); skipped");
            }
        }
        return new Contents(pending, lastSequence);
    }

    private static JsonObject verified(String line) {
        int space = line.indexOf(' ');
        if (space != 8) {
            return null;
        }
        String json = line.substring(space + 1);
        if (!checksum(json).equals(line.substring(0, space))) {
            return null;
        }
        try {
            JsonValue value = com.eclipsesource.json.Json.parse(json);
            return value.isObject() ? value.asObject() : null;
        } catch (ParseException e) {
            return null;
        }
    }
}
