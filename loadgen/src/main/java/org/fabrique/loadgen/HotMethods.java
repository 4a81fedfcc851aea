package org.fabrique.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording says the CPU went, from its execution samples: by thread pool; by
 * library, that is the package of the first frame from the top that is not the JDK's (JDK code
 * counts for the library that called it); by method on top of the stack (self time); and by
 * method anywhere on the stack (inclusive time), leaving out the JDK, Reactor and Netty plumbing
 * that is on every stack. Given the load generator's output, it does the same for each phase.
 *
 * <p>Usage: {@code java -cp fabrique-loadgen.jar org.fabrique.loadgen.HotMethods recording.jfr [rows] [loadgen-output]}
 */
public final class HotMethods {

    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");
    private static final List<String> PLUMBING = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "reactor.core.",
            "io.netty.");
    private static final Pattern TITLE = Pattern.compile("^== (.+) ==$");
    private static final Pattern WINDOW = Pattern.compile("elapsed [\\d.]+ s \\(from (\\S+) to (\\S+)\\)");

    /** A stretch of the run, as the load generator printed it. */
    record Window(String title, Instant from, Instant to) {
    }

    private final Map<String, Integer> byThreadPool = new HashMap<>();
    private final Map<String, Integer> byLibrary = new HashMap<>();
    private final Map<String, Integer> self = new HashMap<>();
    private final Map<String, Integer> inclusive = new HashMap<>();
    private int samples;

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: HotMethods RECORDING.jfr [ROWS] [LOADGEN-OUTPUT]");
            System.exit(2);
        }
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0])).stream()
                .filter(event -> event.getEventType().getName().equals("jdk.ExecutionSample"))
                .toList();
        HotMethods whole = new HotMethods();
        events.forEach(whole::add);
        System.out.println("=== The whole recording");
        whole.print(rows);
        if (args.length > 2) {
            for (Window window : windows(Path.of(args[2]))) {
                HotMethods phase = new HotMethods();
                events.stream()
                        .filter(e -> !e.getStartTime().isBefore(window.from()) && !e.getStartTime().isAfter(window.to()))
                        .forEach(phase::add);
                System.out.println();
                System.out.println("=== " + window.title());
                phase.print(rows);
            }
        }
    }

    static List<Window> windows(Path loadgenOutput) throws IOException {
        List<Window> windows = new ArrayList<>();
        String title = null;
        for (String line : Files.readAllLines(loadgenOutput)) {
            Matcher heading = TITLE.matcher(line);
            Matcher window = WINDOW.matcher(line);
            if (heading.matches()) {
                title = heading.group(1);
            } else if (title != null && window.find()) {
                windows.add(new Window(title, Instant.parse(window.group(1)), Instant.parse(window.group(2))));
                title = null;
            }
        }
        return windows;
    }

    private void add(RecordedEvent event) {
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        samples++;
        String thread = event.getThread("sampledThread") == null ? null : event.getThread("sampledThread").getJavaName();
        byThreadPool.merge(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1, Integer::sum);
        List<RecordedFrame> frames = stack.getFrames();
        self.merge(name(frames.get(0)), 1, Integer::sum);
        byLibrary.merge(frames.stream().map(HotMethods::name).filter(m -> !startsWithAny(m, JDK)).findFirst()
                .map(HotMethods::packageOf).orElse("(JDK only)"), 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
            String method = name(frame);
            if (!startsWithAny(method, PLUMBING) && !method.contains("$$Lambda") && seen.add(method)) {
                inclusive.merge(method, 1, Integer::sum);
            }
        }
    }

    private void print(int rows) {
        System.out.println(samples + " execution samples");
        if (samples == 0) {
            return;
        }
        table("by thread (digits as N)", byThreadPool, Math.min(rows, 8));
        table("by library (first non-JDK frame from the top)", byLibrary, rows);
        table("self: method on top of the stack", self, rows);
        table("inclusive: method anywhere on the stack (without JDK, Reactor and Netty frames)", inclusive, rows);
    }

    private void table(String title, Map<String, Integer> counts, int rows) {
        System.out.println("-- " + title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(rows)
                .forEach(e -> System.out.printf("%6.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        return prefixes.stream().anyMatch(name::startsWith);
    }

    /** The first three components of the class's package: {@code org.h2.mvstore}, {@code java.util.concurrent}. */
    private static String packageOf(String method) {
        String[] parts = method.split("\\.");
        int components = Math.min(3, parts.length - 2);
        return String.join(".", List.of(parts).subList(0, Math.max(1, components)));
    }
}
