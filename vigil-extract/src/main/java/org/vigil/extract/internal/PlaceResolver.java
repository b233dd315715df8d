package org.vigil.extract.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.extract.Gazetteer;
import org.vigil.extract.Place;

/**
 * Chooses which place an ambiguous name means, from its size and the article's other places: "Georgia" is
 * the US state in a story about Atlanta and the country in one about Tbilisi; "Paris" is the French capital
 * unless the text says "Paris, Texas" or the story is set nearby.
 */
public final class PlaceResolver {

    private static final double REGION_PRIOR = 9;
    private static final double COUNTRY_PRIOR = 7;
    private static final double ADMIN_PRIOR = 5;
    private static final double CAPITAL_BONUS = 2;
    private static final double SAME_COUNTRY_BONUS = 4;
    private static final double NEARBY_BONUS = 3;
    private static final double NEARBY_KM = 400;
    private static final double QUALIFIER_BONUS = 20;
    private static final double OWN_NAME_BONUS = 4;
    /** A name counts as settled, and so as context for the others, when its best reading leads by this. */
    private static final double SETTLED_MARGIN = 1.5;

    private final Gazetteer gazetteer;

    public PlaceResolver(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /**
     * The place each name means, or no entry when the gazetteer does not know it. {@code qualifiers} maps a
     * name to the words that qualified it in the text ("Texas" for "Paris, Texas").
     */
    public Map<String, Place> resolve(Set<String> names, Map<String, String> qualifiers) {
        Map<String, List<Place>> candidates = new LinkedHashMap<>();
        for (String name : names) {
            List<Place> c = gazetteer.candidates(name);
            if (!c.isEmpty()) {
                candidates.put(name, c);
            }
        }
        Map<String, Place> settled = new HashMap<>();
        candidates.forEach((name, c) -> {
            Place best = best(c, qualifiers.get(name), Map.of(), name);
            if (c.size() == 1 || margin(c, best, qualifiers.get(name)) >= SETTLED_MARGIN) {
                settled.put(name, best);
            }
        });
        Map<String, Place> out = new LinkedHashMap<>();
        candidates.forEach((name, c) -> out.put(name, best(c, qualifiers.get(name), settled, name)));
        return out;
    }

    private Place best(List<Place> candidates, String qualifier, Map<String, Place> context, String self) {
        Place best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Place p : candidates) {
            double score = prior(p) + qualifierBonus(p, qualifier) + contextBonus(p, context, self) + ownNameBonus(p, self);
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return best;
    }

    /** A place called by its own name is likelier meant than one that bore the name once ("Kaliningrad", not Korolyov). */
    private static double ownNameBonus(Place p, String name) {
        return Names.key(p.name()).equals(Names.key(name)) ? OWN_NAME_BONUS : 0;
    }

    private double margin(List<Place> candidates, Place best, String qualifier) {
        double top = prior(best) + qualifierBonus(best, qualifier);
        double second = Double.NEGATIVE_INFINITY;
        for (Place p : candidates) {
            if (p != best) {
                second = Math.max(second, prior(p) + qualifierBonus(p, qualifier));
            }
        }
        return top - second;
    }

    static double prior(Place p) {
        return switch (p.kind()) {
            case REGION -> REGION_PRIOR;
            case COUNTRY -> COUNTRY_PRIOR;
            case ADMIN_AREA -> ADMIN_PRIOR;
            case CITY -> Math.log10(p.population() + 1.0) + (p.capital() ? CAPITAL_BONUS : 0);
        };
    }

    private double qualifierBonus(Place p, String qualifier) {
        if (qualifier == null) {
            return 0;
        }
        String q = Names.key(qualifier);
        boolean admin = p.adminName() != null && Names.key(p.adminName()).equals(q)
                || p.adminCode() != null && p.adminCode().endsWith("." + qualifier.replace(".", "").toUpperCase());
        boolean country = p.countryCode() != null && gazetteer.candidates(qualifier).stream()
                .anyMatch(c -> c.kind() == Place.Kind.COUNTRY && c.countryCode().equals(p.countryCode()));
        return admin || country ? QUALIFIER_BONUS : 0;
    }

    private static double contextBonus(Place p, Map<String, Place> context, String self) {
        Set<String> countries = new HashSet<>();
        boolean nearby = false;
        for (Map.Entry<String, Place> e : context.entrySet()) {
            if (e.getKey().equals(self)) {
                continue;
            }
            if (e.getValue().countryCode() != null) {
                countries.add(e.getValue().countryCode());
            }
            nearby |= p.kilometresTo(e.getValue()) < NEARBY_KM;
        }
        double bonus = p.countryCode() != null && countries.contains(p.countryCode()) ? SAME_COUNTRY_BONUS : 0;
        return bonus + (nearby ? NEARBY_BONUS : 0);
    }
}
