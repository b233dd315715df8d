package org.vigil.extract.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the links an article states between its entities, and the roles of its people: who works for whom,
 * what is where, which group claims which kind of attack, and where an attack struck.
 */
public final class RelationFinder {

    private static final Set<String> LOCATIVES = Set.of("in", "on", "at", "near", "against");
    private static final int MAX_TARGET_GAP = 6;

    private final String text;
    private final Map<Mention, Entity> byMention;
    private final Map<String, Relation> out = new LinkedHashMap<>();

    private RelationFinder(String text, Map<Mention, Entity> byMention) {
        this.text = text;
        this.byMention = byMention;
    }

    /** Adds roles to the people of {@code resolved} and returns every relation, those it found included. */
    public static List<Relation> find(String text, EntityResolver.Result resolved) {
        RelationFinder f = new RelationFinder(text, resolved.byMention());
        resolved.relations().forEach(f::add);
        List<Mention> ordered = new ArrayList<>(resolved.byMention().keySet());
        ordered.sort((a, b) -> Integer.compare(a.start(), b.start()));
        for (Mention m : ordered) {
            Entity e = f.byMention.get(m);
            switch (e.kind()) {
                case PERSON -> f.roles(e, m);
                case ORGANIZATION -> f.organisationPlace(e, m);
                case GROUP -> f.claims(e, m, ordered);
                case KNOWN -> {
                    if (Set.of("threat-actor", "intrusion-set", "campaign").contains(e.known().type())) {
                        f.claims(e, m, ordered);
                    }
                }
                case ATTACK -> f.attackTargets(e, m);
                default -> {
                }
            }
        }
        f.groupTargets();
        return List.copyOf(f.out.values());
    }

    private void roles(Entity person, Mention m) {
        for (Roles.Found r : new Roles.Found[] {Roles.before(m, text), Roles.after(m, text)}) {
            if (r == null) {
                continue;
            }
            person.addRole(r.role());
            for (Map.Entry<Mention, Entity> e : byMention.entrySet()) {
                Mention o = e.getKey();
                if (o.sentence() != m.sentence() || o.from() < r.from() || o.to() > r.to()) {
                    continue;
                }
                Entity target = e.getValue();
                switch (target.kind()) {
                    case ORGANIZATION, GROUP, KNOWN -> add(new Relation(person, "related-to", target, r.role(), m.sentence()));
                    case PLACE -> {
                        if (o.from() > 0 && (o.sentence().token(o.from() - 1).is("of")
                                || o.sentence().token(o.from() - 1).is("in")) && o.from() > r.from()) {
                            add(new Relation(person, "located-at", target, r.role(), m.sentence()));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }

    /** "Washington's American University", "the embassy in Tel Aviv". */
    private void organisationPlace(Entity org, Mention m) {
        Sentence s = m.sentence();
        if (m.from() >= 2 && s.token(m.from() - 1).isPossessive()) {
            Entity place = entityEndingAt(s, m.from() - 1, Entity.Kind.PLACE);
            if (place != null) {
                add(new Relation(org, "located-at", place, null, s));
            }
        }
        if (m.to() + 1 < s.size() && s.token(m.to()).is("in")) {
            Entity place = entityStartingAt(s, m.to() + 1, Entity.Kind.PLACE);
            if (place != null) {
                add(new Relation(org, "located-at", place, null, s));
            }
        }
    }

    private void claims(Entity group, Mention m, List<Mention> ordered) {
        List<Mention> attacks = ordered.stream().filter(a -> a.kind() == Mention.Kind.ATTACK).toList();
        for (Mention a : GroupCues.claimedAttacks(m, attacks)) {
            add(new Relation(group, "uses", byMention.get(a), null, m.sentence()));
        }
    }

    /** "two suicide bombings last month in Volgograd": a place after a locative within a few words. */
    private void attackTargets(Entity attack, Mention m) {
        Sentence s = m.sentence();
        for (int i = m.to() + 1; i < s.size() && i - m.to() <= MAX_TARGET_GAP; i++) {
            Entity place = entityStartingAt(s, i, Entity.Kind.PLACE);
            if (place != null && LOCATIVES.contains(s.token(i - 1).lower())) {
                add(new Relation(attack, "targets", place, null, s));
                return;
            }
            if (s.token(i).text().equals(";") || entityStartingAt(s, i, Entity.Kind.ATTACK) != null) {
                return;
            }
        }
    }

    /** A group that uses an attack that, in the same sentence, targets a place, targets that place. */
    private void groupTargets() {
        List<Relation> found = new ArrayList<>(out.values());
        for (Relation uses : found) {
            if (!uses.verb().equals("uses")) {
                continue;
            }
            for (Relation targets : found) {
                if (targets.verb().equals("targets") && targets.source() == uses.target()
                        && targets.evidence() == uses.evidence()) {
                    add(new Relation(uses.source(), "targets", targets.target(), null, uses.evidence()));
                }
            }
        }
    }

    private Entity entityStartingAt(Sentence s, int token, Entity.Kind kind) {
        for (Map.Entry<Mention, Entity> e : byMention.entrySet()) {
            if (e.getKey().sentence() == s && e.getKey().from() == token && e.getValue().kind() == kind) {
                return e.getValue();
            }
        }
        return null;
    }

    private Entity entityEndingAt(Sentence s, int token, Entity.Kind kind) {
        for (Map.Entry<Mention, Entity> e : byMention.entrySet()) {
            if (e.getKey().sentence() == s && e.getKey().to() == token && e.getValue().kind() == kind) {
                return e.getValue();
            }
        }
        return null;
    }

    private void add(Relation r) {
        if (r.source() != r.target()) {
            out.putIfAbsent(r.source().kind() + "|" + r.source().key() + "|" + r.verb() + "|" + r.target().kind()
                    + "|" + r.target().key(), r);
        }
    }
}
