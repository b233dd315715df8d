package org.vigil.app;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vigil.access.CollectionView;
import org.vigil.access.MarkingPolicy;
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
 * What hidden objects cost a reader: for each size, a collection where one organisation posts that many
 * AMBER+STRICT objects and a few hundred GREEN ones spread evenly among them, whose first page is read by that
 * organisation and by a partner (a community member of another organisation) who may see only the GREEN ones.
 * Pages should cost the same for both whatever is hidden; the partner/owner ratio, and how it moves with the
 * number of hidden rows, show whether they do.
 */
final class SparseReaderBench {

    static final List<Integer> DEFAULT_HIDDEN = List.of(50_000);
    private static final int VISIBLE = 300;
    private static final int PAGE = 100;
    private static final int BATCH = 2_000;

    private SparseReaderBench() {
    }

    static void run(Installation hub, Organisation owner, User ownerUser, PrintStream out, int runs,
                    List<Integer> hiddenCounts) {
        Organisation partnerOrg = hub.addOrganisation("Bench partner", true);
        User partner = new User(UUID.randomUUID(), "bench-partner", partnerOrg.id(), Role.READER, null);
        hub.store.putUser(partner);
        Principal asOwner = Principal.of(ownerUser, owner);
        Principal asPartner = Principal.of(partner, partnerOrg);
        out.printf("sparse reader: one organisation's AMBER+STRICT objects and %d GREEN ones spread among them;"
                + " first page (limit %d), p50 / p95 in ms over %d runs each%n", VISIBLE, PAGE, runs);
        out.printf("  %10s  %-25s %-25s %8s  %-25s %-25s %8s  %s%n", "hidden", "read path: owner",
                "partner (rows)", "ratio", "store: owner", "partner", "ratio", "load avg (1 min)");
        for (int hidden : hiddenCounts) {
            Collection c = Collection.of(UUID.randomUUID(), Installation.API_ROOT, "bench-sparse-" + hidden)
                    .withDefaultMarking(Tlp.AMBER);
            hub.store.putCollection(c);
            hub.store.putGrant(new Grant(ownerUser.id(), c.id(), true, true));
            hub.store.putGrant(new Grant(partner.id(), c.id(), true, false));
            long start = System.nanoTime();
            fill(hub, c, owner, ownerUser, hidden);
            double fillSecs = (System.nanoTime() - start) / 1e9;
            CollectionView view = new CollectionView(c, true, false, false);
            ObjectQuery q = ObjectQuery.in(c.id()).limit(PAGE).build();
            int seen = hub.reads.objects(asPartner, view, q, "bench").items().size();
            double[][] reads = TaxiiBench.timePaired(runs, () -> hub.reads.objects(asOwner, view, q, "bench"),
                    () -> hub.reads.objects(asPartner, view, q, "bench"));
            ObjectQuery ownerQ = q.toBuilder().audience(MarkingPolicy.audience(asOwner, c.defaultMarking())).build();
            ObjectQuery partnerQ = q.toBuilder().audience(MarkingPolicy.audience(asPartner, c.defaultMarking()))
                    .build();
            double[][] store = TaxiiBench.timePaired(runs, TaxiiBench.storeRead(hub, ownerQ),
                    TaxiiBench.storeRead(hub, partnerQ));
            out.printf("  %,10d  %-25s %-25s %7.2fx  %-25s %-25s %7.2fx  %.2f   (filled in %.0f s)%n", hidden,
                    ms(reads[0]), ms(reads[1]) + " (" + seen + ")", reads[1][0] / reads[0][0], ms(store[0]),
                    ms(store[1]), store[1][0] / store[0][0],
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), fillSecs);
        }
    }

    private static String ms(double[] p50p95) {
        return String.format("%.2f / %.2f", p50p95[0], p50p95[1]);
    }

    /** Adds the objects straight into the store, the GREEN ones spread evenly among the hidden. */
    private static void fill(Installation hub, Collection c, Organisation owner, User ownerUser, int hidden) {
        List<StixObject> batch = new ArrayList<>();
        int total = hidden + VISIBLE;
        int every = total / VISIBLE;
        for (int i = 0; i < total; i++) {
            boolean green = i % every == 0 && i / every < VISIBLE;
            batch.add(indicator(owner.identityId(), green ? Tlp.GREEN : Tlp.AMBER_STRICT, i));
            if (batch.size() == BATCH || i == total - 1) {
                hub.store.add(c.id(), ownerUser.id(), batch);
                batch.clear();
            }
        }
    }

    private static StixObject indicator(String createdBy, Tlp marking, int n) {
        return StixJson.parse("{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--" + UUID.randomUUID()
                + "\",\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\","
                + "\"created_by_ref\":\"" + createdBy + "\",\"name\":\"sparse " + n + "\","
                + "\"pattern\":\"[ipv4-addr:value = '198.51.100.1']\",\"pattern_type\":\"stix\","
                + "\"valid_from\":\"2026-01-01T00:00:00Z\",\"object_marking_refs\":[\"" + marking.markingId() + "\"]}");
    }
}
