package org.fabrique.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.fabrique.agent.config.AgentConfig;
import org.fabrique.agent.config.AgentHome;
import org.fabrique.agent.config.ConfigStore;
import org.fabrique.agent.fake.FakeCoordinator;

class AgentCliTest {

    @TempDir
    Path directory;

    private FakeCoordinator fake;
    private String out;
    private String err;

    @BeforeEach
    void startCoordinator() throws Exception {
        fake = FakeCoordinator.start(Clock.systemUTC());
    }

    @AfterEach
    void stopCoordinator() {
        fake.close();
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        assertThat(cli("prnters", "list")).isEqualTo(2);
        assertThat(err).contains("error: Unmatched arguments from index 0: 'prnters', 'list'").contains("Did you mean: fabrique-agent printers");
    }

    @Test
    void noCommandAtAllIsAUsageError() {
        assertThat(cli()).isEqualTo(2);
        assertThat(err).contains("error: missing command: give one of register, login, printers, run");
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        assertThat(cli("register", "--coordinator", fake.url().toString())).isEqualTo(2);
        assertThat(err).contains("error: Missing required option: '--postcode=<postcode>'")
                .contains("Try 'fabrique-agent register --help' for usage.");
    }

    @Test
    void aBedSizeThatIsNotThreeNumbersIsAUsageError() {
        assertThat(cli("printers", "add", "mk3s-1", "--model", "M", "--bed", "250x210", "--nozzle", "0.4", "--materials", "PETG"))
                .isEqualTo(2);
        assertThat(err).contains("Invalid value for option '--bed': bed size '250x210' is not WIDTHxDEPTHxHEIGHT in millimetres");
    }

    @Test
    void anInvalidPrinterIdIsAUsageError() {
        assertThat(cli("printers", "add", "My Printer", "--model", "M", "--bed", "250x210x210", "--nozzle", "0.4", "--materials", "PETG"))
                .isEqualTo(2);
        assertThat(err).contains("error: printer id 'My Printer' must be 1 to 40 characters from a-z, 0-9 and -");
    }

    @Test
    void anInvalidCoordinatorUrlIsAUsageError() {
        assertThat(cli("login", "--coordinator", "fabrique.example.org", "--token", "fab_x")).isEqualTo(2);
        assertThat(err).contains("must be an http:// or https:// URL with a host");
    }

    @Test
    void aNonNumericMaxLotsIsAUsageError() {
        assertThat(cli("run", "--max-lots", "many")).isEqualTo(2);
        assertThat(err).contains("Invalid value for option '--max-lots': 'many' is not an int");
    }

    @Test
    void versionAndHelpExitZero() {
        assertThat(cli("--version")).isZero();
        assertThat(out).startsWith("fabrique-agent ");
        assertThat(cli("printers", "add", "--help")).isZero();
        assertThat(out).contains("--speed-factor=N");
    }

    @Test
    void registeringSavesTheTokenOwnerOnly() throws Exception {
        int status = cli("register", "--coordinator", fake.url().toString(), "--postcode", "69003", "--pseudonym", "Camille");

        assertThat(status).isZero();
        assertThat(out).contains("registered as maker Camille");
        AgentConfig config = new ConfigStore(home()).load();
        assertThat(config.token()).startsWith("fab_");
        assertThat(config.coordinator()).isEqualTo(fake.url());
        assertThat(Files.getPosixFilePermissions(home().configFile())).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        assertThat(Files.readString(home().configFile())).doesNotContain("OTHERS");
    }

    @Test
    void registeringTwiceIsRefusedWithoutForce() {
        cli("register", "--coordinator", fake.url().toString(), "--postcode", "69003");

        assertThat(cli("register", "--coordinator", fake.url().toString(), "--postcode", "69003")).isEqualTo(1);
        assertThat(err).contains("already holds the token of maker").contains("use --force");
    }

    @Test
    void closedSelfRegistrationPointsToLogin() {
        fake.setSelfRegistration(false);

        assertThat(cli("register", "--coordinator", fake.url().toString(), "--postcode", "69003")).isEqualTo(1);
        assertThat(err).contains("does not accept self-registration").contains("fabrique-agent login");
    }

    @Test
    void loginChecksTheTokenWithTheCoordinator() throws Exception {
        assertThat(cli("login", "--coordinator", fake.url().toString(), "--token", "fab_unknown")).isEqualTo(1);
        assertThat(err).contains("refused this token (coordinator answered 401 unauthenticated").contains("nothing was saved");
        assertThat(Files.exists(home().configFile())).isFalse();

        assertThat(cli("login", "--coordinator", fake.url().toString(), "--token", FakeCoordinator.MAKER_TOKEN)).isZero();
        assertThat(new ConfigStore(home()).load().token()).isEqualTo(FakeCoordinator.MAKER_TOKEN);
    }

    @Test
    void loginReadsTheTokenFromStandardInputWhenNotGiven() throws Exception {
        assertThat(cliWithInput(FakeCoordinator.MAKER_TOKEN + "\n", "login", "--coordinator", fake.url().toString())).isZero();
        assertThat(new ConfigStore(home()).load().token()).isEqualTo(FakeCoordinator.MAKER_TOKEN);
    }

