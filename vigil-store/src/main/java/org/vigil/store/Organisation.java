package org.vigil.store;

import java.util.Objects;
import java.util.UUID;

/**
 * An organisation that shares through Vigil: the source of the objects its users post.
 *
 * @param id the organisation id
 * @param name its unique name
 * @param identityId the id of its STIX identity object, which created_by_ref points at; unique
 * @param member whether it belongs to the hub's community (GREEN reaches members)
 */
public record Organisation(UUID id, String name, String identityId, boolean member) {

    public Organisation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identityId, "identityId");
    }
}
