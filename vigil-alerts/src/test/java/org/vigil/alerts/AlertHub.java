package org.vigil.alerts;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.vigil.access.AuditLog;
import org.vigil.access.CollectionView;
import org.vigil.access.Passwords;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.access.WritePath;
import org.vigil.stix.Identifier;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.ApiRoot;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.User;

/**
 * A hub for alert tests on a real SQLite store: an agency whose analyst drafts and whose publisher publishes, a
 * public CLEAR collection of places and a private AMBER one, filled through the write path.
 */
final class AlertHub implements AutoCloseable {

    static final String ROOT = "api1";
    static final UUID PUBLIC_PLACES = UUID.randomUUID();
    static final UUID PRIVATE_PLACES = UUID.randomUUID();

    final Store store;
    final ReadPath reads;
    final WritePath writes;
    final AlertDesk desk;
    final Principal analyst;
    final Principal publisher;
    final Principal partner;
    final String paris = Identifier.deterministic("location", UUID.randomUUID(), "paris");
    final String lyon = Identifier.deterministic("location", UUID.randomUUID(), "lyon");
    final String safehouse = Identifier.deterministic("location", UUID.randomUUID(), "safehouse");

    AlertHub(Path dir) {
        store = Store.open(StoreConfig.sqlite(dir));
        AuditLog audit = new AuditLog(store);
        reads = new ReadPath(store, audit);
        writes = new WritePath(store, audit, Clock.systemUTC());
        store.putApiRoot(new ApiRoot(ROOT, "Vigil", null, 10_000_000));
        AlertDesk.install(store, ROOT);
        desk = new AlertDesk(reads, writes, store, ROOT, Clock.systemUTC());
        Organisation agency = org("Agency");
        Organisation other = org("Partner");
        analyst = user("analyst", agency, false);
        publisher = user("publisher", agency, true);
        partner = user("partner", other, true);
        Collection open = new Collection(PUBLIC_PLACES, ROOT, "Places", null, "places",
                List.of(Collection.STIX_MEDIA_TYPE), true, Tlp.CLEAR);
        Collection closed = Collection.of(PRIVATE_PLACES, ROOT, "Private places");
        store.putCollection(open);
        store.putCollection(closed);
        for (Principal p : List.of(analyst, publisher)) {
            store.putGrant(new Grant(p.userId(), PRIVATE_PLACES, true, false));
        }
        post(analyst, open, location(paris, "Paris", 48.8566, 2.3522, "fr"), location(lyon, "Lyon", 45.764, 4.8357, "FR"));
        post(analyst, closed, location(safehouse, "Safehouse", 48.85, 2.35, "FR"));
    }

    private Organisation org(String name) {
        Organisation o = new Organisation(UUID.randomUUID(), name, Identifier.deterministic("identity",
                UUID.randomUUID(), name), true);
        store.putOrganisation(o);
        return o;
    }

    private Principal user(String name, Organisation org, boolean publishes) {
        User u = new User(UUID.randomUUID(), name, org.id(), Role.ANALYST, Passwords.unusable());
        store.putUser(u);
        store.setPublisher(u.id(), publishes);
        return Principal.of(u, org);
    }

    /** Posts objects into the public places collection, or the private one, as the analyst. */
    void post(boolean inPublic, java.util.List<StixObject> objects) {
        Collection c = store.collection(inPublic ? PUBLIC_PLACES : PRIVATE_PLACES).orElseThrow();
        post(analyst, c, objects.toArray(StixObject[]::new));
    }

    private void post(Principal p, Collection c, StixObject... objects) {
        writes.add(p, new CollectionView(c, true, true, false), java.util.Arrays.stream(objects)
                .map(WritePath.Item::of).toList(), "test");
    }

    private static StixObject location(String id, String name, double lat, double lon, String country) {
        return StixObject.builder("location", id).put("created", "2026-12-01T00:00:00.000Z")
                .put("modified", "2026-12-01T00:00:00.000Z").put("name", name).put("latitude", lat)
                .put("longitude", lon).put("country", country).build();
    }

    AlertDraft draft(String... places) {
        return new AlertDraft(List.of(places), 3, "Protests expected near the stadium",
                "Large demonstrations are planned; transport may be disrupted.", "Avoid the area.",
                List.of("Unrest", "crime"), List.of(), null);
    }

    /** Drafts an alert as the analyst, has the publisher review it (four eyes) and publish it. */
    Alert publish(AlertDraft d) {
        Alert draft = desk.draft(analyst, d, "test");
        desk.review(publisher, draft.id(), "test");
        return desk.publish(publisher, draft.id(), "test");
    }

    @Override
    public void close() {
        store.close();
    }
}
