package org.fabrique.designs;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A design (or a whole library) was refused. Every problem names the file it was found in;
 * the message lists them one per line, as {@code file: problem}.
 */
public class DesignLibraryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** One reason for refusal: the file (relative to the library root) and what is wrong. */
    public record Problem(String file, String message) {
        @Override
        public String toString() {
            return file + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public DesignLibraryException(List<Problem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public DesignLibraryException(String file, String problem) {
        this(List.of(new Problem(file, problem)));
    }

    static DesignLibraryException of(String file, List<String> problems) {
        return new DesignLibraryException(problems.stream().map(p -> new Problem(file, p)).toList());
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The file of the first problem. */
    public String file() {
        return problems.get(0).file();
    }

    /** The first problem, without its file. */
    public String problem() {
        return problems.get(0).message();
    }

    private static String describe(List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
