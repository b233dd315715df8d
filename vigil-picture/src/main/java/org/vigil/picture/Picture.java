package org.vigil.picture;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.PlaceCounts;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.access.ReleasedObject;
import org.vigil.picture.detection.Detector;
import org.vigil.picture.detection.NegativeBinomialDetector;
import org.vigil.stix.StixObject;
import org.vigil.store.Place;

/**
 * The threat picture: how reporting about each place and event rises and falls, and where it has risen beyond what
 * the place's history leads one to expect. Everything is read for one principal through the read path, so what
 * they may not see neither counts nor shows, and every answer is recorded in the audit log.
 */
public final class Picture {

    /** Days of history before the first day asked about that the test needs (its window and guard). */
    static final int HISTORY_DAYS = 100;
    /** The longest span one request may cover, so that one call cannot ask for decades. */
    static final int MAX_SPAN_DAYS = 3 * 366;
    private static final int NEWEST_REPORTS = 10;

    private final ReadPath reads;
    private final Clock clock;
    private final Detector detector;
    private final FlaggedDays flaggedDays;

    public Picture(ReadPath reads, Clock clock) {
        this(reads, clock, new NegativeBinomialDetector());
    }

    Picture(ReadPath reads, Clock clock, Detector detector) {
        this.reads = reads;
        this.clock = clock;
        this.detector = detector;
        this.flaggedDays = new FlaggedDays(detector);
    }

    /** One flagged day at one place. */
    public record Uptick(String place, String name, String date, int observed, double expected, double pValue,
                         int sources) {
    }

    /** One day of a place's timeline. */
    public record Day(String date, int observed, Double expected, boolean uptick, Double pValue, int sources,
                      List<String> objects) {
    }

    /** A place's timeline. */
    public record Timeline(String place, String name, List<Day> days) {
    }

    /**
     * The upticks between two days (inclusive), oldest first, at every place the principal's reporting names, or
     * at one place, or at an event's venues.
     */
    public List<Uptick> upticks(Principal p, LocalDate from, LocalDate to, Optional<String> place,
                                Optional<String> event, String request) {
        checkSpan(from, to);
        Set<String> places = new LinkedHashSet<>();
        place.ifPresent(places::add);
        if (event.isPresent()) {
            places.addAll(event(p, event.get(), request).venues());
        }
        LocalDate start = from.minusDays(HISTORY_DAYS);
        PlaceCounts counts = reads.placeCounts(p, start, to, places, request);
        Map<String, String> names = new java.util.HashMap<>();
        counts.places().forEach(pl -> names.putIfAbsent(pl.id(), pl.name()));
        int first = (int) (from.toEpochDay() - start.toEpochDay());
        int weekday = dayOfWeek(start);
        List<Uptick> out = new ArrayList<>();
        counts.stories().forEach((at, daily) -> {
            for (FlaggedDays.Flag f : flaggedDays.flagged(p.userId(), at, start.toEpochDay(), daily, first, weekday)) {
                Detector.Verdict v = f.verdict();
                out.add(new Uptick(at, names.get(at), start.plusDays(f.day()).toString(), daily[f.day()],
                        round(v.expected()), v.pValue(), counts.sources().get(at)[f.day()]));
            }
        });
        out.sort(Comparator.comparing(Uptick::date).thenComparing(Uptick::place));
        return out;
    }

    /** A place's days between two days (inclusive), with what the test made of each and the objects behind it. */
    public Timeline timeline(Principal p, String placeId, LocalDate from, LocalDate to, String request) {
        checkSpan(from, to);
        PlaceSeries series = series(p, from, to, Set.of(placeId), request);
        int[] counts = series.counts(placeId);
        PlaceSeries.Days days = series.days(placeId);
        List<Day> out = new ArrayList<>();
        for (int t = series.index(from); t < series.span; t++) {
            Detector.Verdict v = detector.judge(counts, 0, t, dayOfWeek(series.start));
            out.add(new Day(series.start.plusDays(t).toString(), counts[t],
                    Double.isNaN(v.expected()) ? null : round(v.expected()), v.flagged(),
                    Double.isNaN(v.expected()) ? null : v.pValue(), days.sources.get(t).size(),
                    List.copyOf(days.objects.get(t))));
        }
        return new Timeline(placeId, series.name(placeId), out);
    }

