package org.fabrique.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import org.fabrique.agent.AgentException;
import org.fabrique.agent.Version;
import org.fabrique.agent.config.AgentHome;
import org.fabrique.agent.config.ConfigStore;
import org.fabrique.agent.coordinator.CoordinatorClient;

/** {@code fabrique-agent}: the command line, and the agent's entry point. */
@Command(name = "fabrique-agent",
        mixinStandardHelpOptions = true,
        versionProvider = AgentCli.VersionProvider.class,
        description = "Fabrique maker agent: claims print work for your 3D printers from a Fabrique coordinator, "
                + "prints it, reports and ships it.",
        subcommands = {RegisterCommand.class, LoginCommand.class, PrintersCommand.class, RunCommand.class,
                StatusCommand.class, ReleaseCommand.class, LabelCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the command could not be carried out (message on standard error)",
                "2:usage error: unknown command or option, invalid value"},
        footer = {"", "The home directory holds agent.properties (coordinator, token, printers), journal/, cache/ and labels/."})
public final class AgentCli implements Runnable {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Agent home directory (default: $FABRIQUE_AGENT_HOME, else ~/.fabrique-agent).")
    Path home;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Clock clock;

    AgentCli(Map<String, String> environment, PrintStream out, PrintStream err, InputStream in, Clock clock) {
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.in = in;
        this.clock = clock;
    }

    public static void main(String[] args) {
        int status = execute(args, System.getenv(), System.out, System.err, System.in, Clock.systemUTC());
        System.exit(status);
    }

    /** Runs one command line and returns its exit status; nothing here calls {@code System.exit}. */
    public static int execute(String[] args, Map<String, String> environment, PrintStream out, PrintStream err,
                              InputStream in, Clock clock) {
        CommandLine commandLine = new CommandLine(new AgentCli(environment, out, err, in, clock));
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(AgentCli::usageError);
        commandLine.setExecutionExceptionHandler((failure, failedCommand, parseResult) -> {
            if (failure instanceof AgentException) {
                err.println("error: " + failure.getMessage());
            } else if (failure instanceof IOException) {
                err.println("error: " + failure.getMessage() + " (" + failure.getClass().getSimpleName() + ")");
            } else {
                err.println("error: unexpected failure, please report it with the lines below");
                failure.printStackTrace(err);
            }
            return FAILURE;
        });
        return commandLine.execute(args);
    }

    private static int usageError(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + problem.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(problem, err)) {
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        return USAGE;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: give one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    AgentHome home() {
        return AgentHome.resolve(home, environment, System.getProperty("user.home"));
    }

    ConfigStore configStore() {
        return new ConfigStore(home());
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    InputStream in() {
        return in;
    }

    Clock clock() {
        return clock;
    }

    static AgentException unreachable(CoordinatorClient client, IOException failure) {
        return client.unreachable(failure);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"fabrique-agent " + Version.current(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
