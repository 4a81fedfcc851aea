package org.fabrique.agent.cli;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import org.fabrique.agent.AgentException;
import org.fabrique.agent.config.AgentConfig;
import org.fabrique.agent.config.BedSize;
import org.fabrique.agent.config.ConfigException;
import org.fabrique.agent.config.ConfigStore;
import org.fabrique.agent.config.PrinterSettings;
import org.fabrique.agent.coordinator.Calls;
import org.fabrique.agent.coordinator.CoordinatorClient;
import org.fabrique.agent.coordinator.CoordinatorProblem;
import org.fabrique.agent.coordinator.MakerProfile;
import org.fabrique.agent.journal.PrinterWork;
import org.fabrique.agent.journal.WorkStates;

@Command(name = "printers", mixinStandardHelpOptions = true,
        description = "Declares your printers: what they can print decides which work the coordinator offers them.",
        subcommands = {PrintersCommand.Add.class, PrintersCommand.ListPrinters.class, PrintersCommand.Remove.class})
final class PrintersCommand implements Runnable {

    @ParentCommand
    AgentCli cli;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: give one of add, list, remove");
    }

    /** The coordinator client when this home is logged in, else empty (printers can be set up offline). */
    Optional<CoordinatorClient> client(AgentConfig config) {
        if (!config.hasCoordinator() || !config.hasToken()) {
            return Optional.empty();
        }
        return Optional.of(new CoordinatorClient(config.coordinator(), config.token(), cli.clock()));
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a printer (or replaces the one with the same ID) and declares it to the coordinator.",
                    "Example: printers add mk3s-1 --model \"Prusa i3 MK3S+\" --bed 250x210x210 --nozzle 0.4 --materials PETG,PLA "
                            + "--speed-factor 600 --failure-rate 0.05"})
    static final class Add implements Callable<Integer> {

        @ParentCommand
        PrintersCommand printers;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "Your name for the printer: 1 to 40 characters from a-z, 0-9 and -.")
        String id;

        @Option(names = "--model", required = true, description = "Printer model, e.g. \"Prusa i3 MK3S+\".")
        String model;

        @Option(names = "--bed", required = true, paramLabel = "XxYxZ", converter = BedSizeConverter.class,
                description = "Build volume in millimetres, e.g. 250x210x210.")
        BedSize bed;

        @Option(names = "--nozzle", required = true, paramLabel = "MM", description = "Nozzle diameter in millimetres, e.g. 0.4.")
        double nozzle;

        @Option(names = "--materials", required = true, split = ",", paramLabel = "LIST",
                description = "Materials you have, comma-separated: PLA, PETG, ABS, ASA, TPU, PC, NYLON.")
        List<String> materials;

        @Option(names = "--driver", defaultValue = PrinterSettings.VIRTUAL_DRIVER,
                description = "How the agent drives the printer (default: ${DEFAULT-VALUE}; the only driver in this version).")
        String driver;

        @Option(names = "--speed-factor", defaultValue = "1", paramLabel = "N",
                description = "Virtual printer: how many times faster than the design's estimate it prints (default: ${DEFAULT-VALUE}).")
        double speedFactor;

        @Option(names = "--failure-rate", defaultValue = "0", paramLabel = "P",
                description = "Virtual printer: probability that an item fails, 0 to 1 (default: ${DEFAULT-VALUE}).")
        double failureRate;

        @Option(names = "--max-batch", defaultValue = "4", paramLabel = "N",
                description = "Most items to claim at once for this printer (default: ${DEFAULT-VALUE}).")
        int maxBatch;

        @Option(names = "--seed", paramLabel = "N", description = "Virtual printer: seed for its failures, for repeatable runs.")
        Long seed;

        @Override
        public Integer call() throws AgentException, IOException, InterruptedException {
            PrinterSettings printer;
            try {
                printer = PrinterSettings.of(id, model, bed, nozzle, materials, driver, speedFactor, failureRate, maxBatch,
                        seed == null ? OptionalLong.empty() : OptionalLong.of(seed));
            } catch (ConfigException invalid) {
                throw new ParameterException(spec.commandLine(), invalid.getMessage());
            }
            if (!PrinterSettings.VIRTUAL_DRIVER.equals(printer.driver())) {
                throw new ParameterException(spec.commandLine(), "driver '" + printer.driver()
                        + "' is not available in this agent version (available: virtual)");
            }
            ConfigStore store = printers.cli.configStore();
            AgentConfig config = store.load();
            String replaced = config.printer(id).isPresent() ? "updated" : "added";
            Optional<CoordinatorClient> client = printers.client(config);
            String declared;
            if (client.isEmpty()) {
                declared = "not declared yet: it will be on the first 'run' after 'register' or 'login'";
            } else {
                try {
                    client.get().exchange(Calls.putPrinter(printer));
                    declared = "declared to " + config.coordinator();
                } catch (IOException failure) {
                    declared = "not declared yet: " + client.get().unreachable(failure).getMessage()
                            + "; it will be declared when 'run' starts";
                } catch (CoordinatorProblem problem) {
                    throw new AgentException("the coordinator refused printer " + id + ": " + problem.getMessage()
                            + "; nothing was saved");
                }
            }
            store.save(config.withPrinter(printer));
            printers.cli.out().println("printer " + replaced + ": " + printer.describe());
            printers.cli.out().println(declared);
            return AgentCli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists your printers and whether the coordinator knows them.")
    static final class ListPrinters implements Callable<Integer> {

        @ParentCommand
        PrintersCommand printers;

        @Override
        public Integer call() throws AgentException, IOException, InterruptedException {
            AgentConfig config = printers.cli.configStore().load();
            if (config.printers().isEmpty()) {
                printers.cli.out().println("no printer yet; add one with 'fabrique-agent printers add'");
                return AgentCli.OK;
            }
            Optional<MakerProfile> profile = Optional.empty();
            String note = null;
            Optional<CoordinatorClient> client = printers.client(config);
            if (client.isPresent()) {
                try {
                    profile = Optional.of(MakerProfile.fromJson(client.get().exchange(Calls.me()).jsonObject()));
                } catch (IOException failure) {
                    note = client.get().unreachable(failure).getMessage() + ": cannot tell which printers it knows";
                } catch (CoordinatorProblem problem) {
                    note = problem.getMessage();
                }
            }
            for (PrinterSettings printer : config.printerList()) {
                String known = profile.map(maker -> maker.printerIds().contains(printer.id())
                        ? " [declared]" : " [not declared yet]").orElse("");
                printers.cli.out().println(printer.describe() + known);
            }
            if (note != null) {
                printers.cli.out().println(note);
            }
            return AgentCli.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a printer here and on the coordinator.")
    static final class Remove implements Callable<Integer> {

        @ParentCommand
        PrintersCommand printers;

        @Parameters(index = "0", paramLabel = "ID", description = "The printer's ID.")
        String id;

        @Override
        public Integer call() throws AgentException, IOException, InterruptedException {
            ConfigStore store = printers.cli.configStore();
            AgentConfig config = store.load();
            if (config.printer(id).isEmpty()) {
                throw new AgentException("no printer '" + id + "' in " + store.home().configFile()
                        + (config.printers().isEmpty() ? "" : " (printers: " + String.join(", ", config.printers().keySet()) + ")"));
            }
            Optional<PrinterWork> work = new WorkStates(store.home().journalDirectory()).load(id);
            if (work.isPresent()) {
                throw new AgentException("printer " + id + " is working on lot " + work.get().lot().lotNumber()
                        + "; let it finish, or release the lot with 'fabrique-agent release " + work.get().lot().id() + "' first");
            }
            Optional<CoordinatorClient> client = printers.client(config);
            String coordinatorNote = "";
            if (client.isPresent()) {
                try {
                    client.get().exchange(Calls.deletePrinter(id));
                    coordinatorNote = " and from " + config.coordinator();
                } catch (IOException failure) {
                    coordinatorNote = "; " + client.get().unreachable(failure).getMessage()
                            + ", so it still lists the printer (it will not be given work while no agent claims for it)";
                } catch (CoordinatorProblem problem) {
                    if (problem.status() != 404) {
                        throw new AgentException("the coordinator refused to remove printer " + id + ": " + problem.getMessage());
                    }
                }
            }
            store.save(config.withoutPrinter(id));
            printers.cli.out().println("printer " + id + " removed from " + store.home().configFile() + coordinatorNote);
            return AgentCli.OK;
        }
    }

    static final class BedSizeConverter implements CommandLine.ITypeConverter<BedSize> {
        @Override
        public BedSize convert(String value) {
            try {
                return BedSize.parse(value);
            } catch (ConfigException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
