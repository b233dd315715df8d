package org.vigil.extract.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vigil.extract.Place;
import org.vigil.stix.StixObject;

/**
 * One thing an article talks about, with every mention of it: a person, an organisation, an armed group, a
 * place, a kind of attack, or an object the caller already knew. Built up while an article is analysed,
 * then turned into one STIX object.
 */
public final class Entity {

    /** What an entity is; decides the STIX type it becomes. */
    public enum Kind { PERSON, ORGANIZATION, GROUP, PLACE, ATTACK, KNOWN }

    private final Kind kind;
    private final String key;
    private String name;
    private final List<Mention> mentions = new ArrayList<>();
    private final Set<String> roles = new LinkedHashSet<>();
    private final Place place;
    private final StixObject known;
    private final AttackVocabulary.Entry attack;

    private Entity(Kind kind, String key, String name, Place place, StixObject known, AttackVocabulary.Entry attack) {
        this.kind = kind;
        this.key = key;
        this.name = name;
        this.place = place;
        this.known = known;
        this.attack = attack;
    }

    public static Entity named(Kind kind, String name) {
        return new Entity(kind, Names.key(name), name, null, null, null);
    }

    public static Entity place(Place place) {
        return new Entity(Kind.PLACE, place.key(), place.name(), place, null, null);
    }

    public static Entity known(StixObject object) {
        return new Entity(Kind.KNOWN, object.id(), object.text("name"), null, object, null);
    }

    public static Entity attack(AttackVocabulary.Entry entry) {
        return new Entity(Kind.ATTACK, Names.key(entry.name()), entry.name(), null, null, entry);
    }

    public Kind kind() {
        return kind;
    }

    /** The normalised name (or place key, or object id) that makes this entity's id. */
    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    public Place place() {
        return place;
    }

    public StixObject known() {
        return known;
    }

    public AttackVocabulary.Entry attack() {
        return attack;
    }

    public List<Mention> mentions() {
        return Collections.unmodifiableList(mentions);
    }

    public Set<String> roles() {
        return Collections.unmodifiableSet(roles);
    }

    void add(Mention m) {
        mentions.add(m);
    }

    /** Keeps the fuller of two roles when one ends the other ("Russian President" over "President"). */
    void addRole(String role) {
        String r = Names.squash(role);
        if (r.isEmpty() || roles.stream().anyMatch(x -> endsWithWords(x, r))) {
            return;
        }
        roles.removeIf(x -> endsWithWords(r, x));
        roles.add(r);
    }

    void rename(String newName) {
        this.name = newName;
    }

    private static boolean endsWithWords(String longer, String shorter) {
        String l = longer.toLowerCase();
        String s = shorter.toLowerCase();
        return l.equals(s) || l.endsWith(" " + s);
    }
}
