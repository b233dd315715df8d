package org.vigil.store;

import java.util.Locale;

/** What a user account is for; the access layer decides what each role may do. */
public enum Role {
    ADMIN, ANALYST, READER, FEDERATION;

    /** The role's name as stored and typed on the command line: admin, analyst, reader, federation. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this label. */
    public static Role ofLabel(String label) {
        for (Role role : values()) {
            if (role.label().equals(label)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + label + "'; use admin, analyst, reader or federation");
    }
}