    /** An event the principal may see; not found when it does not exist or they may not see it. */
    public Event event(Principal p, String eventId, String request) {
        return reads.object(p, eventId, request).flatMap(o -> Event.fromStix(o.object()))
                .orElseThrow(() -> new NotFound("event " + eventId));
    }

    /** The events the principal may see, by first day. */
    public List<Event> events(Principal p, String request) {
        return reads.objectsOfType(p, Event.TYPE, 10_000, request).stream()
                .map(o -> Event.fromStix(o.object())).flatMap(Optional::stream)
                .sorted(Comparator.comparing(Event::first).thenComparing(Event::name)).toList();
    }

    /**
     * The picture of one event as of a day (today when empty): each venue's reporting over the days before, its
     * upticks, and what is newest.
     */
    public EventPicture picture(Principal p, String eventId, Optional<LocalDate> asOf, String request) {
        Event event = event(p, eventId, request);
        LocalDate today = asOf.orElse(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        LocalDate from = today.minusDays(EventPicture.RECENT_DAYS - 1);
        Set<String> venues = new LinkedHashSet<>(event.venues());
        PlaceSeries series = series(p, from, today, venues, request);
        List<EventPicture.PlaceLevel> places = new ArrayList<>();
        Set<String> newest = new LinkedHashSet<>();
        for (String venue : venues) {
            places.add(level(series, venue, from));
        }
        // Newest stories first, so that twenty copies of one wire story take one line, not twenty.
        List<String> recent = new ArrayList<>();
        List<PlaceSeries.Days> venueDays = venues.stream().map(series::days).toList();
        for (int t = series.span - 1; t >= 0; t--) {
            for (PlaceSeries.Days d : venueDays) {
                recent.addAll(d.stories.get(t));
            }
        }
        recent.stream().filter(id -> id.startsWith("report--")).forEach(newest::add);
        return EventPicture.of(event, places, reports(p, newest, request), reads, p, request);
    }

    private EventPicture.PlaceLevel level(PlaceSeries series, String place, LocalDate from) {
        int[] counts = series.counts(place);
        PlaceSeries.Days days = series.days(place);
        List<Uptick> upticks = new ArrayList<>();
        int recent = 0;
        double expected = 0;
        boolean tested = false;
        for (int t = series.index(from); t < series.span; t++) {
            Detector.Verdict v = detector.judge(counts, 0, t, dayOfWeek(series.start));
            recent += counts[t];
            if (!Double.isNaN(v.expected())) {
                expected += v.expected();
                tested = true;
            }
            if (v.flagged()) {
                upticks.add(new Uptick(place, series.name(place), series.start.plusDays(t).toString(), counts[t],
                        round(v.expected()), v.pValue(), days.sources.get(t).size()));
            }
        }
        Place p = series.places.get(place);
        return new EventPicture.PlaceLevel(place, series.name(place), p == null ? null : p.latitude(),
                p == null ? null : p.longitude(), recent, tested ? round(expected) : null, upticks);
    }

    private List<StixObject> reports(Principal p, Set<String> ids, String request) {
        List<StixObject> out = new ArrayList<>();
        for (String id : ids) {
            if (out.size() == NEWEST_REPORTS) {
                break;
            }
            reads.object(p, id, request).map(ReleasedObject::object).ifPresent(out::add);
        }
        return out;
    }

    private PlaceSeries series(Principal p, LocalDate from, LocalDate to, Set<String> places, String request) {
        LocalDate start = from.minusDays(HISTORY_DAYS);
        return PlaceSeries.of(reads.placeReporting(p, start, to, places, request), start, to);
    }

    private static void checkSpan(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the span ends (" + to + ") before it starts (" + from + ")");
        }
        if (to.toEpochDay() - from.toEpochDay() >= MAX_SPAN_DAYS) {
            throw new IllegalArgumentException("the span from " + from + " to " + to + " is longer than "
                    + MAX_SPAN_DAYS + " days; ask for less at a time");
        }
    }

    private static int dayOfWeek(LocalDate day) {
        return day.getDayOfWeek().getValue();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Something asked for that does not exist or that the principal may not see; the two look alike. */
    public static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String what) {
            super(what + " does not exist or is not visible to you", null, false, false);
        }
    }
}
