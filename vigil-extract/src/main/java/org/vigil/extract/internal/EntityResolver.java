package org.vigil.extract.internal;

import java.util.ArrayList;
import java.util.HashMap;
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
        r.addKnown(kinds);
        r.addPeople(kinds);
        Entity dateline = r.addPlaces(kinds, clean.dateline());
        r.addNamed(kinds, Entity.Kind.ORGANIZATION);
        r.addNamed(kinds, Entity.Kind.GROUP);
        r.attacks.forEach(a -> r.attach(Entity.attack(a.attack()), a));
        return new Result(List.copyOf(r.entities.values()), r.byMention, r.relations, dateline);
    }

    private Map<Mention, Entity.Kind> classify(List<Mention> mentions) {
        Map<Mention, Entity.Kind> out = new LinkedHashMap<>();
        for (Mention m : mentions) {
            if (m.kind() == Mention.Kind.ATTACK) {
                continue;
            }
            Mention core = m.kind() == Mention.Kind.PERSON ? withoutTitles(m) : m;
            Entity.Kind kind = kindOf(core);
            if (kind == Entity.Kind.ORGANIZATION) {
                core = splitCountryQualifier(core, out);
            }
            if (kind != null) {
                out.put(core, kind);
            }
        }
        return out;
    }

    private Entity.Kind kindOf(Mention m) {
        if (m.kind() == Mention.Kind.KNOWN) {
            return Entity.Kind.KNOWN;
        }
        if (isJunk(m)) {
            return null;
        }
        GroupCues.Strength cue = GroupCues.strength(m, attacks);
        return switch (m.kind()) {
            case PERSON -> cue == GroupCues.Strength.STRONG ? Entity.Kind.GROUP : Entity.Kind.PERSON;
            case ORGANIZATION -> cue != GroupCues.Strength.NONE ? Entity.Kind.GROUP
                    : isEvent(m) ? null : Entity.Kind.ORGANIZATION;
            case LOCATION -> location(m, cue);
            case MISC -> cue != GroupCues.Strength.NONE && !isEvent(m) && !isAdjective(m) ? Entity.Kind.GROUP : null;
            default -> null;
        };
    }

    /** A model "place" the gazetteer does not know is an organisation if its name or position says so. */
    private Entity.Kind location(Mention m, GroupCues.Strength cue) {
        if (cue == GroupCues.Strength.STRONG) {
            return Entity.Kind.GROUP;
        }
        if (m.place() != null || !gazetteer.candidates(m.text()).isEmpty()) {
            return Entity.Kind.PLACE;
        }
        Token last = m.sentence().token(m.to() - 1);
        boolean titleOf = m.to() < m.sentence().size() && Lexicon.has(Lexicon.ROLE_NOUNS, m.sentence().token(m.to()).text());
        if (Lexicon.has(Lexicon.ORGANISATION_WORDS, last.text()) || titleOf) {
            return Entity.Kind.ORGANIZATION;
        }
        return cue == GroupCues.Strength.WEAK ? Entity.Kind.GROUP : null;
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
        kinds.forEach((m, k) -> {
            if (k == kind) {
                byKey.computeIfAbsent(Names.key(m.text()), x -> new ArrayList<>()).add(m);
            }
        });
        byKey.forEach((key, ms) -> {
            String longest = ms.stream().map(Mention::text).reduce((a, b) -> b.length() > a.length() ? b : a).orElseThrow();
            Entity e = knownOr(Entity.named(kind, longest));
            ms.forEach(m -> {
                attach(e, m);
                Mention qualifier = qualifiers.get(m);
                if (qualifier != null && byMention.containsKey(qualifier)) {
                    relations.add(new Relation(e, "located-at", byMention.get(qualifier), null, m.sentence()));
                }
            });
        });
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
