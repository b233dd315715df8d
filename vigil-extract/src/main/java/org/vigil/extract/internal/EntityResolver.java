package org.vigil.extract.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.extract.Gazetteer;
import org.vigil.extract.Place;

/**
 * Decides what each mention names and groups mentions of one thing into one entity: "Barack Obama",
 * "President Obama" and "Obama" become one person; "al-Qaida" becomes an armed group, never an organisation;
 * a place name becomes the place the gazetteer and the article's other places point to.
 */
public final class EntityResolver {

    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "dr", "sir", "gen", "sen", "rep", "gov",
            "lt", "col", "capt", "sgt", "prof", "rev");

    private static final Set<String> SPECIFIC_BOMBS = Set.of("suicide bombing", "car bomb", "improvised explosive device");

    private final String text;
    private final Gazetteer gazetteer;
    private final List<Mention> attacks = new ArrayList<>();
    private final Map<Mention, Entity> byMention = new LinkedHashMap<>();
    private final Map<String, Entity> entities = new LinkedHashMap<>();
    private final List<Relation> relations = new ArrayList<>();
    /** Organisation mentions whose leading words named their country, and those words. */
    private final Map<Mention, Mention> qualifiers = new IdentityHashMap<>();

    /** The entities of an article, which entity each mention names, and links found while resolving. */
    public record Result(List<Entity> entities, Map<Mention, Entity> byMention, List<Relation> relations,
                         Entity dateline) {
    }

    private EntityResolver(String text, Gazetteer gazetteer) {
        this.text = text;
        this.gazetteer = gazetteer;
    }

    public static Result resolve(CleanText clean, List<Mention> mentions, Gazetteer gazetteer) {
        EntityResolver r = new EntityResolver(clean.text(), gazetteer);
        mentions.stream().filter(m -> m.kind() == Mention.Kind.ATTACK).forEach(r.attacks::add);
        Map<Mention, Entity.Kind> kinds = r.classify(mentions);
        r.groupOrganisationsOnceAGroup(kinds);
        r.bracketedAliasesOfGroups(kinds);
        r.addKnown(kinds);
        r.addPeople(kinds);
        Entity dateline = r.addPlaces(kinds, clean.dateline());
        r.addNamed(kinds, Entity.Kind.ORGANIZATION);
        r.addNamed(kinds, Entity.Kind.GROUP);
        r.kindsOfAttack().forEach(a -> r.attach(Entity.attack(a.attack()), a));
        return new Result(List.copyOf(r.entities.values()), r.byMention, r.relations, dateline);
    }

    /**
     * The attack mentions that name a kind of attack: "shooting down" an aircraft is none, and a bare "bomb"
     * or "bombing" adds nothing where the article names a more specific kind of bomb.
     */
    private List<Mention> kindsOfAttack() {
        boolean specific = attacks.stream().anyMatch(a -> SPECIFIC_BOMBS.contains(a.attack().name()));
        return attacks.stream()
                .filter(a -> !(specific && a.attack().name().equals("bombing")))
                .filter(a -> !(a.attack().name().equals("shooting") && a.to() < a.sentence().size()
                        && a.sentence().token(a.to()).is("down")))
                .toList();
    }

    private Map<Mention, Entity.Kind> classify(List<Mention> mentions) {
        Map<Mention, Entity.Kind> out = new LinkedHashMap<>();
        for (Mention m : mentions) {
            if (m.kind() == Mention.Kind.ATTACK) {
                continue;
            }
            Mention core = m.kind() == Mention.Kind.PERSON ? withoutTitles(m) : m;
            core = withoutLeadingWords(core);
            if (core == null || Junk.isFacility(core) || Junk.isMeasure(core) || Junk.isNumbered(core) || Junk.isGluedOutlet(core)
                    || splitPlaces(core, out)) {
                continue;
            }
            Mention owner = Junk.possessiveOwner(core, text);
            if (owner != null && m.kind() == Mention.Kind.ORGANIZATION) {
                // "Acme Labs’ threat unit": two organisations, the owner and what it owns
                out.put(owner, Entity.Kind.ORGANIZATION);
                core = core.narrowed(owner.to() + 1, core.to(), text);
            }
            Entity.Kind kind = kindOf(core);
            if (kind == Entity.Kind.ORGANIZATION) {
                core = splitCountryQualifier(core, out);
            }
            if (kind != null) {
                out.put(core, kind);
            }
        }
        surnamesArePeople(out);
        oneNameOneKind(out);
        placesTakenForOthers(out);
        return out;
    }

    /** "Because Interpol …": a capitalised function word that opens a sentence is not part of the name. */
    private Mention withoutLeadingWords(Mention m) {
        int from = m.from();
        while (from < m.to() && Junk.LEADING_WORDS.contains(m.sentence().token(from).lower())) {
            from++;
        }
        return from == m.to() ? null : from == m.from() ? m : m.narrowed(from, m.to(), text);
    }

    /** "a Wales-Portugal friendly": two places joined by a hyphen are both places. */
    private boolean splitPlaces(Mention m, Map<Mention, Entity.Kind> out) {
        Sentence s = m.sentence();
        for (int i = m.from() + 1; i < m.to() - 1; i++) {
            if (s.token(i).text().equals("-")) {
                Mention left = m.narrowed(m.from(), i, text).withKind(Mention.Kind.LOCATION);
                Mention right = m.narrowed(i + 1, m.to(), text).withKind(Mention.Kind.LOCATION);
                if (isCountryOrArea(left.text()) && isCountryOrArea(right.text())) {
                    out.put(left, Entity.Kind.PLACE);
                    out.put(right, Entity.Kind.PLACE);
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isCountryOrArea(String name) {
        return gazetteer.candidates(name).stream()
                .anyMatch(p -> p.kind() == Place.Kind.COUNTRY || p.kind() == Place.Kind.ADMIN_AREA);
    }

    /** "organisers Fifco said …, Fifco said": a name the article gives an organisation is not also a person. */
    private static void oneNameOneKind(Map<Mention, Entity.Kind> kinds) {
        Set<String> organisations = new HashSet<>();
        kinds.forEach((m, k) -> {
            if (k == Entity.Kind.ORGANIZATION) {
                organisations.add(Names.key(m.text()));
            }
        });
        kinds.replaceAll((m, k) -> k == Entity.Kind.PERSON && m.size() == 1 && organisations.contains(Names.key(m.text()))
                ? Entity.Kind.ORGANIZATION : k);
    }

    /** "Ford" tagged as an organisation where the article names Richard Ford: a surname is the person. */
    private void surnamesArePeople(Map<Mention, Entity.Kind> kinds) {
        Set<String> surnames = new HashSet<>();
        kinds.forEach((m, k) -> {
            if (k == Entity.Kind.PERSON && m.size() >= 2) {
                surnames.add(m.sentence().token(m.to() - 1).text());
            }
        });
        kinds.replaceAll((m, k) -> k == Entity.Kind.ORGANIZATION && m.size() == 1 && surnames.contains(m.text())
                ? Entity.Kind.PERSON : k);
    }

    /**
     * A well-known city or a country the model took for an organisation ("Lyon's old stadium") or, in a list
     * of places, for a person ("Kazan, Nizhny Novgorod, Rostov-on-Don"), is the place.
     */
    private void placesTakenForOthers(Map<Mention, Entity.Kind> kinds) {
        for (Map.Entry<Mention, Entity.Kind> e : kinds.entrySet()) {
            Mention m = e.getKey();
            if (e.getValue() == Entity.Kind.ORGANIZATION && m.size() == 1 && isWellKnownPlace(m.text())
                    && !organisationWordAfter(m)) {
                e.setValue(Entity.Kind.PLACE);
            } else if (e.getValue() == Entity.Kind.PERSON && isWellKnownPlace(m.text()) && inListOfPlaces(m, kinds)) {
                e.setValue(Entity.Kind.PLACE);
            }
        }
    }

    /** "cadets in Nîmes": a name the gazetteer knows as a city, after "in", "at" or "near", is that city. */
    private boolean locative(Mention m) {
        return m.from() >= 1 && Junk.LOCATIVES.contains(m.sentence().token(m.from() - 1).lower())
                && !isAdjective(m) && isWellKnownPlace(m.text());
    }

    private boolean isWellKnownPlace(String name) {
        return gazetteer.candidates(name).stream().anyMatch(p -> p.kind() == Place.Kind.COUNTRY
                || p.kind() == Place.Kind.CITY && p.population() >= Junk.WELL_KNOWN_CITY
                && Names.key(p.name()).equals(Names.key(name)));
    }

    private static boolean organisationWordAfter(Mention m) {
        Sentence s = m.sentence();
        return m.to() < s.size() && (Lexicon.has(Lexicon.ORGANISATION_WORDS, s.token(m.to()).text())
                || s.token(m.to()).isCapitalized());
    }

    /** Whether a place stands right before or after the mention, separated by a comma or "and". */
    private static boolean inListOfPlaces(Mention m, Map<Mention, Entity.Kind> kinds) {
        Sentence s = m.sentence();
        for (Map.Entry<Mention, Entity.Kind> e : kinds.entrySet()) {
            Mention o = e.getKey();
            if (o.sentence() != s || e.getValue() != Entity.Kind.PLACE) {
                continue;
            }
            boolean before = o.to() == m.from() - 1 && Junk.isListSeparator(s.token(o.to()));
            boolean after = o.from() == m.to() + 1 && Junk.isListSeparator(s.token(m.to()));
            if (before || after) {
                return true;
            }
        }
        return false;
    }

    private Entity.Kind kindOf(Mention m) {
        if (m.kind() == Mention.Kind.KNOWN) {
            return Entity.Kind.KNOWN;
        }
        // A designated group's name is a group whatever the model took it for.
        if (m.kind() == Mention.Kind.DESIGNATED_GROUP || DesignatedGroups.standard().canonical(m.text()) != null) {
            return Entity.Kind.GROUP;
        }
        if (isJunk(m)) {
            return null;
        }
        GroupCues.Strength cue = GroupCues.strength(m, attacks);
        return switch (m.kind()) {
            case PERSON -> cue == GroupCues.Strength.STRONG ? Entity.Kind.GROUP : Entity.Kind.PERSON;
            // An event's name ("the Boston Marathon bombing") is never the group behind the attack.
            case ORGANIZATION -> isEvent(m) ? null
                    : cue != GroupCues.Strength.NONE ? Entity.Kind.GROUP : Entity.Kind.ORGANIZATION;
            case LOCATION -> location(m, cue);
            case MISC -> cue != GroupCues.Strength.NONE && !isEvent(m) && !isAdjective(m) ? Entity.Kind.GROUP
                    : locative(m) ? Entity.Kind.PLACE : null;
            default -> null;
        };
    }

    /** A model "place" the gazetteer does not know is an organisation if its name or position says so. */
    private Entity.Kind location(Mention m, GroupCues.Strength cue) {
        if (cue == GroupCues.Strength.STRONG && !isEvent(m)) {
            return Entity.Kind.GROUP;
        }
        if (m.place() != null || !gazetteer.candidates(m.text()).isEmpty()) {
            return Entity.Kind.PLACE;
        }
        Token last = m.sentence().token(m.to() - 1);
        boolean titleOf = m.to() < m.sentence().size() && Lexicon.has(Lexicon.ROLE_NOUNS, m.sentence().token(m.to()).text());
        // "The Kremlin said", "the Kremlin's view": a place no gazetteer knows that speaks or owns is an institution
        boolean acts = m.to() < m.sentence().size() && (Lexicon.has(Lexicon.SPEECH_VERBS, m.sentence().token(m.to()).text())
                || m.sentence().token(m.to()).isPossessive());
        if (Lexicon.has(Lexicon.ORGANISATION_WORDS, last.text()) || titleOf || acts) {
            return Entity.Kind.ORGANIZATION;
        }
        return cue == GroupCues.Strength.WEAK && !isEvent(m) ? Entity.Kind.GROUP : null;
    }

    /** No capital letter, only common words, or a single character: not a name ("Tuesday", "Winter"). */
    private static boolean isJunk(Mention m) {
        boolean capital = false;
        boolean uncommon = false;
        for (int i = m.from(); i < m.to(); i++) {
            Token t = m.sentence().token(i);
            capital |= t.isCapitalized();
            uncommon |= !Lexicon.has(Lexicon.COMMON_WORDS, t.text()) && t.text().chars().anyMatch(Character::isLetter);
        }
        return !capital || !uncommon || m.text().length() < 2;
    }

    private static boolean isAdjective(Mention m) {
        return m.size() == 1 && Demonyms.is(m.text());
    }

    private static boolean isEvent(Mention m) {
        return Lexicon.has(Lexicon.EVENT_WORDS, m.sentence().token(m.to() - 1).text());
    }

    /** "President Obama" as tagged by some models: the title is a role, not part of the name. */
    private Mention withoutTitles(Mention m) {
        int from = m.from();
        while (from < m.to() - 1) {
            String w = m.sentence().token(from).lower().replace(".", "");
            if (!HONORIFICS.contains(w) && !Lexicon.ROLE_NOUNS.contains(w)) {
                break;
            }
            from++;
        }
        return from == m.from() ? m : m.narrowed(from, m.to(), text);
    }

    /** "U.S. State Department": the organisation is the State Department, located in the United States. */
    private Mention splitCountryQualifier(Mention m, Map<Mention, Entity.Kind> out) {
        for (int n = Math.min(3, m.size() - 1); n >= 1; n--) {
            Mention qualifier = m.narrowed(m.from(), m.from() + n, text).withKind(Mention.Kind.LOCATION);
            boolean country = gazetteer.candidates(qualifier.text()).stream()
                    .anyMatch(p -> p.kind() == Place.Kind.COUNTRY);
            if (country) {
                out.put(qualifier, Entity.Kind.PLACE);
                Mention rest = m.narrowed(m.from() + n, m.to(), text);
                qualifiers.put(rest, qualifier);
                return rest;
            }
        }
        return m;
    }

    private void groupOrganisationsOnceAGroup(Map<Mention, Entity.Kind> kinds) {
        Set<String> groups = new LinkedHashSet<>();
        kinds.forEach((m, k) -> {
            if (k == Entity.Kind.GROUP) {
                groups.add(Names.key(m.text()));
            }
        });
        kinds.replaceAll((m, k) -> k == Entity.Kind.ORGANIZATION && groups.contains(Names.key(m.text()))
                ? Entity.Kind.GROUP : k);
    }

    /** "Nogai Jamaat (Nogai Battalion)": the bracketed name is the group's too, whatever the model took it for. */
    private void bracketedAliasesOfGroups(Map<Mention, Entity.Kind> kinds) {
        for (Map.Entry<Mention, Entity.Kind> e : kinds.entrySet()) {
            Mention m = e.getKey();
            if (e.getValue() == Entity.Kind.PERSON || e.getValue() == Entity.Kind.ORGANIZATION) {
                Mention before = bracketedAfter(m, kinds);
                if (before != null && kinds.get(before) == Entity.Kind.GROUP) {
                    e.setValue(Entity.Kind.GROUP);
                }
            }
        }
    }

    /** The mention that {@code m} stands in brackets right after, or null. */
    private static Mention bracketedAfter(Mention m, Map<Mention, Entity.Kind> kinds) {
        Sentence s = m.sentence();
        if (m.from() < 2 || !s.token(m.from() - 1).text().matches("[(\\[]|-LRB-|-LSB-") || m.to() >= s.size()
                || !s.token(m.to()).text().matches("[)\\]]|-RRB-|-RSB-")) {
            return null;
        }
        for (Mention o : kinds.keySet()) {
            if (o.sentence() == s && o.to() == m.from() - 1) {
                return o;
            }
        }
        return null;
    }

    private void addKnown(Map<Mention, Entity.Kind> kinds) {
        kinds.forEach((m, k) -> {
            if (k == Entity.Kind.KNOWN) {
                attach(Entity.known(m.known()), m);
            }
        });
    }

    private void addPeople(Map<Mention, Entity.Kind> kinds) {
        List<Mention> people = new ArrayList<>();
        kinds.forEach((m, k) -> {
            if (k == Entity.Kind.PERSON) {
                people.add(m);
            }
        });
        new PersonClusters(people).clusters().forEach((canonical, ms) -> {
            Entity e = knownOr(Entity.named(Entity.Kind.PERSON, canonical));
            ms.forEach(m -> attach(e, m));
        });
    }

    private Entity addPlaces(Map<Mention, Entity.Kind> kinds, CleanText.Dateline dateline) {
        Set<String> names = new LinkedHashSet<>();
        Map<String, String> qualifiers = new HashMap<>();
        List<Mention> places = new ArrayList<>();
        kinds.forEach((m, k) -> {
            if (k == Entity.Kind.PLACE) {
                places.add(m);
                names.add(m.text());
                String q = qualifierAfter(m, kinds);
                if (q != null) {
                    qualifiers.put(m.text(), q);
                }
            }
        });
        if (dateline != null) {
            names.add(dateline.place());
            if (dateline.qualifier() != null) {
                qualifiers.put(dateline.place(), dateline.qualifier());
            }
        }
        Map<String, Place> resolved = new PlaceResolver(gazetteer).resolve(names, qualifiers);
        for (Mention m : places) {
            Place p = m.place() != null ? m.place() : resolved.get(m.text());
            if (p != null) {
                attach(knownOr(Entity.place(p)), m);
            }
        }
        Place at = dateline == null ? null : resolved.get(dateline.place());
        return at == null ? null : register(knownOr(Entity.place(at)));
    }

    /** "Paris, Texas": the place named right after a comma qualifies the one before. */
    private static String qualifierAfter(Mention m, Map<Mention, Entity.Kind> kinds) {
        Sentence s = m.sentence();
        if (m.to() + 1 >= s.size() || !s.token(m.to()).text().equals(",")) {
            return null;
        }
        for (Map.Entry<Mention, Entity.Kind> e : kinds.entrySet()) {
            Mention o = e.getKey();
            if (o.sentence() == s && o.from() == m.to() + 1 && e.getValue() == Entity.Kind.PLACE) {
                return o.text();
            }
        }
        return null;
    }

    private void addNamed(Map<Mention, Entity.Kind> kinds, Entity.Kind kind) {
        Map<String, List<Mention>> byKey = new LinkedHashMap<>();
        Map<String, String> canonical = new HashMap<>();
        Map<Mention, String> keyOf = new HashMap<>();
        Map<String, String> aliasKeys = new HashMap<>();
        kinds.forEach((m, k) -> {
            if (k == kind) {
                String designated = kind == Entity.Kind.GROUP ? DesignatedGroups.standard().canonical(m.text()) : null;
                String key = designated != null ? Names.key(designated) : aliasOf(m, keyOf, kinds, aliasKeys);
                keyOf.put(m, key);
                byKey.computeIfAbsent(key, x -> new ArrayList<>()).add(m);
                if (designated != null) {
                    canonical.put(key, designated);
                }
            }
        });
        byKey.forEach((key, ms) -> {
            Entity e = knownOr(Entity.named(kind, canonical.getOrDefault(key, longestNamed(ms, key))));
            ms.forEach(m -> {
                attach(e, m);
                Mention qualifier = qualifiers.get(m);
                if (qualifier != null && byMention.containsKey(qualifier)) {
                    relations.add(new Relation(e, "located-at", byMention.get(qualifier), null, m.sentence()));
                }
            });
        });
    }

    /**
     * "Nogai Jamaat (Nogai Battalion)": a name in brackets right after another of the same kind is an alias of
     * it and takes its key; otherwise a name is its own key.
     */
    private String aliasOf(Mention m, Map<Mention, String> keyOf, Map<Mention, Entity.Kind> kinds,
                           Map<String, String> aliasKeys) {
        String own = Names.key(Junk.withoutCorporateSuffix(m.text()));
        Mention before = bracketedAfter(m, kinds);
        if (before != null && kinds.get(before) == kinds.get(m) && keyOf.containsKey(before)) {
            aliasKeys.put(own, keyOf.get(before));
            return keyOf.get(before);
        }
        return aliasKeys.getOrDefault(own, own);
    }

    /** The name an entity takes: its longest mention under its own key (a bracketed alias is not its name). */
    private static String longestNamed(List<Mention> ms, String key) {
        return ms.stream().map(Mention::text).filter(t -> Names.key(Junk.withoutCorporateSuffix(t)).equals(key))
                .reduce((a, b) -> b.length() > a.length() ? b : a).orElse(ms.get(0).text());
    }

    /** The entity already recorded under the same kind and key, or a known object of that name. */
    private Entity knownOr(Entity fresh) {
        for (Entity e : entities.values()) {
            if (e.kind() == Entity.Kind.KNOWN && fits(e.known().type(), fresh.kind())
                    && namesOf(e).contains(Names.key(fresh.name()))) {
                return e;
            }
        }
        return entities.getOrDefault(fresh.kind() + "|" + fresh.key(), fresh);
    }

    private static Set<String> namesOf(Entity known) {
        Set<String> keys = new LinkedHashSet<>();
        String name = known.known().text("name");
        if (name != null) {
            keys.add(Names.key(name));
        }
        known.known().texts("aliases").forEach(a -> keys.add(Names.key(a)));
        return keys;
    }

    /** Whether a known object of this STIX type can stand for an entity of this kind. */
    private static boolean fits(String type, Entity.Kind kind) {
        return switch (type) {
            case "identity" -> kind == Entity.Kind.PERSON || kind == Entity.Kind.ORGANIZATION;
            case "threat-actor", "intrusion-set", "campaign" -> kind == Entity.Kind.GROUP;
            case "location" -> kind == Entity.Kind.PLACE;
            default -> false;
        };
    }

    private Entity register(Entity e) {
        return entities.computeIfAbsent(e.kind() == Entity.Kind.KNOWN ? "KNOWN|" + e.key() : e.kind() + "|" + e.key(),
                k -> e);
    }

    private void attach(Entity e, Mention m) {
        Entity kept = register(e);
        kept.add(m);
        byMention.put(m, kept);
    }
}
