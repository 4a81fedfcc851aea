package org.fabrique.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.fabrique.agent.coordinator.ApiRequest;

class JournalTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T20:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void callsNotMarkedDoneAreStillPendingAfterReopeningInTheirOrder() throws Exception {
        try (Journal journal = open()) {
            JournalEntry claim = journal.append(CallKind.CLAIM, "mk3s-1", null, null, request("/api/makers/me/claims", "key-claim-1"));
            journal.append(CallKind.START, "mk3s-1", "lot-1", "FAB-1", request("/api/lots/lot-1/start", "key-start-1"));
            journal.append(CallKind.REPORT, "mk3s-1", "lot-1", "FAB-1", request("/api/lots/lot-1/report", "key-report-1"));
            journal.markDone(claim, "201");
        }

        try (Journal reopened = open()) {
            assertThat(reopened.pending()).extracting(JournalEntry::key).containsExactly("key-start-1", "key-report-1");
            assertThat(reopened.pending().get(1).request().body()).isEqualTo("{\"printed\":3,\"failed\":1}");
            assertThat(reopened.backlog()).isEqualTo("2 calls waiting (1 start, 1 report)");
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void aTornLastRecordIsDroppedAndTheRestKept() throws Exception {
        try (Journal journal = open()) {
            journal.append(CallKind.REPORT, "mk3s-1", "lot-1", "FAB-1", request("/api/lots/lot-1/report", "key-report-1"));
        }
        Files.writeString(file(), "1a2b3c4d {\"op\":\"call\",\"seq\":2,\"kind\":\"SH", StandardOpenOption.APPEND);

        try (Journal reopened = open()) {
            assertThat(reopened.pending()).extracting(JournalEntry::key).containsExactly("key-report-1");
            JournalEntry next = reopened.append(CallKind.SHIP, "mk3s-1", "lot-1", "FAB-1", request("/api/lots/lot-1/ship", "key-ship-1"));
            assertThat(next.sequence()).isEqualTo(2);
        }
        assertThat(warnings).singleElement().asString().contains("dropped an incomplete last record");
        assertThat(Journal.readPending(directory)).extracting(JournalEntry::key).containsExactly("key-report-1", "key-ship-1");
    }

    @Test
    void aRecordWhoseChecksumDoesNotMatchIsSkippedWithAWarning() throws Exception {
        try (Journal journal = open()) {
            journal.append(CallKind.START, "mk3s-1", "lot-1", "FAB-1", request("/api/lots/lot-1/start", "key-start-1"));
            journal.append(CallKind.REPORT, "mk3s-1", "lot-1", "FAB-1", request("/api/lots/lot-1/report", "key-report-1"));
        }
        String damaged = Files.readString(file()).replaceFirst("key-start-1", "key-stArt-1");
        Files.writeString(file(), damaged);

        try (Journal reopened = open()) {
            assertThat(reopened.pending()).extracting(JournalEntry::key).containsExactly("key-report-1");
        }
        assertThat(warnings).singleElement().asString().contains("line 1 is damaged (checksum mismatch); skipped");
    }

    @Test
    void openingCompactsTheFileToThePendingCalls() throws Exception {
        try (Journal journal = open()) {
            for (int i = 0; i < 50; i++) {
                JournalEntry entry = journal.append(CallKind.CLAIM, "mk3s-1", null, null,
                        request("/api/makers/me/claims", "key-claim-" + i));
                journal.markDone(entry, "204");
            }
            journal.append(CallKind.SHIP, "mk3s-1", "lot-1", "FAB-1", request("/api/lots/lot-1/ship", "key-ship-1"));
        }

        try (Journal reopened = open()) {
            assertThat(Files.readAllLines(file(), StandardCharsets.UTF_8)).hasSize(1);
            assertThat(reopened.backlog()).isEqualTo("1 ship waiting");
        }
    }

    @Test
    void anEmptyJournalHasNothingWaiting() throws Exception {
        try (Journal journal = open()) {
            assertThat(journal.pending()).isEmpty();
            assertThat(journal.backlog()).isEqualTo("nothing waiting");
        }
    }

    private Journal open() throws Exception {
        return Journal.open(directory, CLOCK, warnings::add);
    }

    private Path file() {
        return directory.resolve(Journal.FILE_NAME);
    }

    private static ApiRequest request(String path, String key) {
        return ApiRequest.post(path, path.endsWith("report") ? "{\"printed\":3,\"failed\":1}" : "{}", key);
    }
}