    @Test
    void aPrinterAddedWhileLoggedInIsDeclaredToTheCoordinator() throws Exception {
        cli("login", "--coordinator", fake.url().toString(), "--token", FakeCoordinator.MAKER_TOKEN);

        int status = cli("printers", "add", "mk3s-1", "--model", "Prusa i3 MK3S+", "--bed", "250x210x210", "--nozzle", "0.4",
                "--materials", "petg,PLA", "--speed-factor", "600", "--failure-rate", "0.05", "--max-batch", "4");

        assertThat(status).isZero();
        assertThat(out).contains("printer added: mk3s-1: Prusa i3 MK3S+, bed 250x210x210 mm, nozzle 0.4 mm, PETG/PLA")
                .contains("declared to " + fake.url());
        assertThat(fake.printer("mk3s-1").getString("model", "")).isEqualTo("Prusa i3 MK3S+");
        assertThat(cli("printers", "list")).isZero();
        assertThat(out).contains("mk3s-1: Prusa i3 MK3S+").contains("[declared]");

        assertThat(cli("printers", "remove", "mk3s-1")).isZero();
        assertThat(fake.printer("mk3s-1")).isNull();
        assertThat(new ConfigStore(home()).load().printers()).isEmpty();
    }

    @Test
    void removingAPrinterThatDoesNotExistSaysWhichExist() throws Exception {
        cli("printers", "add", "mk3s-1", "--model", "M", "--bed", "250x210x210", "--nozzle", "0.4", "--materials", "PLA");

        assertThat(cli("printers", "remove", "ender-3")).isEqualTo(1);
        assertThat(err).contains("no printer 'ender-3' in").contains("(printers: mk3s-1)");
    }

    @Test
    void statusSaysClearlyWhenTheCoordinatorIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        new ConfigStore(home()).save(AgentConfig.empty().withIdentity(java.net.URI.create("http://127.0.0.1:" + port), "fab_x", "m", "C"));

        assertThat(cli("status")).isEqualTo(1);
        assertThat(out).contains("coordinator: coordinator http://127.0.0.1:" + port + " unreachable (connection refused)")
                .contains("journal:     nothing waiting");
        assertThat(err).isEmpty();
    }

    @Test
    void aLabelTheCoordinatorDoesNotHaveIsAClearMessage() {
        cli("login", "--coordinator", fake.url().toString(), "--token", FakeCoordinator.MAKER_TOKEN);

        assertThat(cli("label", "65aa")).isEqualTo(1);
        assertThat(err).contains("no label for lot 65aa").contains("this coordinator does not serve labels yet");
    }

    @Test
    void aLabelIsSavedAndSentToThePrintCommand() throws Exception {
        cli("login", "--coordinator", fake.url().toString(), "--token", FakeCoordinator.MAKER_TOKEN);
        byte[] pdf = "%PDF-1.7 label".getBytes(StandardCharsets.US_ASCII);
        fake.addLabel("65aa", pdf);
        Path printed = Files.createDirectory(directory.resolve("printed"));

        assertThat(cli("label", "65aa", "--print-command", "cp -t " + printed)).isEqualTo(0);

        assertThat(home().labelsDirectory().resolve("65aa.pdf")).hasBinaryContent(pdf);
        assertThat(printed.resolve("65aa.pdf")).hasBinaryContent(pdf);
        assertThat(out).contains("label for lot 65aa saved to").contains("sent to the printer (cp -t " + printed + ")");
    }

    @Test
    void aPrintCommandThatFailsIsAClearMessageAndTheLabelStaysSaved() {
        cli("login", "--coordinator", fake.url().toString(), "--token", FakeCoordinator.MAKER_TOKEN);
        fake.addLabel("65aa", "%PDF-1.7 label".getBytes(StandardCharsets.US_ASCII));

        assertThat(cli("label", "65aa", "--print-command", "ls --no-such-option")).isEqualTo(1);
        assertThat(err).contains("the print command 'ls --no-such-option' failed (exit 2)").contains("unrecognized option");
        assertThat(home().labelsDirectory().resolve("65aa.pdf")).exists();

        assertThat(cli("label", "65aa", "--print-command", "no-such-print-command")).isEqualTo(1);
        assertThat(err).contains("cannot run the print command 'no-such-print-command'");
    }

    @Test
    void commandsThatNeedTheCoordinatorSayHowToConfigureIt() {
        assertThat(cli("release", "65aa")).isEqualTo(1);
        assertThat(err).contains("run 'fabrique-agent register' or 'fabrique-agent login' first");
    }

    private AgentHome home() {
        return new AgentHome(directory.resolve("agent"));
    }

    private int cli(String... args) {
        return cliWithInput("", args);
    }

    private int cliWithInput(String input, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (args.length > 0) {
            all.add("--home");
            all.add(home().root().toString());
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = AgentCli.execute(all.toArray(String[]::new), Map.of(),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), Clock.systemUTC());
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return status;
    }
}
