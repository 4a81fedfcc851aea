package org.fabrique.coordinator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.fabrique.coordinator.support.TestCoordinator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The pages' reader of server-sent events (js/events.js), run in the browser on streams cut at
 * awkward places: the format's rules (WHATWG HTML, server-sent events) whatever the chunks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventStreamParserTest {

    private TestCoordinator coordinator;
    private Browser browser;

    @BeforeAll
    void start() {
        Browser.assumeInstalled();
        coordinator = TestCoordinator.builder().embeddedMemory().start();
        browser = Browser.open(Browser.Screen.DESKTOP, "en");
        browser.get(coordinator.baseUrl() + "/");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (coordinator != null) {
            coordinator.close();
        }
    }

    @BeforeEach
    void needsABrowser() {
        Browser.assumeInstalled();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> parse(String... chunks) {
        return (List<Map<String, Object>>) browser.asyncScript("""
                const [chunks, done] = [arguments[0], arguments[arguments.length - 1]];
                import('/js/events.js').then(({ EventStreamParser }) => {
                  const events = [];
                  const parser = new EventStreamParser(event => events.push(event));
                  chunks.forEach(chunk => parser.feed(chunk));
                  done(events.map(e => ({ id: e.id, type: e.type, data: e.data, retry: parser.retry })));
                });
                """, List.of(chunks));
    }

    @Test
    void eventsAsTheCoordinatorWritesThemAreReadWithTheirIdAndType() {
        List<Map<String, Object>> events = parse("id:12\nevent:lot.state-changed\ndata:{\"seq\":12}\n\n:keep-alive\n\n",
                "id:13\nevent:need.posted\ndata:{\"seq\":13}\n\n");

        assertThat(events).extracting(e -> e.get("id") + " " + e.get("type") + " " + e.get("data"))
                .containsExactly("12 lot.state-changed {\"seq\":12}", "13 need.posted {\"seq\":13}");
        assertThat(events.get(0).get("retry")).isNull();
    }

    @Test
    void anEventSplitAnywhereBetweenChunksIsReadWhole() {
        String stream = "id: 7\r\nevent: need.posted\r\ndata: first line\r\ndata: second line\r\n\r\n";
        for (int cut = 1; cut < stream.length(); cut++) {
            List<Map<String, Object>> events = parse(stream.substring(0, cut), stream.substring(cut));

            assertThat(events).as("cut at %d", cut).hasSize(1);
            assertThat(events.get(0)).containsEntry("id", "7").containsEntry("type", "need.posted")
                    .containsEntry("data", "first line\nsecond line");
        }
    }

    @Test
    void commentsAndEmptyEventsAreIgnoredAndTheIdCarriesOver() {
        List<Map<String, Object>> events = parse(": comment\n\nid: 3\n\ndata\n\ndata: x\r\r", "retry: 2500\n");

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).containsEntry("id", "3").containsEntry("type", "message").containsEntry("data", "");
        assertThat(events.get(1)).containsEntry("id", "3").containsEntry("data", "x");
        assertThat(events.get(1).get("retry")).isEqualTo(2500L);
    }
}
