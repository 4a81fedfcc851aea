package org.fabrique.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {

    @TempDir
    Path directory;

    @Test
    void theConfigurationFileAndTheHomeAreReadableByTheOwnerOnly() throws Exception {
        ConfigStore store = new ConfigStore(new AgentHome(directory.resolve("agent")));

        store.save(AgentConfig.empty().withIdentity(URI.create("https://fabrique.example.org"), "fab_secret", "m-1", "Camille"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.home().configFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.home().root()))).isEqualTo("rwx------");
    }

    @Test
    void aConfigurationFileFoundReadableByOthersIsTightenedOnLoad() throws Exception {
        ConfigStore store = new ConfigStore(new AgentHome(directory.resolve("agent")));
        store.save(AgentConfig.empty());
        Files.setPosixFilePermissions(store.home().configFile(), PosixFilePermissions.fromString("rw-r--r--"));

        store.load();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.home().configFile()))).isEqualTo("rw-------");
    }

    @Test
    void whatIsSavedIsReadBackTheSame() throws Exception {
        ConfigStore store = new ConfigStore(new AgentHome(directory.resolve("agent")));
        PrinterSettings printer = PrinterSettings.of("mk3s-1", " Prusa i3 MK3S+", BedSize.parse("250x210x210"), 0.4,
                List.of("petg", "PLA"), "virtual", 600, 0.05, 4, OptionalLong.of(42));
        AgentConfig config = AgentConfig.empty()
                .withIdentity(URI.create("http://127.0.0.1:8080"), "fab_token\\with=odd:chars", "m-1", "Camille #1 = a:b")
                .withPrinter(printer);

        store.save(config);

        assertThat(store.load()).isEqualTo(config);
        assertThat(store.load().printer("mk3s-1").orElseThrow().materials()).containsExactly("PETG", "PLA");
    }

    @Test
    void aMissingFileIsAnEmptyConfiguration() throws Exception {
        assertThat(new ConfigStore(new AgentHome(directory)).load()).isEqualTo(AgentConfig.empty());
    }

    @Test
    void anInvalidValueInTheFileIsReportedWithItsKey() throws Exception {
        AgentHome home = new AgentHome(directory);
        Files.writeString(home.configFile(), "printer.mk3s-1.model=M\nprinter.mk3s-1.bed=250x210\n"
                + "printer.mk3s-1.nozzle=0.4\nprinter.mk3s-1.materials=PETG\n");

        assertThatThrownBy(() -> new ConfigStore(home).load())
                .isInstanceOf(ConfigException.class)
                .hasMessage(home.configFile() + ": bed size '250x210' is not WIDTHxDEPTHxHEIGHT in millimetres, e.g. 250x210x210");
    }

    @Test
    void aCoordinatorUrlMustBeHttpOrHttpsWithAHost() {
        assertThatThrownBy(() -> ConfigStore.parseCoordinatorUrl("ftp://example.org"))
                .hasMessageContaining("must be an http:// or https:// URL with a host");
        assertThatThrownBy(() -> ConfigStore.parseCoordinatorUrl("fabrique.example.org"))
                .hasMessageContaining("must be an http:// or https:// URL with a host");
    }

    @Test
    void theHomeComesFromTheOptionThenTheEnvironmentThenTheUsersHome() {
        assertThat(AgentHome.resolve(Path.of("/srv/agent"), java.util.Map.of(AgentHome.ENVIRONMENT_VARIABLE, "/env"), "/home/u").root())
                .isEqualTo(Path.of("/srv/agent"));
        assertThat(AgentHome.resolve(null, java.util.Map.of(AgentHome.ENVIRONMENT_VARIABLE, "/env"), "/home/u").root())
                .isEqualTo(Path.of("/env"));
        assertThat(AgentHome.resolve(null, java.util.Map.of(), "/home/u").root()).isEqualTo(Path.of("/home/u/.fabrique-agent"));
    }

    @Test
    void printerSettingsRefuseWhatTheCoordinatorWouldRefuse() {
        assertThatThrownBy(() -> PrinterSettings.of("MK3S_1", "M", BedSize.parse("250x210x210"), 0.4, List.of("PLA"),
                "virtual", 1, 0, 4, OptionalLong.empty()))
                .hasMessage("printer id 'MK3S_1' must be 1 to 40 characters from a-z, 0-9 and -");
        assertThatThrownBy(() -> PrinterSettings.of("mk3s-1", "M", BedSize.parse("250x210x210"), 0.4, List.of("WOOD"),
                "virtual", 1, 0, 4, OptionalLong.empty()))
                .hasMessage("printer mk3s-1: unknown material 'WOOD'; known: PLA, PETG, ABS, ASA, TPU, PC, NYLON");
        assertThatThrownBy(() -> PrinterSettings.of("mk3s-1", "M", BedSize.parse("250x210x210"), 0.4, List.of("PLA"),
                "virtual", 1, 1.5, 4, OptionalLong.empty()))
                .hasMessage("printer mk3s-1: failure rate 1.5 must be between 0 and 1");
    }
}
