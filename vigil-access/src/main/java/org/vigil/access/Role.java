package org.vigil.access;

/**
 * What a user account is for. Roles grant management rights, never extra read rights: what a user may read
 * comes from their grants and the markings alone, so an administrator cannot read a RED object unless named.
 */
public enum Role {
    /** Manages organisations, users and collections. */
    ADMIN,
    /** Reads and writes where granted. */
    ANALYST,
    /** Only reads. */
    READER,
    /** A partner hub's machine account: may post objects on behalf of other sources. */
    FEDERATION;

    /** Parses a role name as typed on the command line (admin, analyst, reader, federation). */
    public static Role parse(String name) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(name.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "'; use admin, analyst, reader or federation");
    }

    public boolean mayWrite() {
        return this != READER;
    }
}
