package org.fabrique.agent.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import org.fabrique.agent.AgentException;
import org.fabrique.agent.config.AgentConfig;
import org.fabrique.agent.config.ConfigStore;
import org.fabrique.agent.coordinator.Calls;
import org.fabrique.agent.coordinator.CoordinatorClient;
import org.fabrique.agent.coordinator.CoordinatorProblem;
import org.fabrique.agent.coordinator.MakerProfile;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Saves a maker token you already have (from 'register' on another machine, or from a coordinator) "
                + "after checking it with the coordinator.",
                "Without --token the token is read from the terminal (not echoed) or from standard input."})
final class LoginCommand implements Callable<Integer> {

    @ParentCommand
    AgentCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--coordinator", required = true, paramLabel = "URL", description = "The coordinator, e.g. https://fabrique.example.org")
    String coordinator;

    @Option(names = "--token", paramLabel = "TOKEN", description = "The maker token (fab_…).")
    String token;

    @Override
    public Integer call() throws AgentException, IOException, InterruptedException {
        URI url = RegisterCommand.coordinatorUrl(spec, coordinator);
        String secret = token != null ? token.trim() : readToken();
        if (secret.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no token given: pass --token or type it when asked");
        }
        CoordinatorClient client = new CoordinatorClient(url, secret, cli.clock());
        MakerProfile maker;
        try {
            maker = MakerProfile.fromJson(client.exchange(Calls.me()).jsonObject());
        } catch (IOException failure) {
            throw AgentCli.unreachable(client, failure);
        } catch (CoordinatorProblem problem) {
            if (problem.isAuthenticationFailure()) {
                throw new AgentException("the coordinator " + url + " refused this token (" + problem.getMessage() + "); nothing was saved");
            }
            throw new AgentException("login failed: " + problem.getMessage());
        }
        ConfigStore store = cli.configStore();
        AgentConfig config = store.load();
        store.save(config.withIdentity(url, secret, maker.makerId(), maker.pseudonym()));
        cli.out().println("logged in as maker " + maker.pseudonym() + " (" + maker.makerId() + ", trust " + maker.trustLevel()
                + ") on " + url + "; token saved in " + store.home().configFile() + " (readable by you only)");
        return AgentCli.OK;
    }

    private String readToken() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("maker token: ");
            return typed == null ? "" : new String(typed).trim();
        }
        String line = new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line.trim();
    }
}
