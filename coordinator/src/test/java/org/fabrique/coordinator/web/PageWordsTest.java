package org.fabrique.coordinator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fabrique.coordinator.account.Role;
import org.fabrique.coordinator.lot.LotState;
import org.fabrique.coordinator.maker.TrustLevel;
import org.fabrique.coordinator.need.NeedStatus;
import org.fabrique.coordinator.need.Priority;
import org.junit.jupiter.api.Test;

/** Both languages say everything the pages show, including every value of the domain's enumerations. */
class PageWordsTest {

    private static final Path I18N = Path.of("src/main/resources/static/js/i18n.js");
    private static final Pattern KEY = Pattern.compile("^\\s+'([A-Za-z0-9.\\-]+)':", Pattern.MULTILINE);

    private static Set<String> keys(String language) throws IOException {
        String source = Files.readString(I18N);
        int start = source.indexOf("\n  " + language + ": {");
        int end = source.indexOf("\n  },", start);
        assertThat(start).as("the %s words in %s", language, I18N).isPositive();
        Set<String> keys = new LinkedHashSet<>();
        Matcher matcher = KEY.matcher(source.substring(start, end));
        while (matcher.find()) {
            assertThat(keys.add(matcher.group(1))).as("%s says %s twice", language, matcher.group(1)).isTrue();
        }
        return keys;
    }

    @Test
    void frenchAndEnglishHaveTheSameWords() throws IOException {
        assertThat(keys("fr")).isNotEmpty().containsExactlyInAnyOrderElementsOf(keys("en"));
    }

    @Test
    void everyTextThePagesAskForExists() throws IOException {
        Set<String> used = new LinkedHashSet<>();
        Pattern literal = Pattern.compile("data-i18n=\"([^\"]+)\"|[:;]([a-zA-Z][\\w.]+)[\"']|\\bt\\('([^']+)'|(?:label|empty|key): '([^']+)'");
        for (Path file : PagesTest.files("pages", ".html")) {
            collect(literal, Files.readString(file), used);
        }
        for (Path file : PagesTest.files("js", ".js")) {
            collect(literal, Files.readString(file), used);
        }
        used.removeIf(key -> !key.contains("."));
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(keys("fr")).containsAll(used);
    }

    @Test
    void everyValueOfTheDomainHasItsWords() throws IOException {
        Set<String> words = keys("fr");
        Arrays.stream(LotState.values()).forEach(v -> assertThat(words).contains("state." + v));
        Arrays.stream(Priority.values()).forEach(v -> assertThat(words).contains("priority." + v));
        Arrays.stream(NeedStatus.values()).forEach(v -> assertThat(words).contains("needStatus." + v));
        Arrays.stream(TrustLevel.values()).forEach(v -> assertThat(words).contains("trust." + v));
        assertThat(words).contains("login.wrongRole." + Role.COORDINATOR, "login.wrongRole." + Role.HOSPITAL);
        for (String stage : new String[] {"open", "claimed", "printing", "printed", "shipped", "received", "approved", "rejected"}) {
            assertThat(words).contains("stage." + stage);
        }
        for (String stage : new String[] {"requested", "allocated", "produced", "delivered", "approved"}) {
            assertThat(words).contains("funnel." + stage);
        }
        for (String reason : new String[] {"not-shipped", "not-received", "not-inspected"}) {
            assertThat(words).contains("stuck." + reason);
        }
        for (String status : new String[] {"connecting", "live", "reconnecting", "unauthorized"}) {
            assertThat(words).contains("live." + status);
        }
        for (String dataset : new String[] {"designs", "departements", "daily"}) {
            assertThat(words).contains("public.dataset." + dataset);
        }
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                if (matcher.group(group) != null) {
                    into.add(matcher.group(group));
                }
            }
        }
    }
}
