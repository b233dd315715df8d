package org.vigil.picture;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.vigil.stix.Identifier;
import org.vigil.stix.Publisher;
import org.vigil.stix.StixJson;
import org.vigil.stix.StixObject;

/**
 * A major event whose security Vigil follows (a Winter Olympics, say): its name, its days, its venues and its host
 * country. Partners receive it over TAXII as a STIX object of Vigil's own type {@value #TYPE}, defined by an
 * extension-definition that Vigil publishes, so that any STIX tool knows what it is.
 *
 * @param id the event's STIX id
 * @param name its name
 * @param description what it is, or null
 * @param first its first day (UTC)
 * @param last its last day (UTC), not before the first
 * @param venues the location ids of its venues, at least one
 * @param hostCountry the ISO 3166-1 alpha-2 code of its host country, or null
 */
public record Event(String id, String name, String description, LocalDate first, LocalDate last,
                    List<String> venues, String hostCountry) {

    /** The STIX type of events. */
    public static final String TYPE = "vigil-event";
    /** The id of the extension-definition that defines the type. */
    public static final String EXTENSION_ID = Identifier.deterministic("extension-definition", Publisher.NAMESPACE,
            "vigil-event/1.0");

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        venues = List.copyOf(venues);
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the event " + name + " ends (" + last + ") before it starts ("
                    + first + ")");
        }
        if (venues.isEmpty()) {
            throw new IllegalArgumentException("the event " + name + " needs at least one venue");
        }
        hostCountry = hostCountry == null ? null : hostCountry.toUpperCase(Locale.ROOT);
    }

    /** A new event with a fresh id. */
    public static Event create(String name, String description, LocalDate first, LocalDate last,
                               List<String> venues, String hostCountry) {
        return new Event(TYPE + "--" + UUID.randomUUID(), name, description, first, last, venues, hostCountry);
    }

    /** The event as a STIX object, created and modified at {@code now}, from {@code source}. */
    public StixObject toStix(String now, String source) {
        StixObject.Builder b = StixObject.builder(TYPE, id).put("created", now).put("modified", now)
                .put("name", name)
                .put("start_time", first.atStartOfDay(ZoneOffset.UTC).toInstant().toString())
                .put("stop_time", last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString())
                .put("venue_refs", venues);
        if (source != null) {
            b.put("created_by_ref", source);
        }
        if (description != null) {
            b.put("description", description);
        }
        if (hostCountry != null) {
            b.put("host_country", hostCountry);
        }
        var extensions = StixJson.newObjectNode();
        extensions.putObject(EXTENSION_ID).put("extension_type", "new-sdo");
        return b.put("extensions", extensions).build();
    }

    /** The event a STIX object describes, or nothing when it is not a well-formed event. */
    public static Optional<Event> fromStix(StixObject o) {
        if (!TYPE.equals(o.type()) || o.text("name") == null) {
            return Optional.empty();
        }
        try {
            LocalDate first = day(o.text("start_time"));
            LocalDate last = day(o.text("stop_time")).minusDays(1);
            return Optional.of(new Event(o.id(), o.text("name"), o.text("description"), first,
                    last.isBefore(first) ? first : last, o.texts("venue_refs"), o.text("host_country")));
        } catch (DateTimeParseException | NullPointerException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static LocalDate day(String timestamp) {
        return LocalDate.ofInstant(Instant.parse(timestamp), ZoneOffset.UTC);
    }

    /** The extension-definition of the event type, which Vigil publishes in its Directory collection. */
    public static StixObject definition() {
        return StixObject.builder("extension-definition", EXTENSION_ID)
                .put("created_by_ref", Publisher.IDENTITY_ID)
                .put("created", Publisher.DEFINED).put("modified", Publisher.DEFINED)
                .put("name", "Vigil event")
                .put("description", "A major event whose security partners follow together (the Olympic Games, "
                        + "a summit): its name, its days from start_time to stop_time (exclusive), the locations of "
                        + "its venues (venue_refs) and its host country (host_country, ISO 3166-1 alpha-2).")
                .put("schema", SCHEMA)
                .put("version", "1.0")
                .put("extension_types", List.of("new-sdo"))
                .build();
    }

    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{"
            + "\"name\":{\"type\":\"string\"},\"description\":{\"type\":\"string\"},"
            + "\"start_time\":{\"type\":\"string\",\"format\":\"date-time\"},"
            + "\"stop_time\":{\"type\":\"string\",\"format\":\"date-time\"},"
            + "\"venue_refs\":{\"type\":\"array\",\"minItems\":1,\"items\":{\"type\":\"string\",\"pattern\":\"^location--\"}},"
            + "\"host_country\":{\"type\":\"string\",\"pattern\":\"^[A-Z]{2}$\"}},"
            + "\"required\":[\"name\",\"start_time\",\"stop_time\",\"venue_refs\"]}";

    /** Reads an event from its JSON. */
    static Optional<Event> fromJson(String json) {
        return fromStix(StixJson.parse(json));
    }
}
