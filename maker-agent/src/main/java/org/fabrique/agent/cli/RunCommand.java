package org.fabrique.agent.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Random;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import org.fabrique.agent.AgentException;
import org.fabrique.agent.config.AgentConfig;
import org.fabrique.agent.label.LabelPrinter;
import org.fabrique.agent.part.StlPartInspector;
import org.fabrique.agent.printer.PrinterDrivers;
import org.fabrique.agent.terminal.ConsoleLog;
import org.fabrique.agent.terminal.ProgressDisplay;
import org.fabrique.agent.time.Sleeper;
import org.fabrique.agent.work.AgentDaemon;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the agent: claims work for each printer, checks the parts (SHA-256, STL), prints, reports and ships, "
                + "until stopped with Ctrl-C or SIGTERM.",
                "Calls that cannot reach the coordinator wait in the journal and are sent when it answers again."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    AgentCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--once", description = "Each printer handles at most one lot, then the command exits; "
            + "a printer for which the coordinator has no work right now does not wait.")
    boolean once;

    @Option(names = "--max-lots", paramLabel = "N", description = "Exit after N lots in all (waiting for work when there is none).")
    Integer maxLots;

    @Option(names = "--print-labels", description = "Print each shipped lot's label (it is always saved in labels/) with the "
            + "label print command.")
    boolean printLabels;

    @Option(names = "--label-print-command", paramLabel = "COMMAND", description = "The command that prints a label, given "
            + "the file as its last argument (default: lp, CUPS's default printer; e.g. \"lp -d QL-700\"). Implies --print-labels.")
    String labelPrintCommand;

    @Override
    public Integer call() throws AgentException, IOException {
        if (maxLots != null && maxLots < 1) {
            throw new ParameterException(spec.commandLine(), "--max-lots must be at least 1, got " + maxLots);
        }
        AgentConfig config = cli.configStore().load();
        Random backoffJitter = new Random();
        AgentDaemon.Environment environment = new AgentDaemon.Environment(cli.clock(), Sleeper.system(), Thread::new, backoffJitter,
                PrinterDrivers.standard(cli.clock()), new StlPartInspector(),
                new ConsoleLog(cli.out(), cli.clock(), ZoneId.systemDefault()), ProgressDisplay.terminalAttached());
        AgentDaemon daemon = new AgentDaemon(cli.home(), config,
                new AgentDaemon.Options(once, maxLots == null ? 0 : maxLots, Duration.ofSeconds(1),
                        LabelPrinter.chosen(printLabels, labelPrintCommand)), environment);
        Thread stopOnSignal = new Thread(daemon::close, "shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            return daemon.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is what stopped the daemon
            }
        }
    }
}
