package org.fabrique.coordinator.event;

import java.time.Duration;

import org.fabrique.coordinator.account.Actor;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Live events as server-sent events, scoped to the caller. A reconnecting client sends
 * {@code Last-Event-ID} and first receives what it missed (up to {@value #MAX_REPLAY} events).
 */
@RestController
@RequestMapping("/api/events")
class EventController {

    static final int MAX_REPLAY = 1000;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final EventLog eventLog;
    private final EventFeed feed;

    EventController(EventLog eventLog, EventFeed feed) {
        this.eventLog = eventLog;
        this.feed = feed;
    }

    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> stream(@AuthenticationPrincipal Actor actor,
            @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId) {
        Flux<ServerSentEvent<Object>> events = eventsFor(lastEventId)
                .filter(event -> event.visibleTo(actor))
                .map(event -> ServerSentEvent.<Object>builder(event).id(Long.toString(event.seq())).event(event.type()).build());
        // The first comment goes out at once: it flushes the headers, so a client knows it is connected.
        Flux<ServerSentEvent<Object>> keepAlive = Flux.interval(Duration.ZERO, KEEP_ALIVE)
                .map(tick -> ServerSentEvent.<Object>builder().comment(tick == 0 ? "connected" : "keep-alive").build());
        return Flux.merge(events, keepAlive);
    }

    /**
     * Live events, preceded by those after {@code lastEventId} when resuming. The live feed is
     * buffered from the start, while the missed ones are read, so nothing falls between the two.
     */
    private Flux<Event> eventsFor(Long lastEventId) {
        return Flux.defer(() -> {
            Sinks.Many<Event> buffer = Sinks.many().unicast().onBackpressureBuffer();
            Disposable live = feed.live().subscribe(buffer::tryEmitNext, buffer::tryEmitError, buffer::tryEmitComplete);
            long deliveredSoFar = feed.deliveredSeq();
            Flux<Event> missed = lastEventId == null ? Flux.empty()
                    : eventLog.after(lastEventId, MAX_REPLAY).filter(event -> event.seq() <= deliveredSoFar);
            long[] last = {lastEventId == null ? deliveredSoFar : lastEventId};
            return Flux.concat(missed, buffer.asFlux())
                    .filter(event -> event.seq() > last[0])
                    .doOnNext(event -> last[0] = event.seq())
                    .doFinally(signal -> live.dispose());
        });
    }
}
