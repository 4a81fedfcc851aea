package org.fabrique.coordinator.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.DesignFixtures;
import org.fabrique.coordinator.support.TestCoordinator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * Live events reach subscribers of every instance, whichever instance made the change, scoped to
 * who may see them, and resume after a disconnection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventStreamTest {

    private static final ParameterizedTypeReference<ServerSentEvent<JsonNode>> EVENT = new ParameterizedTypeReference<>() {
    };

    private MongoServer store;
    private TestCoordinator first;
    private TestCoordinator second;
    private String coordinatorToken;
    private Api.Hospital hospital;
    private Api.Hospital otherHospital;
    private final List<Disposable> opened = new ArrayList<>();

    @BeforeAll
    void twoInstancesOnOneStore() {
        store = new MongoServer(new MemoryBackend());
        store.bind("127.0.0.1", 0);
        String uri = store.getConnectionString() + "/events-" + UUID.randomUUID().toString().substring(0, 8);
        first = TestCoordinator.builder().mongoUri(uri).start();
        second = TestCoordinator.builder().mongoUri(uri).start();
        coordinatorToken = first.coordinatorToken();
        first.mongo().insert(DesignFixtures.aDesign("visor").build()).block();
        hospital = first.api().createHospital(coordinatorToken, "CHU Nord", "59000");
        otherHospital = first.api().createHospital(coordinatorToken, "CHU Sud", "13005");
    }

    @AfterEach
    void closeStreams() {
        opened.forEach(Disposable::dispose);
        opened.clear();
    }

    @AfterAll
    void stop() {
        second.close();
        first.close();
        store.shutdownNow();
    }

    /**
     * Opens a stream and returns once the coordinator has answered with its first comment, so that
     * what happens next is certainly after the subscription; the events (comments left out) stay
     * cached for the test to read.
     */
    private Flux<ServerSentEvent<JsonNode>> open(TestCoordinator instance, String token, Long lastEventId) {
        Flux<ServerSentEvent<JsonNode>> stream = WebClient.create(instance.baseUrl()).get().uri("/api/events")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    h.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
                    if (lastEventId != null) {
                        h.set("Last-Event-ID", Long.toString(lastEventId));
                    }
                })
                .retrieve().bodyToFlux(EVENT)
                .cache();
        opened.add(stream.subscribe());
        stream.blockFirst(Duration.ofSeconds(30));
        return stream.filter(event -> event.event() != null);
    }

    @Test
    void anEventMadeOnOneInstanceReachesASubscriberOfTheOtherAndOnlyThoseWhoMaySeeIt() {
        Flux<ServerSentEvent<JsonNode>> hospitalStream = open(second, hospital.token(), null);
        Flux<ServerSentEvent<JsonNode>> otherStream = open(second, otherHospital.token(), null);

        String needId = first.api().postNeed(hospital.token(), "visor", 5);

        // Other tests' needs, posted just before this stream opened, may come first: look for this one.
        ServerSentEvent<JsonNode> event = hospitalStream
                .filter(e -> "need.posted".equals(e.event()) && needId.equals(e.data().path("needId").asString(null)))
                .blockFirst(Duration.ofSeconds(30));
        assertThat(event).isNotNull();
        assertThat(event.id()).isNotBlank();
        assertThat(event.data().get("hospitalId").asString()).isEqualTo(hospital.id());
        List<ServerSentEvent<JsonNode>> seenByOther = otherStream.take(Duration.ofSeconds(2)).collectList().block();
        assertThat(seenByOther).noneMatch(e -> needId.equals(e.data().path("needId").asString(null)));
    }

    @Test
    void aReconnectingSubscriberGetsWhatItMissedWithLastEventId() {
        Flux<ServerSentEvent<JsonNode>> stream = open(first, coordinatorToken, null);
        String marked = first.api().postNeed(hospital.token(), "visor", 1);
        ServerSentEvent<JsonNode> mark = stream.filter(e -> marked.equals(e.data().path("needId").asString(null)))
                .blockFirst(Duration.ofSeconds(30));
        long resumeAfter = Long.parseLong(mark.id());
        String missed = second.api().postNeed(hospital.token(), "visor", 2);

        ServerSentEvent<JsonNode> replayed = open(first, coordinatorToken, resumeAfter)
                .filter(e -> missed.equals(e.data().path("needId").asString(null)))
                .blockFirst(Duration.ofSeconds(30));
        assertThat(Long.parseLong(replayed.id())).isGreaterThan(resumeAfter);
    }

    @Test
    void aStreamWithoutATokenIsRefused() {
        Api.Response response = first.api().get("/api/events", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(Map.of("type", response.problemType())).containsEntry("type", "/problems/unauthenticated");
    }
}
