package org.fabrique.agent.cli;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import org.fabrique.agent.AgentException;
import org.fabrique.agent.config.AgentConfig;
import org.fabrique.agent.coordinator.Calls;
import org.fabrique.agent.coordinator.CoordinatorClient;
import org.fabrique.agent.coordinator.CoordinatorProblem;
import org.fabrique.agent.coordinator.Lot;

@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Gives a lot back: its items return to the hospital's need for another maker to print.",
                "A running agent working on the lot stops printing it at its next heartbeat."})
final class ReleaseCommand implements Callable<Integer> {

    @ParentCommand
    AgentCli cli;

    @Parameters(index = "0", paramLabel = "LOT", description = "The lot's id, or its lot number (FAB-…) if it is active.")
    String lot;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the coordinators (e.g. \"printer broken\").")
    String reason;

    @Override
    public Integer call() throws AgentException, IOException, InterruptedException {
        AgentConfig config = cli.configStore().load().requireLogin(cli.home());
        CoordinatorClient client = new CoordinatorClient(config.coordinator(), config.token(), cli.clock());
        try {
            String id = LotReference.resolveId(client, lot);
            Lot released = Lot.fromJson(client.exchange(Calls.release(id, reason, UUID.randomUUID().toString())).jsonObject());
            cli.out().println("lot " + released.lotNumber() + " is now " + released.state() + "; its items went back to the need");
            return AgentCli.OK;
        } catch (IOException failure) {
            throw new AgentException(client.unreachable(failure).getMessage() + "; nothing was released, try again later");
        } catch (CoordinatorProblem problem) {
            throw new AgentException("lot " + lot + " was not released: " + problem.getMessage());
        }
    }
}
