package org.vigil.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomFeedTest {

    @TempDir
    Path dir;
    AlertHub hub;
    AlertFormats formats;

    @BeforeEach
    void open() {
        hub = new AlertHub(dir);
        formats = new AlertFormats(hub.desk, SigningKey.in(dir), "alerts@vigil.example", "Vigil");
    }

    @AfterEach
    void close() {
        hub.close();
    }

    private static SyndFeed parse(byte[] atom) throws Exception {
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(atom)));
        assertEquals("atom_1.0", feed.getFeedType());
        return feed;
    }

    private static Optional<String> link(SyndFeed feed, String rel) {
        return feed.getLinks().stream().filter(l -> rel.equals(l.getRel())).map(SyndLink::getHref).findFirst();
    }

    @Test
    void listsCurrentAlertsNewestFirstEachLinkingToItsCap() throws Exception {
        Alert first = hub.publish(hub.draft("Paris"));
        Thread.sleep(1100); // sent times are whole seconds
        Alert second = hub.publish(hub.draft("Lyon"));
        hub.desk.draft(hub.analyst, hub.draft("Lyon"), "t");

        SyndFeed feed = parse(formats.feed(1, "http://hub.example", "t"));
        List<SyndEntry> entries = feed.getEntries();
        assertEquals(2, entries.size(), "one entry per published alert; drafts stay out");
        assertTrue(entries.get(0).getUri().endsWith(second.id().substring(second.id().indexOf("--") + 2)));
        assertTrue(entries.get(1).getUri().endsWith(first.id().substring(first.id().indexOf("--") + 2)));
        SyndLink alternate = entries.get(0).getLinks().stream().filter(l -> "alternate".equals(l.getRel()))
                .findFirst().orElseThrow();
        assertEquals("application/cap+xml", alternate.getType());
        assertEquals("http://hub.example/alerts/" + second.id() + ".cap", alternate.getHref());
    }

    @Test
    void anUpdateReplacesItsAlertAndACancellationStaysUntilTheAlertWouldHaveExpired() throws Exception {
        Alert alert = hub.publish(hub.draft("Paris"));
        Alert update = hub.desk.update(hub.publisher, alert.id(), hub.draft(), "t");
        List<SyndEntry> entries = parse(formats.feed(1, "http://h", "t")).getEntries();
        assertEquals(1, entries.size());
        assertTrue(entries.get(0).getTitle().startsWith("Updated: "));
        Alert cancel = hub.desk.cancel(hub.publisher, update.id(), null, "t");
        entries = parse(formats.feed(1, "http://h", "t")).getEntries();
        assertEquals(1, entries.size());
        assertTrue(entries.get(0).getLinks().get(0).getHref().contains(cancel.id()));
    }

    @Test
    void pagesAreLinkedAsRfc5005Describes() throws Exception {
        int n = AlertFormats.FEED_PAGE + 3;
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            drafts.add(hub.desk.draft(hub.analyst, hub.draft("Paris"), "t").id());
        }
        for (String id : drafts) {
            hub.desk.review(hub.publisher, id, "t");
            hub.desk.publish(hub.publisher, id, "t");
        }
        SyndFeed one = parse(formats.feed(1, "http://h", "t"));
        assertEquals(AlertFormats.FEED_PAGE, one.getEntries().size());
        assertEquals("http://h/alerts/feed.atom?page=2", link(one, "next").orElseThrow());
        assertEquals("http://h/alerts/feed.atom?page=2", link(one, "last").orElseThrow());
        assertTrue(link(one, "previous").isEmpty());
        SyndFeed two = parse(formats.feed(2, "http://h", "t"));
        assertEquals(3, two.getEntries().size());
        assertEquals("http://h/alerts/feed.atom", link(two, "previous").orElseThrow());
        assertNull(link(two, "next").orElse(null));
    }
}
