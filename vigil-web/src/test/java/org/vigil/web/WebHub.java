package org.vigil.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vigil.access.Administration;
import org.vigil.access.AuditLog;
import org.vigil.access.Authenticator;
import org.vigil.access.CollectionView;
import org.vigil.access.Passwords;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.access.Sessions;
import org.vigil.access.WritePath;
import org.vigil.picture.Event;
import org.vigil.picture.Picture;
import org.vigil.picture.PictureApi;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.ApiRoot;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.Status;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.User;
import org.vigil.taxii.Hub;
import org.vigil.taxii.TaxiiConfig;
import org.vigil.taxii.TaxiiServer;

/**
 * A hub under test for the UI: a real SQLite store, the real access layer, and the real HTTP server with the
 * picture's API and the UI on a free loopback port, filled with a demo-like event.
 *
 * <p>Two organisations read one AMBER collection: alice's Agency and bob's Partner. Sochi and Adler have three
 * months of quiet reporting; on 7 February 2014 alice's agency posts a burst of twelve AMBER+STRICT reports about
 * Adler naming a threat actor of its own, "Zephyr Cell", also AMBER+STRICT, which targets Adler. Bob may see none
 * of these.
 */
final class WebHub implements AutoCloseable {

    static final String ROOT = "api1";
    /** Where organisations' identities are filed, as in an installation. */
    static final UUID DIRECTORY = UUID.nameUUIDFromBytes("vigil:organisations".getBytes());

    final Store store;
    final ReadPath reads;
    final WritePath writes;
    private final TaxiiServer server;

    record Account(User user, Organisation organisation, String password) {
        Principal principal() {
            return Principal.of(user, organisation);
        }
    }

    final Account alice;
    final Account bob;
    /** An administrator of alice's agency. */
    final Account root;
    final String sochi = "location--" + UUID.randomUUID();
    final String adler = "location--" + UUID.randomUUID();
    final String strictActor = "threat-actor--" + UUID.randomUUID();
    final String strictRelationship = "relationship--" + UUID.randomUUID();
    final String quietReport;
    final String hostileReport = "report--" + UUID.randomUUID();
    static final String HOSTILE_NAME = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>";
    final List<String> strictReports = new ArrayList<>();
    final String eventId;

