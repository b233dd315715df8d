package org.vigil.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.picture.Event;
import org.vigil.picture.Picture;
import org.vigil.stix.StixObject;

/**
 * Drafts suggested from the threat picture: where the author sees an uptick, worded from public reporting only.
 * Paris has quiet public reporting and then a public burst; Lyon a burst that only the agency may see.
 */
class AlertSuggestionTest {

    private static final LocalDate BURST = LocalDate.of(2026, 11, 20);

    @TempDir
    Path dir;
    AlertHub hub;
    AlertSuggestion suggestions;
    final List<String> parisBurst = new ArrayList<>();

    @BeforeEach
    void openHub() {
        hub = new AlertHub(dir);
        suggestions = new AlertSuggestion(new Picture(hub.reads, Clock.systemUTC()));
        List<StixObject> quiet = new ArrayList<>();
        for (LocalDate d = BURST.minusDays(60); d.isBefore(BURST); d = d.plusDays(1)) {
            quiet.add(report(d, hub.paris));
            quiet.add(report(d, hub.lyon));
        }
        hub.post(true, quiet);
        List<StixObject> burst = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            StixObject r = report(BURST, hub.paris);
            parisBurst.add(r.id());
            burst.add(r);
        }
        hub.post(true, burst);
        List<StixObject> hidden = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            hidden.add(report(BURST, hub.lyon));
        }
        hub.post(false, hidden);
    }

    @AfterEach
    void closeHub() {
        hub.close();
    }

    @Test
    void suggestsAnIncreasedCautionDraftWithThePublicReportsAsEvidence() {
        AlertDraft d = suggestions.suggest(hub.analyst, hub.paris, BURST.plusDays(1), "test");
        assertEquals(List.of(hub.paris), d.places());
        assertEquals(2, d.level());
        assertTrue(d.headline().contains("Paris"), d.headline());
        assertTrue(d.description().contains("reached 9 stories on " + BURST), d.description());
        assertTrue(d.evidence().containsAll(parisBurst), d.evidence().toString());
        assertTrue(hub.desk.draft(hub.analyst, d, "test").evidenceRefs().containsAll(parisBurst),
                "the suggestion is accepted as a draft as it stands");
    }

    @Test
    void anUptickOnlyTheAuthorMaySeeGivesNoCountAndNoEvidence() {
        AlertDraft d = suggestions.suggest(hub.analyst, hub.lyon, BURST, "test");
        assertEquals(List.of(hub.lyon), d.places());
        assertTrue(d.evidence().isEmpty(), d.evidence().toString());
        assertFalse(d.description().contains("10"), "no restricted count: " + d.description());
        assertFalse(d.description().contains("stories on"), d.description());
    }

    @Test
    void noUptickNothingToSuggest() {
        AlertRefusal r = assertThrows(AlertRefusal.class,
                () -> suggestions.suggest(hub.analyst, hub.paris, BURST.minusDays(20), "test"));
        assertEquals(422, r.status());
        assertEquals(422, assertThrows(AlertRefusal.class,
                () -> suggestions.suggest(hub.partner, hub.lyon, BURST, "test")).status(),
                "another organisation sees only the quiet public reporting about Lyon");
    }

    @Test
    void anEventStandsForItsVenues() {
        Event games = Event.create("Games", null, BURST, BURST.plusDays(10), List.of(hub.paris, hub.lyon), "FR");
        hub.post(true, List.of(games.toStix("2026-10-01T00:00:00.000Z", null)));
        AlertDraft d = suggestions.suggest(hub.analyst, games.id(), BURST, "test");
        assertEquals(List.of(hub.lyon, hub.paris), d.places().stream().sorted((a, b) ->
                a.equals(hub.lyon) ? -1 : b.equals(hub.lyon) ? 1 : 0).toList());
        Alert draft = hub.desk.draft(hub.analyst, new AlertDraft(List.of(games.id()), 2, "Games", "Take care.", null,
                List.of(), List.of(), null), "test");
        assertEquals(List.of(hub.paris, hub.lyon), draft.placeRefs(), "an event as a place is its venues");
    }

    private static StixObject report(LocalDate day, String place) {
        String at = day + "T10:00:00.000Z";
        return StixObject.builder("report", "report--" + UUID.randomUUID()).put("created", at).put("modified", at)
                .put("name", "Report of " + day).put("published", at).put("report_types", List.of("threat-report"))
                .put("object_refs", List.of(place)).build();
    }
}
