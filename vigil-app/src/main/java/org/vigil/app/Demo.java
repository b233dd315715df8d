package org.vigil.app;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.vigil.access.CollectionView;
import org.vigil.access.Passwords;
import org.vigil.access.Principal;
import org.vigil.access.WritePath;
import org.vigil.stix.BundleReader;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.Status;
import org.vigil.store.User;

/**
 * The demo: ATT&CK for ICS in a public collection, posted by a federation account on MITRE's behalf through
 * the ordinary write path, and a demo analyst whose credentials are printed at start-up.
 */
final class Demo {

    static final UUID COLLECTION = UUID.fromString("8b6f1d4e-2c3a-4f5b-9e7d-1a2b3c4d5e6f");
    private static final String BUNDLE = "/demo/ics-attack-18.1.json.gz";

    record Credentials(String user, String password, UUID collection, long stored, long refused, String event) {
    }

    private Demo() {
    }

    static Credentials load(Installation hub) throws IOException {
        Organisation agency = hub.addOrganisation("Demo Agency", true);
        Organisation feeds = hub.addOrganisation("ATT&CK feed", true);
        String password = randomPassword();
        User demo = new User(UUID.randomUUID(), "demo", agency.id(), Role.ANALYST, Passwords.hash(password.toCharArray()));
        User feed = new User(UUID.randomUUID(), "attack-feed", feeds.id(), Role.FEDERATION, Passwords.unusable());
        hub.store.putUser(demo);
        hub.store.putUser(feed);
        Collection c = new Collection(COLLECTION, Installation.API_ROOT, "ATT&CK for ICS",
                "MITRE ATT&CK for ICS 18.1, © The MITRE Corporation", "ics",
                List.of(Collection.STIX_MEDIA_TYPE), true, Tlp.CLEAR);
        hub.store.putCollection(c);
        hub.store.putGrant(new Grant(demo.id(), COLLECTION, true, true));
        hub.store.putGrant(new Grant(demo.id(), Installation.ORGANISATIONS, true, false));
        hub.store.putGrant(new Grant(feed.id(), COLLECTION, true, true));
        long[] counts = post(hub, Principal.of(feed, feeds), new CollectionView(c, true, true, false));
        String event = DemoPicture.load(hub, demo, Principal.of(demo, agency));
        return new Credentials("demo", password, COLLECTION, counts[0], counts[1], event);
    }

    private static long[] post(Installation hub, Principal feed, CollectionView c) throws IOException {
        long stored = 0;
        long refused = 0;
        try (InputStream in = new GZIPInputStream(Demo.class.getResourceAsStream(BUNDLE));
             BundleReader reader = BundleReader.open(in, "ATT&CK for ICS")) {
            List<WritePath.Item> batch = new ArrayList<>();
            for (StixObject o = reader.next(); o != null; o = reader.next()) {
                batch.add(WritePath.Item.of(o));
                if (batch.size() == 1000) {
                    Status s = hub.writes.add(feed, c, batch, "vigil serve --demo");
                    stored += s.successCount();
                    refused += s.failureCount();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                Status s = hub.writes.add(feed, c, batch, "vigil serve --demo");
                stored += s.successCount();
                refused += s.failureCount();
            }
        }
        return new long[] {stored, refused};
    }

    private static String randomPassword() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static void printWelcome(String url, Credentials c) {
        System.out.println();
        System.out.println("Vigil demo is ready: " + c.stored() + " ATT&CK for ICS objects stored, " + c.refused()
                + " refused by the validator (see the status resources and vigil validate).");
        System.out.println("  TAXII discovery: " + url + "/taxii2/");
        System.out.println("  user: " + c.user() + "   password: " + c.password());
        System.out.println("  collection: " + url + "/" + Installation.API_ROOT + "/collections/" + c.collection() + "/");
        System.out.println("  try: curl -u " + c.user() + ":" + c.password()
                + " -H 'Accept: application/taxii+json;version=2.1' '" + url + "/" + Installation.API_ROOT
                + "/collections/" + c.collection() + "/objects/?limit=2'");
        System.out.println("  threat picture (the Sochi 2014 Winter Olympics and synthetic dated reporting):");
        System.out.println("    curl -u " + c.user() + ":" + c.password() + " '" + url
                + "/api/v1/upticks?from=2013-12-01&to=2014-02-23'");
        System.out.println("    curl -u " + c.user() + ":" + c.password() + " '" + url + "/api/v1/events/" + c.event()
                + "/picture?at=2014-01-22'");
        System.out.println("    curl -u " + c.user() + ":" + c.password() + " '" + url + "/api/v1/alerts/suggestion?place="
                + c.event() + "&day=2014-01-22'");
        System.out.println("  screening: curl -u " + c.user() + ":" + c.password() + " -H 'Content-Type: application/json' "
                + "-d '{\"names\": [\"Умаров Докка\"]}' " + url + "/api/v1/screen");
        System.out.println("Stop with Ctrl-C; the demo data directory is removed on exit.");
        System.out.flush();
    }
}
