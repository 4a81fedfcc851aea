package org.fabrique.coordinator.opendata;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Public, anonymous exports of the network's figures as CSV and JSON, under an open licence.
 * docs/open-data.md defines every field.
 */
@RestController
@RequestMapping("/api/open-data")
class OpenDataController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final String BASE = "/api/open-data/";

    record Licence(String id, String name, String url, String attribution) {
    }

    record Link(String name, String description, String csv, String json) {
    }

    record Summary(String title, Licence licence, Instant generatedAt, String timeZone, OpenData.Totals totals,
            int designs, int departements, String firstDay, String lastDay, List<Link> datasets) {
    }

    record Export<R>(String dataset, Licence licence, Instant generatedAt, List<R> rows) {
    }

    static final List<Link> DATASETS = List.of(
            new Link("designs", "Items requested, produced, shipped, approved and rejected per design",
                    BASE + "designs.csv", BASE + "designs.json"),
            new Link("departements", "Items requested, approved and rejected by hospitals, and produced by makers, per département",
                    BASE + "departements.csv", BASE + "departements.json"),
            new Link("daily", "Items requested, produced, shipped, approved and rejected per day (UTC) and design",
                    BASE + "daily.csv", BASE + "daily.json"));

    private final OpenData openData;
    private final OpenDataProperties properties;
    private final Licence licence;

    OpenDataController(OpenData openData, OpenDataProperties properties) {
        this.openData = openData;
        this.properties = properties;
        this.licence = new Licence(properties.licence(), properties.licenceName(), properties.licenceUrl(),
                properties.attribution());
    }

    @GetMapping("/summary")
    Mono<ResponseEntity<Summary>> summary() {
        return openData.dataset().map(data -> {
            List<OpenData.DailyFigures> days = data.days();
            long departements = data.departements().stream().filter(d -> !OpenData.UNKNOWN.equals(d.departement())).count();
            return answer(MediaType.APPLICATION_JSON, new Summary("Fabrique open data", licence, data.generatedAt(), "UTC",
                    data.totals(), data.designs().size(), (int) departements,
                    days.isEmpty() ? null : days.get(0).date(), days.isEmpty() ? null : days.get(days.size() - 1).date(),
                    DATASETS));
        });
    }

    @GetMapping("/designs.json")
    Mono<ResponseEntity<Export<OpenData.DesignFigures>>> designsJson() {
        return json("designs", OpenData.Dataset::designs);
    }

    @GetMapping("/designs.csv")
    Mono<ResponseEntity<String>> designsCsv() {
        return csv(OpenData.DesignFigures.class, OpenData.Dataset::designs);
    }

    @GetMapping("/departements.json")
    Mono<ResponseEntity<Export<OpenData.DepartementFigures>>> departementsJson() {
        return json("departements", OpenData.Dataset::departements);
    }

    @GetMapping("/departements.csv")
    Mono<ResponseEntity<String>> departementsCsv() {
        return csv(OpenData.DepartementFigures.class, OpenData.Dataset::departements);
    }

    @GetMapping("/daily.json")
    Mono<ResponseEntity<Export<OpenData.DailyFigures>>> dailyJson() {
        return json("daily", OpenData.Dataset::days);
    }

    @GetMapping("/daily.csv")
    Mono<ResponseEntity<String>> dailyCsv() {
        return csv(OpenData.DailyFigures.class, OpenData.Dataset::days);
    }

    private <R> Mono<ResponseEntity<Export<R>>> json(String name, Function<OpenData.Dataset, List<R>> rows) {
        return openData.dataset().map(data -> answer(MediaType.APPLICATION_JSON,
                new Export<>(name, licence, data.generatedAt(), rows.apply(data))));
    }

    private <R extends Record> Mono<ResponseEntity<String>> csv(Class<R> type, Function<OpenData.Dataset, List<R>> rows) {
        return openData.dataset().map(data -> answer(CSV, Csv.write(type, rows.apply(data))));
    }

    private <T> ResponseEntity<T> answer(MediaType type, T body) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.maxAge(properties.cacheTtl()).cachePublic())
                .header(HttpHeaders.LINK, "<" + properties.licenceUrl() + ">; rel=\"license\"")
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .body(body);
    }
}
