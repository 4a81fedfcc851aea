package org.fabrique.coordinator.hospital;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.CoordinatorTest;
import org.fabrique.coordinator.support.DesignFixtures;
import org.fabrique.designs.DesignStatus;
import org.fabrique.designs.Material;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hospitals homologate design versions; their needs then target exactly those. */
class HomologationTest extends CoordinatorTest {

    private static final String SHIELD = "shield";

    @BeforeAll
    void twoPublishedVersionsAndADraft() {
        insert(DesignFixtures.aDesign(SHIELD).version("1.0.0").materials(Material.PETG, Material.PLA).build());
        insert(DesignFixtures.aDesign(SHIELD).version("1.1.0").materials(Material.PETG, Material.PLA).build());
        insert(DesignFixtures.aDesign(SHIELD).version("2.0.0-rc.1").status(DesignStatus.DRAFT).build());
    }

    private Api.Response postNeed(Api.Hospital who, Map<String, Object> extra) {
        Map<String, Object> need = new java.util.LinkedHashMap<>(Map.of("design", SHIELD, "quantity", 6,
                "neededBy", LocalDate.now().plusDays(3).toString()));
        need.putAll(extra);
        return api.post("/api/needs", who.token(), need);
    }

    private Api.Response homologate(Api.Hospital who, String hospitalId, String version, List<String> materials) {
        return api.post("/api/hospitals/" + hospitalId + "/homologations", who.token(),
                Map.of("design", SHIELD, "version", version, "materials", materials));
    }

    @Test
    void aNeedWithoutHomologationIsRefusedWithWhatToDo() {
        Api.Hospital fresh = api.createHospital(coordinatorToken, "Clinique sans homologation", "69008");
        Api.Response refused = postNeed(fresh, Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("/problems/design-unavailable");
        assertThat(refused.text("detail")).contains("has not homologated").contains("anyPublishedVersion");
        Api.expect(postNeed(fresh, Map.of("anyPublishedVersion", true)), 201);
    }

    @Test
    void aNeedTargetsTheHomologatedVersionsInTheHomologatedMaterials() {
        Api.Hospital site = api.createHospital(coordinatorToken, "CH Vienne", "38200");
        Api.expect(homologate(site, site.id(), "1.0.0", List.of("PLA")), 201);
        Api.Response need = Api.expect(postNeed(site, Map.of()), 201);
        assertThat(need.body().get("acceptedVersions")).extracting(v -> v.asString()).containsExactly("1.0.0");
        assertThat(need.body().get("acceptedMaterials").get(0).get("materials").get(0).asString()).isEqualTo("PLA");
        assertThat(postNeed(site, Map.of("acceptedVersions", List.of("1.1.0"))).status()).isEqualTo(422);

        Api.Maker petgOnly = api.registerMaker("38000");
        api.putPrinter(petgOnly.token(), "petg", List.of("PETG"), 250);
        assertThat(api.claim(petgOnly.token(), "petg", 2, Api.newKey()).status()).isEqualTo(204);
        Api.Response lot = claimLot(maker, 2);
        assertThat(lot.text("material")).isEqualTo("PLA");
        assertThat(lot.body().get("design").get("version").asString()).isEqualTo("1.0.0");
    }

    @Test
    void onlyThePublishedVersionsOfTheDesignCanBeHomologated() {
        Api.Response draft = homologate(hospital, hospital.id(), "2.0.0-rc.1", List.of());
        assertThat(draft.status()).isEqualTo(422);
        assertThat(draft.text("detail")).contains("DRAFT");
        Api.Response foreignMaterial = homologate(hospital, hospital.id(), "1.0.0", List.of("TPU"));
        assertThat(foreignMaterial.status()).isEqualTo(400);
        assertThat(foreignMaterial.text("detail")).contains("TPU");
    }

    @Test
    void nobodyHomologatesForAnotherHospital() {
        Api.Hospital other = api.createHospital(coordinatorToken, "CH d'à côté", "69009");
        Api.Response response = homologate(other, hospital.id(), "1.0.0", List.of());
        assertThat(response.status()).isEqualTo(403);
        assertThat(api.get("/api/hospitals/" + hospital.id() + "/homologations", other.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/hospitals/" + hospital.id() + "/homologations", maker.token()).status()).isEqualTo(403);
    }

    @Test
    void aRetiredVersionIsOfferedToNoNewClaim() {
        insert(DesignFixtures.aDesign("retiring").version("1.0.0").build());
        Api.Hospital site = api.createHospital(coordinatorToken, "CH Bourgoin", "38300");
        api.post("/api/hospitals/" + site.id() + "/homologations", site.token(), Map.of("design", "retiring", "version", "1.0.0"));
        Api.expect(api.post("/api/needs", site.token(), Map.of("design", "retiring", "quantity", 10,
                "neededBy", LocalDate.now().plusDays(3).toString())), 201);
        Api.expect(api.claim(maker.token(), PRINTER, 2, Api.newKey()), 201);
        Api.expect(api.post("/api/designs/retiring/1.0.0/retire", coordinatorToken, null), 200);
        assertThat(api.claim(maker.token(), PRINTER, 2, Api.newKey()).status()).isEqualTo(204);
    }
}
