package org.vigil.screen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.access.ReleasedObject;
import org.vigil.stix.StixObject;

/**
 * The persons of interest one principal may see, read through the read path, and screening against them. A person
 * the principal may not see is never loaded, so it can be neither matched nor hinted at. Persons of interest are
 * threat-actor objects whose resource_level is "individual", and identity objects whose identity_class is
 * "individual" that carry the label {@value #LABEL}; names are matched with their aliases (a threat-actor's
 * {@code aliases}, and the {@link PersonDetails} extension's for identities, which STIX gives none), and dates of
 * birth and nationalities come from the {@link PersonDetails} extension.
 */
public final class Watchlist {

    /** The label that puts an individual's identity on the watchlist. */
    public static final String LABEL = "watchlist";

    /** The most persons of interest loaded for one principal. */
    static final int MAX_PERSONS = 1_000_000;

    private final ReadPath reads;
    private final Principal principal;
    private final Screening screening;

    private Watchlist(ReadPath reads, Principal principal, List<PersonOfInterest> persons) {
        this.reads = reads;
        this.principal = principal;
        this.screening = Screening.of(persons);
    }

    /**
     * How many of the persons loaded the audit record of a load lists by id: screening hands out only the persons
     * it matches, each named in the screening's own record, so the load is recorded by count.
     */
    static final int IDS_AUDITED_PER_LOAD = 100;

    /** The watchlist as {@code p} may see it; {@code request} names the request in the audit log. */
    public static Watchlist of(ReadPath reads, Principal p, String request) {
        List<PersonOfInterest> persons = new ArrayList<>();
        for (String type : List.of("threat-actor", "identity")) {
            for (ReleasedObject o : reads.objectsOfType(p, type, MAX_PERSONS, request, IDS_AUDITED_PER_LOAD)) {
                personOfInterest(o.object()).ifPresent(persons::add);
            }
        }
        return new Watchlist(reads, p, persons);
    }

    /** How many persons of interest the principal may see. */
    public int size() {
        return screening.size();
    }

    /** Each name screened, in input order, with its matches (best first, at most {@link Screening#MAX_MATCHES}). */
    public record Screened(Subject subject, List<Match> matches) {
    }

    /** The lowest threshold a caller may ask for: below it, matches say nothing. */
    public static final double LOWEST_THRESHOLD = 0.5;

    /**
     * Screens names at a threshold from {@value #LOWEST_THRESHOLD} to 1, recording in the audit log the names
     * screened and the persons matched.
     */
    public List<Screened> screen(List<Subject> subjects, double threshold, String request) {
        if (!(threshold >= LOWEST_THRESHOLD && threshold <= 1.0)) {
            throw new IllegalArgumentException("threshold " + threshold + " is out of range: give a number from "
                    + LOWEST_THRESHOLD + " to 1 (Vigil's own is " + Screening.THRESHOLD + ")");
        }
        List<Screened> out = new ArrayList<>(subjects.size());
        Set<String> matched = new LinkedHashSet<>();
        for (Subject s : subjects) {
            List<Match> m = screening.screen(s, threshold, Screening.MAX_MATCHES);
            m.forEach(x -> matched.add(x.person().id()));
            out.add(new Screened(s, m));
        }
        reads.recordScreening(principal, request, query(subjects, threshold), List.copyOf(matched));
        return out;
    }

    /** The query as the audit log keeps it: every name with what came with it, and the threshold. */
    private static String query(List<Subject> subjects, double threshold) {
        StringBuilder b = new StringBuilder("threshold ").append(threshold).append("; names:");
        for (Subject s : subjects) {
            b.append(" [").append(s.name());
            if (s.birthDate() != null) {
                b.append(", born ").append(s.birthDate());
            }
            if (s.nationality() != null) {
                b.append(", ").append(s.nationality());
            }
            b.append(']');
        }
        return b.toString();
    }

    /** The person of interest an object describes, if it describes one. */
    public static Optional<PersonOfInterest> personOfInterest(StixObject o) {
        boolean individualActor = o.type().equals("threat-actor") && "individual".equals(text(o, "resource_level"));
        boolean listedIdentity = o.type().equals("identity") && "individual".equals(text(o, "identity_class"))
                && o.texts("labels").contains(LABEL);
        String name = text(o, "name");
        if (!(individualActor || listedIdentity) || name == null || name.isBlank()) {
            return Optional.empty();
        }
        List<String> aliases = new ArrayList<>(o.texts("aliases"));
        aliases.addAll(PersonDetails.aliases(o));
        return Optional.of(new PersonOfInterest(o.id(), name, aliases, PersonDetails.birthDate(o).orElse(null),
                PersonDetails.nationality(o).orElse(null)));
    }

    private static String text(StixObject o, String property) {
        return o.text(property);
    }
}
