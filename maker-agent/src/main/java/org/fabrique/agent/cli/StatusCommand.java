package org.fabrique.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import com.eclipsesource.json.JsonValue;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import org.fabrique.agent.AgentException;
import org.fabrique.agent.config.AgentConfig;
import org.fabrique.agent.config.AgentHome;
import org.fabrique.agent.config.PrinterSettings;
import org.fabrique.agent.coordinator.Calls;
import org.fabrique.agent.coordinator.CoordinatorClient;
import org.fabrique.agent.coordinator.CoordinatorProblem;
import org.fabrique.agent.coordinator.Lot;
import org.fabrique.agent.coordinator.MakerProfile;
import org.fabrique.agent.journal.Journal;
import org.fabrique.agent.journal.JournalEntry;
import org.fabrique.agent.journal.PrinterWork;
import org.fabrique.agent.journal.WorkStates;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows the configuration, whether the coordinator answers, your printers, your active lots "
                + "and the calls waiting in the journal.",
                "Exits with 1 when the coordinator cannot be reached or refuses the token."})
final class StatusCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @ParentCommand
    AgentCli cli;

    @Override
    public Integer call() throws AgentException, IOException, InterruptedException {
        PrintStream out = cli.out();
        AgentHome home = cli.home();
        AgentConfig config = cli.configStore().load();
        out.println("home:        " + home);
        int status = AgentCli.OK;
        MakerProfile maker = null;
        CoordinatorClient client = null;
        if (!config.hasCoordinator() || !config.hasToken()) {
            out.println("coordinator: none yet; run 'fabrique-agent register' or 'fabrique-agent login'");
            status = AgentCli.FAILURE;
        } else {
            client = new CoordinatorClient(config.coordinator(), config.token(), cli.clock());
            try {
                maker = MakerProfile.fromJson(client.exchange(Calls.me()).jsonObject());
                out.println("coordinator: " + config.coordinator() + " reachable; maker " + maker.pseudonym()
                        + " (" + maker.makerId() + ", trust " + maker.trustLevel() + ")");
            } catch (IOException failure) {
                out.println("coordinator: " + client.unreachable(failure).getMessage());
                status = AgentCli.FAILURE;
                client = null;
            } catch (CoordinatorProblem problem) {
                out.println("coordinator: " + config.coordinator() + " " + problem.getMessage()
                        + (problem.isAuthenticationFailure() ? "; run 'fabrique-agent login' with a valid token" : ""));
                status = AgentCli.FAILURE;
                client = null;
            }
        }
        printPrinters(out, config, maker);
        if (client != null) {
            printActiveLots(out, client);
        }
        printLocalWork(out, home);
        return status;
    }

    private void printPrinters(PrintStream out, AgentConfig config, MakerProfile maker) {
        if (config.printers().isEmpty()) {
            out.println("printers:    none; add one with 'fabrique-agent printers add'");
            return;
        }
        out.println("printers:");
        for (PrinterSettings printer : config.printerList()) {
            String declared = maker == null ? "" : maker.printerIds().contains(printer.id()) ? " [declared]" : " [not declared yet]";
            out.println("  " + printer.describe() + declared);
        }
    }

    private void printActiveLots(PrintStream out, CoordinatorClient client) throws InterruptedException {
        try {
            JsonValue lots = client.exchange(Calls.activeLots()).json();
            if (!lots.isArray() || lots.asArray().isEmpty()) {
                out.println("active lots: none");
                return;
            }
            out.println("active lots:");
            for (JsonValue value : lots.asArray()) {
                if (value.isObject()) {
                    Lot lot = Lot.fromJson(value.asObject());
                    out.println("  " + lot.lotNumber() + " (id " + lot.id() + ") " + lot.state() + ": " + lot.summary()
                            + (lot.printerId() == null ? "" : " on " + lot.printerId())
                            + (lot.leaseExpiresAt() == null ? "" : ", lease until " + local(lot.leaseExpiresAt())));
                }
            }
        } catch (IOException | AgentException e) {
            out.println("active lots: unknown (" + e.getMessage() + ")");
        }
    }

    private void printLocalWork(PrintStream out, AgentHome home) throws IOException {
        List<JournalEntry> pending = Journal.readPending(home.journalDirectory());
        out.println("journal:     " + Journal.backlog(pending));
        for (JournalEntry entry : pending) {
            out.println("  " + entry.describe() + ", waiting since " + local(entry.createdAt()));
        }
        try {
            for (PrinterWork work : new WorkStates(home.journalDirectory()).loadAll()) {
                out.println("work:        printer " + work.printerId() + " on lot " + work.lot().lotNumber() + " ("
                        + work.phase().name().toLowerCase() + ")");
            }
        } catch (AgentException damaged) {
            out.println("work:        " + damaged.getMessage());
        }
    }

    private static String local(java.time.Instant instant) {
        return TIME.format(instant.atZone(ZoneId.systemDefault()));
    }
}
