package org.vigil.alerts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.Principal;
import org.vigil.picture.Picture;

/**
 * A travel-alert draft suggested from the threat picture: the places where the author sees an uptick in the week up
 * to a day, worded from what the public may see only, with the public reports behind it as evidence. The author
 * sees the upticks; nothing in the wording or the evidence rests on what the public may not see, so a suggestion
 * can be drafted and published as it stands.
 */
public final class AlertSuggestion {

    static final int DAYS = 7;
    private static final int MAX_EVIDENCE = 20;

    private final Picture picture;

    public AlertSuggestion(Picture picture) {
        this.picture = picture;
    }

    /**
     * The draft for a place (a location id) or an event (its venues) as of {@code day}.
     *
     * @throws AlertRefusal when the author sees no uptick there in the week up to the day
     */
    public AlertDraft suggest(Principal author, String placeOrEvent, LocalDate day, String via) {
        LocalDate from = day.minusDays(DAYS - 1);
        boolean event = placeOrEvent.startsWith(org.vigil.picture.Event.TYPE + "--");
        List<Picture.Uptick> upticks;
        try {
            upticks = picture.upticks(author, from, day, event ? Optional.empty() : Optional.of(placeOrEvent),
                    event ? Optional.of(placeOrEvent) : Optional.empty(), via);
        } catch (Picture.NotFound e) {
            throw new AlertRefusal(404, e.getMessage());
        }
        if (upticks.isEmpty()) {
            throw new AlertRefusal(422, "no uptick at " + placeOrEvent + " in the " + DAYS + " days up to " + day
                    + " that you may see; there is nothing to suggest an alert from");
        }
        Map<String, String> places = new LinkedHashMap<>();
        upticks.forEach(u -> places.putIfAbsent(u.place(), u.name() == null ? u.place() : u.name()));
        List<String> sentences = new ArrayList<>();
        Set<String> evidence = new LinkedHashSet<>();
        for (String place : places.keySet()) {
            Picture.Timeline open = picture.timeline(Principal.anonymous(), place, from, day, via);
            Picture.Day busiest = open.days().stream().max(java.util.Comparator.comparingInt(Picture.Day::observed))
                    .orElseThrow();
            if (busiest.observed() > 0) {
                sentences.add(String.format(Locale.ROOT, "Public reporting about %s reached %d %s on %s%s.",
                        places.get(place), busiest.observed(), busiest.observed() == 1 ? "story" : "stories",
                        busiest.date(), busiest.expected() == null ? ""
                                : String.format(Locale.ROOT, ", against about %.1f expected from its recent history",
                                busiest.expected())));
            }
            open.days().stream().filter(Picture.Day::uptick).forEach(d -> d.objects().stream()
                    .filter(id -> id.startsWith("report--")).forEach(evidence::add));
        }
        String names = String.join(", ", places.values());
        String description = "Threat reporting about " + names + " has risen in the week up to " + day + ". "
                + String.join(" ", sentences);
        return new AlertDraft(List.copyOf(places.keySet()), 2, "Increased threat reporting about " + names,
                description.strip(), "Stay alert in crowded places, follow the instructions of local authorities "
                + "and keep your travel documents with you.", List.of("terrorism"),
                evidence.stream().limit(MAX_EVIDENCE).toList(), null);
    }
}
