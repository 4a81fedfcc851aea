package org.fabrique.coordinator.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.fabrique.coordinator.dashboard.NetworkScenario;
import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.TestCoordinator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataTest {

    private TestCoordinator coordinator;
    private Api api;
    private NetworkScenario network;

    @BeforeAll
    void buildTheNetwork() {
        coordinator = TestCoordinator.builder().embeddedMemory().property("fabrique.open-data.cache-ttl", "0s").start();
        api = coordinator.api();
        network = NetworkScenario.on(coordinator);
    }

    @AfterAll
    void stop() {
        coordinator.close();
    }

    private JsonNode json(String path) {
        Api.Response response = Api.expect(api.get(path, null), 200);
        assertThat(response.headers().getContentType().toString()).startsWith("application/json");
        return response.body();
    }

    private String csv(String path) {
        Api.Response response = Api.expect(api.get(path, null), 200);
        assertThat(response.headers().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        return response.raw();
    }

    @Test
    void theSummaryGivesTheTotalsTheLicenceAndTheDatasetsToEveryone() {
        JsonNode summary = json("/api/open-data/summary");

        JsonNode totals = summary.get("totals");
        assertThat(totals.get("requested").asInt()).isEqualTo(10);
        assertThat(totals.get("produced").asInt()).isEqualTo(4);
        assertThat(totals.get("shipped").asInt()).isEqualTo(4);
        assertThat(totals.get("approved").asInt()).isEqualTo(3);
        assertThat(totals.get("rejected").asInt()).isEqualTo(1);
        assertThat(totals.get("open").asInt()).isEqualTo(3);
        assertThat(summary.get("licence").get("id").asString()).isEqualTo("CC-BY-4.0");
        assertThat(summary.get("designs").asInt()).isEqualTo(1);
        assertThat(summary.get("departements").asInt()).as("FR-69 (the hospital) and FR-38 (the maker)").isEqualTo(2);
        assertThat(summary.get("datasets")).extracting(d -> d.get("name").asString())
                .containsExactly("designs", "departements", "daily");
    }

    @Test
    void perDesignTheFiguresFollowTheItemsFromRequestToDecision() {
        JsonNode rows = json("/api/open-data/designs.json").get("rows");

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).toString()).isEqualTo("{\"design\":\"visor-frame\",\"requested\":10,\"open\":3,\"produced\":4,"
                + "\"shipped\":4,\"approved\":3,\"rejected\":1}");
        assertThat(csv("/api/open-data/designs.csv"))
                .isEqualTo("design,requested,open,produced,shipped,approved,rejected\r\nvisor-frame,10,3,4,4,3,1\r\n");
    }

    @Test
    void perDepartementHospitalsCountWhereTheyAreAndMakersWhereTheyAre() {
        JsonNode rows = json("/api/open-data/departements.json").get("rows");

        assertThat(rows).extracting(JsonNode::toString).containsExactly(
                "{\"departement\":\"FR-38\",\"name\":\"Isère\",\"region\":\"Auvergne-Rhône-Alpes\",\"requested\":0,"
                        + "\"approved\":0,\"rejected\":0,\"produced\":4}",
                "{\"departement\":\"FR-69\",\"name\":\"Rhône\",\"region\":\"Auvergne-Rhône-Alpes\",\"requested\":10,"
                        + "\"approved\":3,\"rejected\":1,\"produced\":0}");
        assertThat(csv("/api/open-data/departements.csv")).isEqualTo(
                "departement,name,region,requested,approved,rejected,produced\r\n"
                        + "FR-38,Isère,Auvergne-Rhône-Alpes,0,0,0,4\r\n"
                        + "FR-69,Rhône,Auvergne-Rhône-Alpes,10,3,1,0\r\n");
    }

    @Test
    void perDayEachDesignsFiguresAreDatedInUtc() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        JsonNode rows = json("/api/open-data/daily.json").get("rows");

        assertThat(rows).extracting(JsonNode::toString).containsExactly("{\"date\":\"" + today
                + "\",\"design\":\"visor-frame\",\"requested\":10,\"produced\":4,\"shipped\":4,\"approved\":3,\"rejected\":1}");
        assertThat(csv("/api/open-data/daily.csv")).isEqualTo("date,design,requested,produced,shipped,approved,rejected\r\n"
                + today + ",visor-frame,10,4,4,3,1\r\n");
    }

    @Test
    void everyExportCarriesItsLicenceAndMayBeFetchedFromAnySite() {
        for (String path : exports()) {
            Api.Response response = Api.expect(api.get(path, null), 200);
            assertThat(response.headers().getFirst("Link")).as(path)
                    .isEqualTo("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"");
            assertThat(response.headers().getFirst("Access-Control-Allow-Origin")).as(path).isEqualTo("*");
            if (path.endsWith(".json")) {
                assertThat(response.body().get("licence").get("id").asString()).as(path).isEqualTo("CC-BY-4.0");
            }
        }
    }

    @Test
    void noExportHoldsPersonalDataOrAPlaceFinerThanADepartement() {
        JsonNode maker = Api.expect(api.get("/api/makers/" + network.makerId, network.coordinatorToken), 200).body();
        List<String> secrets = new ArrayList<>(List.of(
                NetworkScenario.HOSPITAL_NAME, "Herriot", NetworkScenario.MAKER_PSEUDONYM, "Perret",
                NetworkScenario.DELIVERY_POINT, "pavillon", NetworkScenario.HOSPITAL_POSTCODE, NetworkScenario.MAKER_POSTCODE,
                network.hospital.id(), network.hospital.token(), network.makerId, network.makerToken, network.coordinatorToken,
                network.needId, maker.get("pseudonym").asString(), "printer jammed", "sharp edge", "La Poste", "fab_", "@"));
        for (JsonNode lot : network.lots.values()) {
            secrets.add(lot.get("id").asString());
            secrets.add(lot.get("lotNumber").asString());
        }
        Pattern postcode = Pattern.compile("\\b\\d{5}\\b");
        Pattern areaField = Pattern.compile("\"departement\":\"([^\"]*)\"|^(FR-[^,]*),", Pattern.MULTILINE);

        for (String path : exports()) {
            String body = Api.expect(api.get(path, null), 200).raw();
            for (String secret : secrets) {
                assertThat(body).as("%s must not contain %s", path, secret).doesNotContain(secret);
            }
            assertThat(postcode.matcher(body).find()).as("%s must not contain a postcode: %s", path, body).isFalse();
            var areas = areaField.matcher(body);
            while (areas.find()) {
                String area = areas.group(1) != null ? areas.group(1) : areas.group(2);
                assertThat(area).as(path).matches("FR-(\\d{2}|2A|2B|\\d{3})|unknown");
            }
        }
    }

    private List<String> exports() {
        List<String> paths = new ArrayList<>(List.of("/api/open-data/summary"));
        json("/api/open-data/summary").get("datasets").forEach(d -> {
            paths.add(d.get("csv").asString());
            paths.add(d.get("json").asString());
        });
        return paths;
    }
}
