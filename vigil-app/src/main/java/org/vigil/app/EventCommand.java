package org.vigil.app;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.vigil.access.Principal;
import org.vigil.access.ReleasedObject;
import org.vigil.picture.Event;
import org.vigil.stix.Finding;
import org.vigil.stix.Publisher;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.stix.Validator;
import org.vigil.store.Collection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil event}: the major events whose threat picture the hub follows. */
@Command(name = "event", mixinStandardHelpOptions = true, description = "Manage events (a Winter Olympics, say).",
        subcommands = {EventCommand.Add.class, EventCommand.List.class})
final class EventCommand {

    /** Events live here unless another collection is named: public, so that every partner and the public see them. */
    static final UUID EVENTS = UUID.nameUUIDFromBytes("vigil:events".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an event with its days and venues; prints its id on the last line.")
    static final class Add extends AdminCommand {
        @Parameters(paramLabel = "NAME", description = "The event's name, e.g. \"Sochi 2014 Winter Olympics\".")
        String name;

        @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, YYYY-MM-DD.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day, YYYY-MM-DD.")
        String to;

        @Option(names = "--venue", required = true, arity = "1..*", paramLabel = "PLACE",
                description = "A venue: a location id, or the name of a location the --user (else anyone) may see.")
        java.util.List<String> venues;

        @Option(names = "--host-country", paramLabel = "CC", description = "ISO 3166-1 alpha-2 code, e.g. RU.")
        String hostCountry;

        @Option(names = "--description", paramLabel = "TEXT", description = "What the event is.")
        String description;

        @Option(names = "--collection", paramLabel = "C",
                description = "Collection id, alias or title (default: the public Events collection).")
        String collection;

        @Option(names = "--user", paramLabel = "U", description = "Look venue names up as this user.")
        String user;

        @Override
        public Integer call() {
            LocalDate first = day("--from", from);
            LocalDate last = day("--to", to);
            if (last.isBefore(first)) {
                throw new Settings.SettingsException("--to " + to + " is before --from " + from + "; swap them");
            }
            if (hostCountry != null && !hostCountry.matches("[A-Za-z]{2}")) {
                throw new Settings.SettingsException("--host-country " + hostCountry
                        + " is not an ISO 3166-1 alpha-2 code; give two letters such as RU");
            }
            try (Installation hub = open()) {
                Principal who = user == null ? Principal.anonymous() : hub.principal(user);
                java.util.List<String> ids = new ArrayList<>();
                for (String v : venues) {
                    ids.add(venue(hub, who, v));
                }
                Collection c = collection == null ? eventsCollection(hub) : hub.collection(collection);
                Event event = Event.create(name, description, first, last, ids, hostCountry);
                StixObject object = event.toStix(Installation.STIX_MILLIS.format(Instant.now()), Publisher.IDENTITY_ID);
                java.util.List<Finding> errors = Validator.standard().validate(object).stream()
                        .filter(Finding::isError).toList();
                if (!errors.isEmpty()) {
                    throw new Settings.SettingsException("the event is not valid STIX: " + errors.get(0).message());
                }
                hub.store.add(c.id(), java.util.List.of(object));
                hub.noteAdmin("event add", name + " " + first + ".." + last + " in " + c.title());
                out().println("event " + name + " added to " + c.title() + " with " + ids.size() + " venue(s)");
                out().println(event.id());
                return 0;
            }
        }

        private static String venue(Installation hub, Principal who, String v) {
            if (v.startsWith("location--")) {
                return v;
            }
            for (ReleasedObject o : hub.reads.objectsOfType(who, "location", 100_000, "vigil event add")) {
                StixObject loc = o.object();
                if (v.equalsIgnoreCase(loc.text("name")) || v.equalsIgnoreCase(loc.text("city"))) {
                    return loc.id();
                }
            }
            throw new Settings.SettingsException("no location named '" + v + "' is visible to " + who
                    + "; give the location's id, or --user with a user who may see it");
        }
    }

    /** The public Events collection, made on first use. */
    static Collection eventsCollection(Installation hub) {
        return hub.store.collection(EVENTS).orElseGet(() -> {
            Collection c = new Collection(EVENTS, Installation.API_ROOT, "Events",
                    "Major events whose security the hub follows, with their venues", "events",
                    java.util.List.of(Collection.STIX_MEDIA_TYPE), true, Tlp.CLEAR);
            hub.store.putCollection(c);
            return c;
        });
    }

    static LocalDate day(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Settings.SettingsException(option + " " + value + " is not a day; write it as YYYY-MM-DD");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the events a user (else anyone) may see.")
    static final class List extends AdminCommand {
        @Option(names = "--user", paramLabel = "U", description = "List as this user (default: anonymous).")
        String user;

        @Override
        public Integer call() {
            PrintWriter out = out();
            try (Installation hub = open()) {
                Principal who = user == null ? Principal.anonymous() : hub.principal(user);
                for (Event e : hub.picture.events(who, "vigil event list")) {
                    out.println(e.id() + "\t" + e.name() + "\t" + e.first() + ".." + e.last() + "\t"
                            + String.join(",", e.venues())
                            + (e.hostCountry() == null ? "" : "\t" + e.hostCountry().toUpperCase(Locale.ROOT)));
                }
                return 0;
            }
        }
    }
}
