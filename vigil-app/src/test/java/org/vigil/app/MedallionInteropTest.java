package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.TestVigil.Account;
import org.vigil.stix.StixObject;

/**
 * Interop with medallion, the OASIS reference TAXII 2.1 server: a push feed sends a collection to a medallion
 * collection, and a pull feed brings it back into another, with every version once. medallion is a Python package
 * and is not installed by the build; the test runs when {@code VIGIL_MEDALLION_COLLECTION} names a writable
 * collection URL of a running medallion (memory backend) and {@code VIGIL_MEDALLION_USER} /
 * {@code VIGIL_MEDALLION_PASSWORD} its account, e.g. after {@code pip install medallion} and
 * {@code medallion --host 127.0.0.1 --port 5000 medallion-config.json}.
 */
class MedallionInteropTest {

    @Test
    void aCollectionPushedToMedallionComesBackWithEveryVersionOnce(@TempDir Path dir) {
        String url = System.getenv("VIGIL_MEDALLION_COLLECTION");
        assumeTrue(url != null, "set VIGIL_MEDALLION_COLLECTION (and _USER, _PASSWORD) to run against medallion");
        String user = System.getenv().getOrDefault("VIGIL_MEDALLION_USER", "admin");
        String password = System.getenv().getOrDefault("VIGIL_MEDALLION_PASSWORD", "Password0");
        try (TestVigil vigil = TestVigil.create(StoreKind.SQLITE, dir.resolve("data"))) {
            vigil.org("Hub", true);
            Account ann = vigil.user("ann", "Hub", "analyst");
            vigil.user("relay", "Hub", "federation");
            UUID out = vigil.collection("Outgoing", "outgoing");
            UUID back = vigil.collection("Returned", "returned");
            vigil.grant(out, ann, "write");
            vigil.grant(out, ann, "read");
            vigil.cli("collection", "grant", "outgoing", "relay", "read").ok();
            vigil.cli("collection", "grant", "returned", "relay", "read").ok();
            vigil.start();
            List<StixObject> objects = new ArrayList<>();
            String revised = Stix.newId("indicator");
            objects.add(Stix.indicator(revised, "medallion interop", 1));
            objects.add(Stix.indicator(revised, "medallion interop, revised", 2));
            for (int i = 0; i < 30; i++) {
                objects.add(Stix.marked(Stix.indicator("medallion interop " + i), Stix.CLEAR));
            }
            assertEquals(202, vigil.as(ann).add(out, objects).status());
            String started = java.time.Instant.now().minusSeconds(5).toString();
            vigil.cliWithInput(password + "\n", "feed", "push", "to-medallion", "--from", "outgoing", "--url", url,
                    "--as", "relay", "--remote-user", user).ok();
            vigil.cli("feed", "sync", "to-medallion").ok();
            vigil.cliWithInput(password + "\n", "feed", "add", "from-medallion", "--into", "returned", "--url", url,
                    "--as", "relay", "--remote-user", user, "--added-after", started).ok();
            vigil.cli("feed", "sync", "from-medallion").ok();
            Set<String> sent = new HashSet<>();
            objects.forEach(o -> sent.add(o.id() + "@" + o.modified().orElseThrow()));
            Set<String> returned = new HashSet<>();
            for (Taxii.Reply page : vigil.anonymous().bearer(vigil.cli("token", "add", "relay").ok())
                    .allPages(Taxii.objects(back), "match[version]", "all")) {
                page.json().path("objects").forEach(o -> returned.add(o.path("id").asText() + "@"
                        + o.path("modified").asText()));
            }
            assertEquals(sent, returned);
        }
    }
}
