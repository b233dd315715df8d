package org.vigil.screen;

import java.util.List;
import java.util.Objects;

/**
 * Someone a partner is looking for, as screening knows them: the STIX object that names them, its name and
 * aliases, and, where the source gave them, a date of birth and a nationality.
 *
 * @param id the STIX id of the threat-actor or identity
 * @param name the name the object gives
 * @param aliases other names, in any script
 * @param birthDate {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, or null when unknown
 * @param nationality ISO 3166-1 alpha-2 code, or null when unknown
 */
public record PersonOfInterest(String id, String name, List<String> aliases, String birthDate, String nationality) {

    public PersonOfInterest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
    }

    /** A person known by one name only, with nothing else known. */
    public static PersonOfInterest named(String id, String name, String... aliases) {
        return new PersonOfInterest(id, name, List.of(aliases), null, null);
    }

    /** The name followed by the aliases, each once. */
    public List<String> names() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream()).distinct().toList();
    }
}