    WebHub(Path dir) {
        store = Store.open(StoreConfig.sqlite(dir.resolve("data")));
        store.putApiRoot(new ApiRoot(ROOT, "Vigil under test", null, 10_000_000));
        store.putCollection(new Collection(DIRECTORY, ROOT, "Directory", null, "directory",
                List.of(Collection.STIX_MEDIA_TYPE), false, Tlp.GREEN));
        AuditLog audit = new AuditLog(store);
        reads = new ReadPath(store, audit);
        writes = new WritePath(store, audit, Clock.systemUTC());
        Authenticator auth = new Authenticator(store, audit, Clock.systemUTC());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        server = TaxiiServer.start(new Hub(auth, reads, writes),
                new TaxiiConfig("127.0.0.1", 0, "Vigil under test", "", null, null, 1000, key),
                List.of(new PictureApi(new Picture(reads, Clock.systemUTC()), Clock.systemUTC()),
                        new WebUi(reads, writes, new Sessions(store, auth, Clock.systemUTC()),
                                new Administration(store, audit, ROOT, DIRECTORY))));
        Organisation agency = organisation("Agency");
        Organisation partner = organisation("Partner");
        alice = user("alice", agency);
        bob = user("bob", partner);
        root = user("root", agency, Role.ADMIN);
        Collection reporting = new Collection(UUID.randomUUID(), ROOT, "Reporting", null, null,
                List.of(Collection.STIX_MEDIA_TYPE), false, Tlp.AMBER);
        store.putCollection(reporting);
        store.putGrant(new Grant(alice.user().id(), reporting.id(), true, true));
        store.putGrant(new Grant(bob.user().id(), reporting.id(), true, true));
        post(alice, reporting, List.of(location(sochi, "Sochi", 43.60, 39.73), location(adler, "Adler", 43.43, 39.92)));
        List<StixObject> quiet = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2013, 11, 1); d.isBefore(LocalDate.of(2014, 2, 7)); d = d.plusDays(1)) {
            quiet.add(report(d, "Quiet day in Sochi", List.of(sochi), Tlp.GREEN));
            if (d.getDayOfMonth() % 2 == 0) {
                quiet.add(report(d, "Quiet day in Adler", List.of(adler), Tlp.GREEN));
            }
        }
        quietReport = quiet.get(quiet.size() - 1).id();
        quiet.add(StixObject.builder("report", hostileReport).put("created", "2014-02-01T09:00:00.000Z")
                .put("modified", "2014-02-01T09:00:00.000Z").put("name", HOSTILE_NAME)
                .put("published", "2014-02-01T09:00:00.000Z").put("report_types", List.of("threat-report"))
                .put("object_refs", List.of(sochi)).build());
        post(bob, reporting, quiet);
        List<StixObject> burst = new ArrayList<>();
        burst.add(StixObject.builder("threat-actor", strictActor).put("created", "2014-02-01T00:00:00.000Z")
                .put("modified", "2014-02-01T00:00:00.000Z").put("name", "Zephyr Cell")
                .put("threat_actor_types", List.of("terrorist"))
                .put("object_marking_refs", List.of(Tlp.AMBER_STRICT.markingId())).build());
        burst.add(StixObject.builder("relationship", strictRelationship).put("created", "2014-02-01T00:00:00.000Z")
                .put("modified", "2014-02-01T00:00:00.000Z").put("relationship_type", "targets")
                .put("source_ref", strictActor).put("target_ref", adler)
                .put("object_marking_refs", List.of(Tlp.AMBER_STRICT.markingId())).build());
        for (int i = 0; i < 12; i++) {
            StixObject r = report(LocalDate.of(2014, 2, 7), "Zephyrine sighting near Adler " + i,
                    List.of(adler, strictActor), Tlp.AMBER_STRICT);
            strictReports.add(r.id());
            burst.add(r);
        }
        post(alice, reporting, burst);
        Event e = Event.create("Sochi 2014 Winter Olympics", "The XXII Olympic Winter Games",
                LocalDate.of(2014, 2, 7), LocalDate.of(2014, 2, 23), List.of(sochi, adler), "RU");
        post(alice, reporting, List.of(e.toStix("2013-07-01T00:00:00.000Z", null)));
        eventId = e.id();
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private Organisation organisation(String name) {
        Organisation o = new Organisation(UUID.randomUUID(), name, "identity--" + UUID.randomUUID(), true);
        store.putOrganisation(o);
        return o;
    }

    private Account user(String name, Organisation org) {
        return user(name, org, Role.ANALYST);
    }

    private Account user(String name, Organisation org, Role role) {
        String password = "pw-" + name + "-" + UUID.randomUUID();
        User u = new User(UUID.randomUUID(), name, org.id(), role, Passwords.hash(password.toCharArray()));
        store.putUser(u);
        return new Account(u, org, password);
    }

    private void post(Account a, Collection c, List<StixObject> objects) {
        List<WritePath.Item> items = new ArrayList<>();
        objects.forEach(o -> items.add(WritePath.Item.of(o)));
        Status s = writes.add(a.principal(), new CollectionView(c, true, true, false), items, "test");
        assertEquals(0, s.failureCount(), () -> "refused: " + s.failures());
    }

    private static StixObject location(String id, String name, double latitude, double longitude) {
        return StixObject.builder("location", id).put("created", "2013-01-01T00:00:00.000Z")
                .put("modified", "2013-01-01T00:00:00.000Z").put("name", name).put("country", "RU")
                .put("latitude", latitude).put("longitude", longitude).build();
    }

    private static StixObject report(LocalDate day, String name, List<String> refs, Tlp tlp) {
        String at = day + "T09:00:00.000Z";
        return StixObject.builder("report", "report--" + UUID.randomUUID()).put("created", at).put("modified", at)
                .put("name", name).put("published", at).put("report_types", List.of("threat-report"))
                .put("description", "Reporting about " + name.toLowerCase(java.util.Locale.ROOT))
                .put("object_refs", refs).put("object_marking_refs", List.of(tlp.markingId())).build();
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
