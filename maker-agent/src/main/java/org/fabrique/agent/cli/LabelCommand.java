package org.fabrique.agent.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import org.fabrique.agent.AgentException;
import org.fabrique.agent.config.AgentConfig;
import org.fabrique.agent.coordinator.CoordinatorClient;
import org.fabrique.agent.coordinator.CoordinatorProblem;
import org.fabrique.agent.label.LabelFetcher;
import org.fabrique.agent.label.LabelPrinter;

@Command(name = "label", mixinStandardHelpOptions = true,
        description = "Downloads a lot's label (with its QR code) to print and stick on the parcel.")
final class LabelCommand implements Callable<Integer> {

    @ParentCommand
    AgentCli cli;

    @Parameters(index = "0", paramLabel = "LOT", description = "The lot's id, or its lot number (FAB-…).")
    String lot;

    @Option(names = "--format", defaultValue = "pdf", paramLabel = "pdf|png", description = "pdf (default) or png.")
    LabelFetcher.Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to save it (default: labels/<lot>.<format> in the home).")
    Path output;

    @Option(names = "--print", description = "Also send it to a printer, with the print command.")
    boolean print;

    @Option(names = "--print-command", paramLabel = "COMMAND",
            description = "The command that prints a file, given the file as its last argument (default: " + LabelPrinter.DEFAULT_COMMAND + ", "
                    + "CUPS's default printer; e.g. \"lp -d QL-700 -o media=62x100mm\" for a label printer). Implies --print.")
    String printCommand;

    @Override
    public Integer call() throws AgentException, IOException, InterruptedException {
        AgentConfig config = cli.configStore().load().requireLogin(cli.home());
        CoordinatorClient client = new CoordinatorClient(config.coordinator(), config.token(), cli.clock());
        try {
            String id = LotReference.resolveId(client, lot);
            String fileName = LotReference.looksLikeLotNumber(lot) ? lot.trim().toUpperCase(Locale.ROOT) : id;
            Path target = output != null ? output : LabelFetcher.defaultTarget(cli.home().labelsDirectory(), fileName, format);
            new LabelFetcher(client).fetch(id, format, target);
            cli.out().println("label for lot " + lot + " saved to " + target.toAbsolutePath());
            String command = LabelPrinter.chosen(print, printCommand);
            if (command != null) {
                LabelPrinter.print(command, target);
                cli.out().println("label for lot " + lot + " sent to the printer (" + command + ")");
            }
            return AgentCli.OK;
        } catch (FileSystemException local) {
            throw new AgentException("cannot write the label: " + local.getMessage());
        } catch (IOException failure) {
            throw AgentCli.unreachable(client, failure);
        } catch (CoordinatorProblem problem) {
            if (problem.status() == 404) {
                throw new AgentException("no label for lot " + lot + " (" + problem.getMessage()
                        + "): this coordinator does not serve labels yet, or the lot does not exist");
            }
            throw new AgentException("label for lot " + lot + " not downloaded: " + problem.getMessage());
        }
    }
}
