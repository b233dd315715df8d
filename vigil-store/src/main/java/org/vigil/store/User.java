package org.vigil.store;

import java.util.Objects;
import java.util.UUID;

/**
 * A user account. The store keeps the password hash it is given; hashing is the access layer's job.
 *
 * @param id the user id
 * @param name the unique login name
 * @param organisationId the organisation the user belongs to
 * @param role what the account is for
 * @param passwordHash the encoded password hash, or null for accounts that only use tokens
 */
public record User(UUID id, String name, UUID organisationId, Role role, String passwordHash) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(role, "role");
    }

    /** Leaves the hash out, so users can be logged. */
    @Override
    public String toString() {
        return "User[" + id + ", " + name + ", " + role.label() + ", organisation " + organisationId + "]";
    }
}
