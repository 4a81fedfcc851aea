package org.fabrique.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.fabrique.agent.cli.AgentCli;
import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.TestCoordinator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole loop with the real parts: the coordinator imports the real design library, a hospital
 * posts a need, the real maker agent (its command line, with a virtual printer) registers, claims,
 * downloads and checks the STL, prints, reports and ships; the hospital receives and approves.
 */
class EndToEndTest {

    @Test
    void aHospitalsNeedBecomesAnApprovedLotPrintedByTheRealAgent() throws Exception {
        try (TestCoordinator coordinator = TestCoordinator.builder().embeddedMemory()
                .property("fabrique.designs.import-on-start", true)
                .property("fabrique.designs.library-dir", Path.of("..", "designs").toAbsolutePath())
                .start()) {
            Api api = coordinator.api();
            Api.Hospital hospital = api.createHospital(coordinator.coordinatorToken(), "CHU Lyon Sud", "69310");
            String needId = api.postNeed(hospital.token(), "face-shield-headband", 2);
            Path home = Files.createTempDirectory("fabrique-agent");

            agent(home, "register", "--coordinator", coordinator.baseUrl(), "--postcode", "69007");
            agent(home, "printers", "add", "mk3", "--model", "Prusa i3 MK3S+", "--bed", "250x210x210", "--nozzle", "0.4",
                    "--materials", "PETG", "--driver", "virtual", "--speed-factor", "100000", "--failure-rate", "0",
                    "--max-batch", "2");
            String run = agent(home, "run", "--once");

            JsonNode lot = Api.expect(api.get("/api/lots?needId=" + needId, hospital.token()), 200).body().get(0);
            assertThat(lot.get("state").asString()).as(run).isEqualTo("SHIPPED");
            assertThat(lot.get("quantity").asInt()).isEqualTo(2);
            assertThat(lot.get("design").get("slug").asString()).isEqualTo("face-shield-headband");
            String lotId = lot.get("id").asString();

            Api.expect(api.lotAction(hospital.token(), lot.get("lotNumber").asString(), "receive", null, Api.newKey()), 200);
            Api.Response inspected = Api.expect(api.inspect(hospital.token(), lotId, true, Api.newKey()), 200);
            assertThat(inspected.body().get("record").get("decision").asString()).isEqualTo("APPROVED");

            Api.Response approved = Api.expect(api.get("/api/lots/" + lotId, hospital.token()), 200);
            assertThat(approved.text("state")).isEqualTo("APPROVED");
            assertThat(approved.body().get("history")).extracting(t -> t.get("to").asString())
                    .containsExactly("CLAIMED", "PRINTING", "PRINTED", "SHIPPED", "RECEIVED", "APPROVED");
            JsonNode need = Api.expect(api.get("/api/needs/" + needId, hospital.token()), 200).body();
            assertThat(need.get("approved").asInt()).isEqualTo(2);
            assertThat(need.get("status").asString()).isEqualTo("FILLED");

            // The label of the lot, no longer active, by its number as the maker reads it off the parcel.
            String lotNumber = lot.get("lotNumber").asString();
            Path printed = Files.createTempDirectory("printed-labels");
            String label = agent(home, "label", lotNumber.toLowerCase(java.util.Locale.ROOT), "--print-command", "cp -t " + printed);
            assertThat(label).contains("sent to the printer");
            assertThat(Files.readAllBytes(printed.resolve(lotNumber + ".pdf")))
                    .startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static String agent(Path home, String... args) {
        String[] withHome = new String[args.length + 2];
        withHome[0] = "--home";
        withHome[1] = home.toString();
        System.arraycopy(args, 0, withHome, 2, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AgentCli.execute(withHome, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), Clock.systemUTC());
        String output = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(status).as("fabrique-agent %s exited with: %s", String.join(" ", args), output).isZero();
        return output;
    }
}
