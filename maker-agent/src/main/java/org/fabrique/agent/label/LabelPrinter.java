package org.fabrique.agent.label;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fabrique.agent.AgentException;

/**
 * Sends a label file to a printer through the system's print command ({@code lp} by default, CUPS),
 * the file given as the command's last argument.
 */
public final class LabelPrinter {

    /** CUPS's command for the default printer. */
    public static final String DEFAULT_COMMAND = "lp";

    private static final long TIMEOUT_SECONDS = 60;

    private LabelPrinter() {
    }

    /** The command options ask for: the one given, else the default when printing is asked for, else null (no printing). */
    public static String chosen(boolean print, String command) {
        return command != null ? command : print ? DEFAULT_COMMAND : null;
    }

    /** Runs {@code command} (words separated by spaces) with {@code file} appended; fails with the command's own message. */
    public static void print(String command, Path file) throws AgentException, InterruptedException {
        List<String> words = new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
        if (words.isEmpty() || words.get(0).isEmpty()) {
            throw new AgentException("no print command given");
        }
        words.add(file.toAbsolutePath().toString());
        Process process;
        try {
            process = new ProcessBuilder(words).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AgentException("cannot run the print command '" + words.get(0) + "' (" + e.getMessage()
                    + "); install CUPS's client (Debian: apt install cups-client) or give --print-command");
        }
        String output;
        try {
            process.getOutputStream().close();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            output = "";
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AgentException("the print command '" + command + "' did not finish within " + TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new AgentException("the print command '" + command + "' failed (exit " + process.exitValue() + ")"
                    + (output.isEmpty() ? "" : ": " + output));
        }
    }
}
