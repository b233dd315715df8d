package org.vigil.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.vigil.access.CollectionView;
import org.vigil.access.Principal;
import org.vigil.access.WritePath;
import org.vigil.picture.Event;
import org.vigil.stix.Identifier;
import org.vigil.stix.Publisher;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.User;

/**
 * The demo's threat picture: the 2014 Winter Olympics in Sochi with the city and its two venue clusters, a person of
 * interest to screen names against, and five months of
 * synthetic dated reporting about Sochi, the venues and Volgograd, with two bursts (Volgograd at the end of December
 * 2013, Sochi in the third week of January 2014), so that {@code /api/v1/upticks} has something to show. The places
 * and dates are real; the reports are made up, and say so.
 */
final class DemoPicture {

    static final UUID COLLECTION = UUID.fromString("4d1f6a2b-7c8e-4f9a-8b0c-1d2e3f4a5b6c");
    private static final LocalDate FIRST = LocalDate.of(2013, 10, 1);
    private static final LocalDate LAST = LocalDate.of(2014, 2, 23);

    private DemoPicture() {
    }

    /** Loads the event and its reporting as the demo user; returns the event's id. */
    static String load(Installation hub, User demo, Principal poster) {
        Collection c = new Collection(COLLECTION, Installation.API_ROOT, "Open-source reporting (demo)",
                "Synthetic dated reporting for the demo's threat picture", "osint", List.of(Collection.STIX_MEDIA_TYPE),
                true, Tlp.CLEAR);
        hub.store.putCollection(c);
        hub.store.putGrant(new Grant(demo.id(), COLLECTION, true, true));
        CollectionView view = new CollectionView(c, true, true, false);
        String russia = place("Russia");
        String sochi = place("Sochi");
        String coastal = place("Sochi Olympic Park (coastal cluster)");
        String mountain = place("Krasnaya Polyana (mountain cluster)");
        String volgograd = place("Volgograd");
        List<StixObject> objects = new ArrayList<>();
        for (String[] p : new String[][] {{russia, "Russia", "RU"}, {sochi, "Sochi", "RU"},
                {coastal, "Sochi Olympic Park (coastal cluster)", "RU"},
                {mountain, "Krasnaya Polyana (mountain cluster)", "RU"}, {volgograd, "Volgograd", "RU"}}) {
            objects.add(location(p[0], p[1], p[2]));
        }
        Event event = new Event(Identifier.deterministic(Event.TYPE, Publisher.NAMESPACE, "demo:sochi-2014"),
                "Sochi 2014 Winter Olympics", "The XXII Olympic Winter Games", LocalDate.of(2014, 2, 7),
                LocalDate.of(2014, 2, 23), List.of(sochi, coastal, mountain), "RU");
        objects.add(event.toStix("2013-07-01T00:00:00.000Z", poster.organisationIdentity()));
        objects.addAll(reporting(List.of(sochi, coastal, mountain, volgograd)));
        objects.add(personOfInterest());
        List<WritePath.Item> items = objects.stream().map(WritePath.Item::of).toList();
        for (int i = 0; i < items.size(); i += 1000) {
            hub.writes.add(poster, view, items.subList(i, Math.min(items.size(), i + 1000)), "vigil serve --demo");
        }
        return event.id();
    }

    /**
     * A person of interest for screening: Doku Umarov, who led the Caucasus Emirate and threatened the 2014 Games,
     * with the Latin and Cyrillic spellings partners use.
     */
    private static StixObject personOfInterest() {
        return StixObject.builder("threat-actor", Identifier.deterministic("threat-actor", Publisher.NAMESPACE,
                        "demo:doku-umarov")).put("created", "2013-07-03T00:00:00.000Z")
                .put("modified", "2013-07-03T00:00:00.000Z").put("name", "Doku Umarov")
                .put("threat_actor_types", List.of("terrorist")).put("resource_level", "individual")
                .put("aliases", List.of("Dokka Umarov", "Доку Умаров")).build();
    }

    /** Quiet days of zero to three reports a place, and the two bursts. */
    private static List<StixObject> reporting(List<String> places) {
        SplittableRandom random = new SplittableRandom(2014);
        List<StixObject> out = new ArrayList<>();
        double[] rates = {1.5, 0.4, 0.4, 0.8};
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            for (int p = 0; p < places.size(); p++) {
                int n = org.vigil.picture.detection.Simulation.poisson(rates[p] * burst(p, d), random);
                for (int i = 0; i < n; i++) {
                    out.add(report(d, places.get(p), random.nextInt(24)));
                }
            }
        }
        return out;
    }

    /** How many times the usual rate: Volgograd after the bombings of 29 and 30 December, Sochi in January. */
    private static double burst(int place, LocalDate d) {
        if (place == 3 && !d.isBefore(LocalDate.of(2013, 12, 29)) && !d.isAfter(LocalDate.of(2014, 1, 1))) {
            return 8;
        }
        if (place == 0 && !d.isBefore(LocalDate.of(2014, 1, 19)) && !d.isAfter(LocalDate.of(2014, 1, 22))) {
            return 5;
        }
        return 1;
    }

    private static String place(String name) {
        return Identifier.deterministic("location", Publisher.NAMESPACE, "demo:" + name);
    }

    private static StixObject location(String id, String name, String country) {
        StixObject.Builder b = StixObject.builder("location", id).put("created", "2013-07-01T00:00:00.000Z")
                .put("modified", "2013-07-01T00:00:00.000Z").put("name", name).put("country", country);
        double[] at = switch (name) {
            case "Sochi" -> new double[] {43.6028, 39.7342};
            case "Sochi Olympic Park (coastal cluster)" -> new double[] {43.4085, 39.9557};
            case "Krasnaya Polyana (mountain cluster)" -> new double[] {43.6795, 40.2049};
            case "Volgograd" -> new double[] {48.7080, 44.5133};
            default -> null;
        };
        if (at != null) {
            b.put("latitude", at[0]).put("longitude", at[1]);
        }
        return b.build();
    }

    private static StixObject report(LocalDate day, String place, int hour) {
        String at = day + "T" + String.format("%02d", hour) + ":00:00.000Z";
        return StixObject.builder("report", "report--" + UUID.randomUUID()).put("created", at).put("modified", at)
                .put("name", "Synthetic demo report, " + day).put("published", at)
                .put("description", "Made-up reporting for Vigil's demo; not a real report.")
                .put("report_types", List.of("threat-report")).put("object_refs", List.of(place)).build();
    }
}
