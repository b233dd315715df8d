package org.vigil.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigil.extract.internal.Lexicon;
import org.vigil.extract.internal.Names;

/**
 * The places Vigil knows by name: cities from GeoNames, first-level administrative areas, countries (names
 * from the JDK plus common English variants) and a hand-made table of seas and regions. Loaded once; lookups
 * ignore case and accents. See ATTRIBUTION.md for the data's sources and licences.
 */
public final class Gazetteer {

    private final Map<String, List<Place>> byName = new HashMap<>();
    private final Map<String, Place> countries = new HashMap<>();
    private final Set<String> regionNames = new LinkedHashSet<>();

    private Gazetteer() {
    }

    private static final class Holder {
        static final Gazetteer STANDARD = load();
    }

    /** The gazetteer Vigil ships. */
    public static Gazetteer standard() {
        return Holder.STANDARD;
    }

    /** Every place that goes by this name (any case, any accents), in no particular order. */
    public List<Place> candidates(String name) {
        return byName.getOrDefault(Names.key(name), List.of());
    }

    /** Every country, in no particular order. */
    public Collection<Place> countries() {
        return Collections.unmodifiableCollection(countries.values());
    }

    private static Gazetteer load() {
        Gazetteer g = new Gazetteer();
        g.loadCountries();
        Map<String, String> admin1 = g.loadAdmin1();
        g.loadPlaces(admin1);
        g.loadRegions();
        g.byName.replaceAll((k, v) -> List.copyOf(v));
        return g;
    }

    /** Country names: the variants of countries.tsv first (its first is the display name), then the JDK's. */
    private void loadCountries() {
        Map<String, List<String>> variants = new HashMap<>();
        for (String line : Lexicon.lines("countries.tsv")) {
            String[] c = line.split("\t");
            variants.put(c[0], List.of(c[1].split("\\|")));
        }
        for (String code : Locale.getISOCountries()) {
            Set<String> all = new LinkedHashSet<>(variants.getOrDefault(code, List.of()));
            all.add(new Locale("", code).getDisplayCountry(Locale.ENGLISH).replaceAll("\\s*\\(.*\\)", ""));
            Place p = new Place("country:" + code, all.iterator().next(), Place.Kind.COUNTRY, code, null, null,
                    Double.NaN, Double.NaN, Double.NaN, 0, false, null);
            countries.put(code, p);
            all.forEach(n -> index(n, p));
        }
    }

    private Map<String, String> loadAdmin1() {
        Map<String, String> names = new HashMap<>();
        for (String line : Lexicon.lines("admin1.tsv")) {
            String[] c = line.split("\t");
            names.put(c[0], c[1]);
            String country = c[0].substring(0, c[0].indexOf('.'));
            index(c[1], new Place("admin1:" + c[0], c[1], Place.Kind.ADMIN_AREA, country, c[0], c[1],
                    Double.NaN, Double.NaN, Double.NaN, 0, false, null));
        }
        return names;
    }

    private void loadPlaces(Map<String, String> admin1) {
        Map<String, String> english = new HashMap<>();
        for (String line : Lexicon.lines("exonyms.tsv")) {
            String[] c = line.split("\t");
            english.put(c[0], c[1]);
        }
        for (String line : Lexicon.lines("places.tsv")) {
            String[] c = line.split("\t", -1);
            String adminCode = c[4] + "." + c[5];
            String name = english.getOrDefault(c[0], c[1]);
            Place p = new Place("geonames:" + c[0], name, Place.Kind.CITY, c[4], adminCode, admin1.get(adminCode),
                    Double.parseDouble(c[7]), Double.parseDouble(c[8]), Double.NaN, Long.parseLong(c[9]),
                    c[6].equals("PPLC"), null);
            index(name, p);
            index(c[1], p);
            index(c[2], p);
            int comma = c[1].indexOf(',');
            if (comma > 0) {
                index(c[1].substring(0, comma), p);
            }
            if (!c[3].isEmpty()) {
                for (String alt : c[3].split("\\|")) {
                    index(alt, p);
                }
            }
        }
    }

    private void loadRegions() {
        for (String line : Lexicon.lines("regions.tsv")) {
            String[] c = line.split("\t", -1);
            Place p = new Place("region:" + c[0], c[1], Place.Kind.REGION, blankToNull(c[7]), null, null,
                    number(c[3]), number(c[4]), number(c[5]), 0, false, blankToNull(c[6]));
            index(c[1], p);
            regionNames.add(c[1]);
            if (!c[2].isEmpty()) {
                for (String alias : c[2].split("\\|")) {
                    index(alias, p);
                    regionNames.add(alias);
                }
            }
        }
    }

    /** Every name of the hand-made regions table: these are matched in text directly, not only after NER. */
    public Set<String> regionNames() {
        return Collections.unmodifiableSet(regionNames);
    }

    private void index(String name, Place p) {
        String key = Names.key(name);
        if (key.isEmpty()) {
            return;
        }
        List<Place> list = byName.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (!list.contains(p)) {
            list.add(p);
        }
    }

    private static double number(String s) {
        return s.isBlank() ? Double.NaN : Double.parseDouble(s);
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
