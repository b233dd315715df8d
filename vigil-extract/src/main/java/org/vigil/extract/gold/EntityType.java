package org.vigil.extract.gold;

/** The kinds of entity the gold annotates and the scorer scores, each with its key in a gold file. */
public enum EntityType {
    PERSON("people"), ORGANISATION("organisations"), GROUP("groups"), PLACE("places"), ATTACK("attacks");

    private final String goldKey;

    EntityType(String goldKey) {
        this.goldKey = goldKey;
    }

    String goldKey() {
        return goldKey;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
