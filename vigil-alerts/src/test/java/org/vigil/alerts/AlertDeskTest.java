package org.vigil.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertDeskTest {

    @TempDir
    Path dir;
    AlertHub hub;

    @BeforeEach
    void open() {
        hub = new AlertHub(dir);
    }

    @AfterEach
    void close() {
        hub.close();
    }

    @Test
    void draftPublishUpdateCancelChainsEachMessageToWhatItReplaces() {
        Alert draft = hub.desk.draft(hub.analyst, hub.draft("Paris", hub.lyon), "test");
        assertFalse(draft.published());
        assertEquals(List.of(hub.paris, hub.lyon), draft.placeRefs());
        assertTrue(hub.desk.current("test").isEmpty(), "a draft is not public");

        Alert reviewed = hub.desk.review(hub.publisher, draft.id(), "test");
        assertEquals("reviewed", reviewed.status());
        assertTrue(hub.desk.current("test").isEmpty(), "a reviewed draft is not public yet");
        Alert alert = hub.desk.publish(hub.publisher, draft.id(), "test");
        assertEquals(draft.id(), alert.id());
        assertEquals("published", alert.status());
        assertEquals(null, alert.draftedBy(), "a published message names no person");
        assertEquals(List.of(alert.id()), hub.desk.current("test").stream().map(Alert::id).toList());

        Alert update = hub.desk.update(hub.publisher, alert.id(), new AlertDraft(List.of(), 4, null, null, null,
                List.of("terrorism"), List.of(), null), "test");
        assertEquals(Alert.Kind.UPDATE, update.kind());
        assertEquals(Level.DO_NOT_TRAVEL, update.level());
        assertEquals(alert.headline(), update.headline());
        assertEquals(List.of(alert.id()), update.replaces());

        Alert cancel = hub.desk.cancel(hub.publisher, update.id(), "The protests are over.", "test");
        assertEquals(List.of(alert.id(), update.id()), cancel.replaces());
        assertEquals(update.expires(), cancel.expires());
        assertEquals(List.of(cancel.id()), hub.desk.current("test").stream().map(Alert::id).toList(),
                "the cancellation stays in the feed until the cancelled advisory would have expired");
        assertEquals(3, hub.desk.published("test").size());
    }

    @Test
    void refusesADraftCitingAPlaceThePublicMayNotSeeWithoutDescribingIt() {
        AlertRefusal byId = assertThrows(AlertRefusal.class,
                () -> hub.desk.draft(hub.analyst, hub.draft(hub.safehouse), "test"));
        assertTrue(byId.getMessage().contains("is not public"), byId.getMessage());
        AlertRefusal byName = assertThrows(AlertRefusal.class,
                () -> hub.desk.draft(hub.analyst, hub.draft("Safehouse"), "test"));
        assertTrue(byName.getMessage().contains("'Safehouse' is not public"), byName.getMessage());
        for (AlertRefusal r : List.of(byId, byName)) {
            assertFalse(r.getMessage().contains("48.85"), r.getMessage());
            assertFalse(r.getMessage().contains("AMBER"), "the refusal does not tell the marking: " + r.getMessage());
        }
    }

    @Test
    void aPlaceTheAuthorMayNotSeeIsNotFoundAtAll() {
        AlertRefusal r = assertThrows(AlertRefusal.class,
                () -> hub.desk.draft(hub.partner, hub.draft("Safehouse"), "test"));
        assertTrue(r.getMessage().startsWith("no location named 'Safehouse'"), r.getMessage());
    }

    @Test
    void publishingNeedsAReviewedDraft() {
        Alert draft = hub.desk.draft(hub.analyst, hub.draft("Paris"), "test");
        AlertRefusal r = assertThrows(AlertRefusal.class, () -> hub.desk.publish(hub.publisher, draft.id(), "test"));
        assertEquals(409, r.status());
        assertTrue(r.getMessage().contains("vigil alert review " + draft.id()), r.getMessage());
        assertTrue(hub.desk.current("test").isEmpty());
    }

    @Test
    void theDrafterMayNotReviewTheirOwnDraftEvenAsAPublisher() {
        Alert draft = hub.desk.draft(hub.publisher, hub.draft("Paris"), "test");
        AlertRefusal r = assertThrows(AlertRefusal.class, () -> hub.desk.review(hub.publisher, draft.id(), "test"));
        assertEquals(403, r.status());
        assertTrue(r.getMessage().startsWith("the four-eyes rule"), r.getMessage());
        hub.desk.review(hub.analyst, draft.id(), "test");
        assertEquals(draft.id(), hub.desk.publish(hub.publisher, draft.id(), "test").id(),
                "a publisher may publish their own draft once someone else reviewed it");
    }

    @Test
    void aDraftIsReviewedOnceAndTheListShowsWhereEachStands() {
        Alert waiting = hub.desk.draft(hub.analyst, hub.draft("Paris"), "test");
        Alert reviewed = hub.desk.draft(hub.analyst, hub.draft("Lyon"), "test");
        hub.desk.review(hub.publisher, reviewed.id(), "test");
        AlertRefusal again = assertThrows(AlertRefusal.class,
                () -> hub.desk.review(hub.publisher, reviewed.id(), "test"));
        assertEquals(409, again.status());
        assertTrue(again.getMessage().contains("already reviewed by publisher"), again.getMessage());
        var states = new java.util.HashMap<String, String>();
        hub.desk.list(hub.analyst, "test").forEach(a -> states.put(a.id(), a.status()));
        assertEquals("draft", states.get(waiting.id()));
        assertEquals("reviewed", states.get(reviewed.id()));
        Alert seen = hub.desk.list(hub.analyst, "test").stream().filter(a -> a.id().equals(reviewed.id()))
                .findFirst().orElseThrow();
        assertEquals("publisher", hub.desk.userName(seen.reviewedBy()));
        assertEquals("analyst", hub.desk.userName(seen.draftedBy()));
    }

    @Test
    void aReaderMayNotReviewAndAnotherOrganisationCannotFindTheDraft() {
        Alert draft = hub.desk.draft(hub.analyst, hub.draft("Paris"), "test");
        assertEquals(404, assertThrows(AlertRefusal.class,
                () -> hub.desk.review(hub.partner, draft.id(), "test")).status());
        assertEquals(403, assertThrows(AlertRefusal.class,
                () -> hub.desk.review(org.vigil.access.Principal.anonymous(), draft.id(), "test")).status());
    }

    @Test
    void publishingNeedsThePublisherRight() {
        Alert draft = hub.desk.draft(hub.analyst, hub.draft("Paris"), "test");
        hub.desk.review(hub.publisher, draft.id(), "test");
        AlertRefusal r = assertThrows(AlertRefusal.class, () -> hub.desk.publish(hub.analyst, draft.id(), "test"));
        assertEquals(403, r.status());
        assertTrue(r.getMessage().contains("vigil user set analyst --publisher"), r.getMessage());
    }

    @Test
    void aDraftReachesOnlyItsOwnOrganisation() {
        Alert draft = hub.desk.draft(hub.analyst, hub.draft("Paris"), "test");
        assertEquals(404, assertThrows(AlertRefusal.class,
                () -> hub.desk.publish(hub.partner, draft.id(), "test")).status());
    }

    @Test
    void aReplacedMessageCannotBeUpdatedAgain() {
        Alert alert = hub.publish(hub.draft("Paris"));
        Alert update = hub.desk.update(hub.publisher, alert.id(), hub.draft(), "t");
        AlertRefusal r = assertThrows(AlertRefusal.class, () -> hub.desk.cancel(hub.publisher, alert.id(), null, "t"));
        assertTrue(r.getMessage().contains("replaced by " + update.id()), r.getMessage());
    }
}
