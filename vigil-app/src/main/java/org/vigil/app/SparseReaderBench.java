package org.vigil.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vigil.access.CollectionView;
import org.vigil.access.Principal;
import org.vigil.stix.StixJson;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.User;

/**
 * What hidden objects cost a reader: pages of a collection that holds many AMBER+STRICT objects of one organisation
 * and a few CLEAR ones, read by that organisation and by a partner who may see only the CLEAR ones. The store
 * leaves hidden rows out in SQL, but still walks them, so the partner's page costs more the more they cannot see.
 */
final class SparseReaderBench {

    private static final int HIDDEN = 50_000;
    private static final int VISIBLE = 50;
    private static final int PAGE = 100;
    private static final String AMBER_STRICT = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
    private static final String CLEAR = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";

    private SparseReaderBench() {
    }

    static void run(Installation hub, Organisation owner, User ownerUser, PrintStream out, int runs) {
        Organisation partnerOrg = hub.addOrganisation("Bench partner", true);
        User partner = new User(UUID.randomUUID(), "bench-partner", partnerOrg.id(), Role.READER, null);
        hub.store.putUser(partner);
        Collection c = Collection.of(UUID.randomUUID(), Installation.API_ROOT, "bench-sparse")
                .withDefaultMarking(Tlp.AMBER);
        hub.store.putCollection(c);
        hub.store.putGrant(new Grant(ownerUser.id(), c.id(), true, true));
        hub.store.putGrant(new Grant(partner.id(), c.id(), true, false));
        fill(hub, c, owner, ownerUser);
        CollectionView view = new CollectionView(c, true, false, false);
        ObjectQuery q = ObjectQuery.in(c.id()).limit(PAGE).build();
        Principal asOwner = Principal.of(ownerUser, owner);
        Principal asPartner = Principal.of(partner, partnerOrg);
        int seen = hub.reads.objects(asPartner, view, q, "bench").items().size();
        double[][] ms = TaxiiBench.timePaired(runs, () -> hub.reads.objects(asOwner, view, q, "bench"),
                () -> hub.reads.objects(asPartner, view, q, "bench"));
        out.printf("sparse reader: %,d AMBER+STRICT objects of one organisation, %d CLEAR; first page (limit %d), p50 /"
                + " p95: owner %.1f / %.1f ms, a partner who sees %d %.1f / %.1f ms (%.1fx)%n", HIDDEN, VISIBLE, PAGE,
                ms[0][0], ms[0][1], seen, ms[1][0], ms[1][1], ms[1][0] / ms[0][0]);
    }

    /** Adds the objects straight into the store, CLEAR ones spread evenly among the hidden. */
    private static void fill(Installation hub, Collection c, Organisation owner, User ownerUser) {
        List<StixObject> batch = new ArrayList<>();
        int total = HIDDEN + VISIBLE;
        for (int i = 0; i < total; i++) {
            boolean clear = i % (total / VISIBLE) == 0;
            batch.add(indicator(owner.identityId(), clear ? CLEAR : AMBER_STRICT, i));
            if (batch.size() == 1000 || i == total - 1) {
                hub.store.add(c.id(), ownerUser.id(), batch);
                batch.clear();
            }
        }
    }

    private static StixObject indicator(String createdBy, String marking, int n) {
        return StixJson.parse("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--" + UUID.randomUUID()
                + "\",\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\","
                + "\"created_by_ref\":\"" + createdBy + "\",\"name\":\"sparse " + n + "\","
                + "\"pattern\":\"[ipv4-addr:value = '198.51.100.1']\",\"pattern_type\":\"stix\","
                + "\"valid_from\":\"2026-01-01T00:00:00Z\",\"object_marking_refs\":[\"" + marking + "\"]}");
    }
}
