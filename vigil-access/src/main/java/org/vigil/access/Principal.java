package org.vigil.access;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.TokenScope;
import org.vigil.store.User;

/**
 * Who is asking: an anonymous reader, or an authenticated user of one organisation, possibly through an API
 * token limited to some collections. Roles grant management rights, never extra read rights.
 */
public final class Principal {

    private static final Principal ANONYMOUS = new Principal(null, "anonymous", null, null, false, null,
            TokenScope.all(), Set.of());

    private final UUID userId;
    private final String name;
    private final UUID organisationId;
    private final String organisationIdentity;
    private final boolean communityMember;
    private final Role role;
    private final TokenScope scope;
    private final Set<String> claimedIdentities;

    private Principal(UUID userId, String name, UUID organisationId, String organisationIdentity,
                      boolean communityMember, Role role, TokenScope scope, Set<String> claimedIdentities) {
        this.userId = userId;
        this.name = name;
        this.organisationId = organisationId;
        this.organisationIdentity = organisationIdentity;
        this.communityMember = communityMember;
        this.role = role;
        this.scope = scope;
        this.claimedIdentities = Set.copyOf(claimedIdentities);
    }

    public static Principal anonymous() {
        return ANONYMOUS;
    }

    /** A user logged in with a password: every collection their grants allow. */
    public static Principal of(User user, Organisation organisation) {
        return of(user, organisation, TokenScope.all());
    }

    /** A user acting through a token limited to {@code scope}. */
    public static Principal of(User user, Organisation organisation, TokenScope scope) {
        if (!user.organisationId().equals(organisation.id())) {
            throw new IllegalArgumentException("user " + user.name() + " does not belong to " + organisation.name());
        }
        return new Principal(user.id(), user.name(), organisation.id(), organisation.identityId(),
                organisation.member(), user.role(), Objects.requireNonNull(scope, "scope"), Set.of());
    }

    /** This principal, whose organisation also signs as these identity ids it has claimed. */
    public Principal withClaimedIdentities(java.util.Collection<String> identityIds) {
        return isAnonymous() ? this : new Principal(userId, name, organisationId, organisationIdentity,
                communityMember, role, scope, Set.copyOf(identityIds));
    }

    /** Whether the user's organisation signs as this identity: its own, or one it has claimed. */
    public boolean signsAs(String identityId) {
        return identityId != null && (identityId.equals(organisationIdentity) || claimedIdentities.contains(identityId));
    }

    /** Whether the organisation has claimed identity ids besides its own. */
    public boolean hasClaimedIdentities() {
        return !claimedIdentities.isEmpty();
    }

    public boolean isAnonymous() {
        return userId == null;
    }

    /** The user's id, or null when anonymous. */
    public UUID userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    /** The user's organisation, or null when anonymous. */
    public UUID organisationId() {
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

    /** Whether the credential used allows this collection at all (grants still decide what is allowed). */
    public boolean covers(UUID collectionId) {
        return scope.covers(collectionId);
    }

    @Override
    public String toString() {
        return isAnonymous() ? "anonymous" : name;
    }
}
