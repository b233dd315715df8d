package org.vigil.access;

import java.util.Objects;

/**
 * Who is asking: an anonymous reader, or an authenticated user of one organisation. The organisation's STIX
 * identity decides which objects the user's organisation is the source of.
 */
public final class Principal {

    private static final Principal ANONYMOUS = new Principal(null, "anonymous", null, null, false, null);

    private final String userId;
    private final String name;
    private final String organisationId;
    private final String organisationIdentity;
    private final boolean communityMember;
    private final Role role;

    private Principal(String userId, String name, String organisationId, String organisationIdentity,
                      boolean communityMember, Role role) {
        this.userId = userId;
        this.name = name;
        this.organisationId = organisationId;
        this.organisationIdentity = organisationIdentity;
        this.communityMember = communityMember;
        this.role = role;
    }

    public static Principal anonymous() {
        return ANONYMOUS;
    }

    /** An authenticated user; {@code organisationIdentity} is the id of the organisation's STIX identity. */
    public static Principal user(String userId, String name, String organisationId, String organisationIdentity,
                                 boolean communityMember, Role role) {
        return new Principal(Objects.requireNonNull(userId, "userId"), Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(organisationId, "organisationId"),
                Objects.requireNonNull(organisationIdentity, "organisationIdentity"), communityMember,
                Objects.requireNonNull(role, "role"));
    }

    public boolean isAnonymous() {
        return userId == null;
    }

    /** The user's id, or null when anonymous. */
    public String userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    public String organisationId() {
        return organisationId;
    }

    /** The identity id of the user's organisation, or null when anonymous. */
    public String organisationIdentity() {
        return organisationIdentity;
    }

    /** Whether the user's organisation belongs to the hub's community (GREEN reaches it). */
    public boolean isCommunityMember() {
        return communityMember;
    }

    /** The role, or null when anonymous. */
    public Role role() {
        return role;
    }

    @Override
    public String toString() {
        return isAnonymous() ? "anonymous" : name + " (" + userId + ")";
    }
}
