package org.vigil.picture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.access.ReleasedObject;
import org.vigil.stix.StixObject;

/**
 * An event's threat picture as one reader may see it: each venue's reporting over the last {@value #RECENT_DAYS}
 * days against what was expected, its upticks, the newest reports, and the threat actors and attack patterns they
 * name.
 */
public record EventPicture(String id, String name, String first, String last, String hostCountry,
                           List<PlaceLevel> places, List<ReportSummary> newestReports, List<Named> threatActors,
                           List<Named> attackPatterns) {

    static final int RECENT_DAYS = 30;

    /**
     * One venue's level of reporting.
     *
     * @param observed stories in the recent days
     * @param expected stories the test expected over those days, or null where the history is too short
     */
    public record PlaceLevel(String place, String name, Double latitude, Double longitude, int observed,
                             Double expected, List<Picture.Uptick> upticks) {
    }

    /** A report, briefly. */
    public record ReportSummary(String id, String name, String published) {
    }

    /** An object named in the newest reports. */
    public record Named(String id, String name) {
    }

    static EventPicture of(Event e, List<PlaceLevel> places, List<StixObject> reports, ReadPath reads, Principal p,
                           String request) {
        List<ReportSummary> summaries = new ArrayList<>();
        Map<String, Named> actors = new LinkedHashMap<>();
        Map<String, Named> patterns = new LinkedHashMap<>();
        for (StixObject r : reports) {
            summaries.add(new ReportSummary(r.id(), r.text("name"), r.text("published")));
            for (String ref : r.texts("object_refs")) {
                if (ref.startsWith("threat-actor--") || ref.startsWith("intrusion-set--")) {
                    actors.computeIfAbsent(ref, id -> named(reads, p, id, request));
                } else if (ref.startsWith("attack-pattern--")) {
                    patterns.computeIfAbsent(ref, id -> named(reads, p, id, request));
                }
            }
        }
        actors.values().removeIf(n -> n.name() == null);
        patterns.values().removeIf(n -> n.name() == null);
        return new EventPicture(e.id(), e.name(), e.first().toString(), e.last().toString(), e.hostCountry(),
                places, summaries, List.copyOf(actors.values()), List.copyOf(patterns.values()));
    }

    /** The object's name as the reader may see it; an object they may not see has none and is left out. */
    private static Named named(ReadPath reads, Principal p, String id, String request) {
        return new Named(id, reads.object(p, id, request).map(ReleasedObject::object).map(o -> o.text("name"))
                .orElse(null));
    }
}
