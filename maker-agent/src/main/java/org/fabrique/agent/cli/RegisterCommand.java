package org.fabrique.agent.cli;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import com.eclipsesource.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import org.fabrique.agent.AgentException;
import org.fabrique.agent.config.AgentConfig;
import org.fabrique.agent.config.ConfigException;
import org.fabrique.agent.config.ConfigStore;
import org.fabrique.agent.coordinator.Calls;
import org.fabrique.agent.coordinator.CoordinatorClient;
import org.fabrique.agent.coordinator.CoordinatorProblem;
import org.fabrique.agent.coordinator.CoordinatorProtocolException;
import org.fabrique.agent.coordinator.Json;

@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Registers you as a new maker with the coordinator (self-registration) and saves the token "
                + "it gives in agent.properties, readable by you only.",
                "Only a coarse location is sent: your postcode and country."})
final class RegisterCommand implements Callable<Integer> {

    private static final Pattern POSTCODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,9}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    @ParentCommand
    AgentCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--coordinator", required = true, paramLabel = "URL", description = "The coordinator, e.g. https://fabrique.example.org")
    String coordinator;

    @Option(names = "--postcode", required = true, description = "Your postcode, e.g. 69003 (makers are never located more precisely).")
    String postcode;

    @Option(names = "--country", defaultValue = "FR", description = "Two-letter country code (default: ${DEFAULT-VALUE}).")
    String country;

    @Option(names = "--pseudonym", paramLabel = "NAME", description = "The name hospitals and coordinators see (default: one is chosen for you).")
    String pseudonym;

    @Option(names = "--force", description = "Replace the token already saved in this home (it cannot be recovered afterwards).")
    boolean force;

    @Override
    public Integer call() throws AgentException, IOException, InterruptedException {
        URI url = coordinatorUrl(spec, coordinator);
        if (!POSTCODE.matcher(postcode.trim()).matches()) {
            throw new ParameterException(spec.commandLine(), "postcode '" + postcode + "' must be 2 to 10 letters, digits, spaces or hyphens");
        }
        if (!COUNTRY.matcher(country.trim()).matches()) {
            throw new ParameterException(spec.commandLine(), "country '" + country + "' must be a two-letter code such as FR");
        }
        ConfigStore store = cli.configStore();
        AgentConfig config = store.load();
        if (config.hasToken() && !force) {
            throw new AgentException("this home (" + store.home() + ") already holds the token of maker "
                    + (config.pseudonym() == null ? config.makerId() : config.pseudonym()) + " on " + config.coordinator()
                    + "; use --force to replace it, or --home for another agent");
        }
        CoordinatorClient client = new CoordinatorClient(url, null, cli.clock());
        JsonObject answer;
        try {
            answer = client.exchange(Calls.register(postcode.trim(), country.trim().toUpperCase(Locale.ROOT), pseudonym)).jsonObject();
        } catch (IOException failure) {
            throw AgentCli.unreachable(client, failure);
        } catch (CoordinatorProblem problem) {
            if (problem.status() == 403 || problem.status() == 404) {
                throw new AgentException("the coordinator " + url + " does not accept self-registration (" + problem.getMessage()
                        + "); ask its coordinators for a token and use 'fabrique-agent login'");
            }
            throw new AgentException("registration refused: " + problem.getMessage());
        }
        String token = Json.string(answer, "token");
        if (token == null || token.isBlank()) {
            throw new CoordinatorProtocolException("the coordinator's registration answer has no token");
        }
        String makerId = Json.string(answer, "makerId");
        String name = Json.string(answer, "pseudonym");
        store.save(config.withIdentity(url, token, makerId, name));
        cli.out().println("registered as maker " + name + " (" + makerId + ", trust " + Json.string(answer, "trustLevel")
                + ") on " + url);
        cli.out().println("token saved in " + store.home().configFile() + " (readable by you only); the coordinator cannot show it again");
        cli.out().println("next: declare a printer with 'fabrique-agent printers add', then 'fabrique-agent run'");
        return AgentCli.OK;
    }

    static URI coordinatorUrl(CommandSpec spec, String text) {
        try {
            return ConfigStore.parseCoordinatorUrl(text);
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
