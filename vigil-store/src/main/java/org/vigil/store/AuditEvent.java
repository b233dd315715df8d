package org.vigil.store;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Something to record in the audit log: who did what, on which path, to which objects. The store adds the
 * sequence number, the time and the hash chain.
 *
 * @param actor the user, or null for an anonymous caller
 * @param action what happened, e.g. {@code read}, {@code add}, {@code delete}, {@code login-failed}
 * @param path the request path or command, or null
 * @param objectIds the objects involved, all of them; kept in one record however many
 * @param detail anything else worth keeping, or null
 */
public record AuditEvent(UUID actor, String action, String path, List<String> objectIds, String detail) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        objectIds = List.copyOf(objectIds);
    }
}
