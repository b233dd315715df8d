package org.vigil.store.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.vigil.store.ApiToken;
import org.vigil.store.Grant;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.StoreException;
import org.vigil.store.TokenScope;
import org.vigil.store.User;
import org.vigil.store.WebSession;

/** Organisations, users, API tokens and grants. */
final class PrincipalRepo {

    private static final String ORGANISATIONS = "SELECT id, name, identity_id, member FROM organisations";
    private static final String USERS = "SELECT id, name, organisation_id, role, password_hash FROM users";
    private static final String TOKENS =
            "SELECT id, user_id, token_hash, collections, expires_at, revoked, created_at FROM api_tokens";
    private static final String GRANTS = "SELECT user_id, collection_id, can_read, can_write FROM grants";

    private final Database db;
    private final Sql sql;

    PrincipalRepo(Database db) {
        this.db = db;
        this.sql = new Sql(db.dialect);
    }

    void putOrganisation(Organisation org) {
        db.write("saving organisation " + org.name(), c -> {
            unique(c, "organisations", "name", org.name(), org.id(), "organisation name");
            unique(c, "organisations", "identity_id", org.identityId(), org.id(), "identity id");
            Optional<UUID> claimant = claimantOf(c, org.identityId());
            if (claimant.isPresent() && !claimant.get().equals(org.id())) {
                throw new StoreException("cannot save " + org.id() + ": its identity id is claimed by organisation "
                        + claimant.get());
            }
            return sql.update(c, "INSERT INTO organisations (id, name, identity_id, member) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET name = excluded.name, identity_id = excluded.identity_id,"
                    + " member = excluded.member",
                    p -> p.uuid(org.id()).text(org.name()).text(org.identityId()).bool(org.member()));
        });
    }

    Optional<Organisation> organisation(UUID id) {
        return db.read("reading organisation " + id,
                c -> sql.first(c, ORGANISATIONS + " WHERE id = ?", p -> p.uuid(id), PrincipalRepo::organisation));
    }

    Optional<Organisation> organisationByName(String name) {
        return db.read("reading organisation " + name, c -> sql.first(c, ORGANISATIONS + " WHERE name = ?",
                p -> p.text(name), PrincipalRepo::organisation));
    }

    List<Organisation> organisations() {
        return db.read("listing organisations",
                c -> sql.list(c, ORGANISATIONS + " ORDER BY name", p -> { }, PrincipalRepo::organisation));
    }

    void claimIdentity(UUID organisationId, String identityId) {
        db.write("claiming identity " + identityId + " for organisation " + organisationId, c -> {
            Optional<String> owner = sql.first(c, "SELECT name FROM organisations WHERE identity_id = ? AND id <> ?",
                    p -> p.text(identityId).uuid(organisationId), rs -> rs.getString(1));
            Optional<UUID> claimant = claimantOf(c, identityId);
            if (owner.isPresent() || claimant.isPresent() && !claimant.get().equals(organisationId)) {
                String who = owner.orElseGet(() -> claimant.get().toString());
                throw new StoreException("identity " + identityId + " already belongs to organisation " + who
                        + "; an identity id can be claimed by one organisation only");
            }
            if (claimant.isPresent()) {
                return 0;
            }
            return sql.update(c, "INSERT INTO organisation_identities (identity_id, organisation_id) VALUES (?, ?)",
                    p -> p.text(identityId).uuid(organisationId));
        });
    }

    List<String> claimedIdentities(UUID organisationId) {
        return db.read("listing the identities organisation " + organisationId + " claims", c -> sql.list(c,
                "SELECT identity_id FROM organisation_identities WHERE organisation_id = ? ORDER BY identity_id",
                p -> p.uuid(organisationId), rs -> rs.getString(1)));
    }

    private Optional<UUID> claimantOf(Connection c, String identityId) throws SQLException {
        return sql.first(c, "SELECT organisation_id FROM organisation_identities WHERE identity_id = ?",
                p -> p.text(identityId), rs -> Rows.uuid(rs, "organisation_id"));
    }

    void putUser(User user) {
        db.write("saving user " + user.name(), c -> {
            unique(c, "users", "name", user.name(), user.id(), "user name");
            if (sql.first(c, "SELECT id FROM organisations WHERE id = ?", p -> p.uuid(user.organisationId()),
                    rs -> rs.getString(1)).isEmpty()) {
                throw new StoreException("user " + user.name() + " names organisation " + user.organisationId()
                        + ", which does not exist");
            }
            return sql.update(c, "INSERT INTO users (id, name, organisation_id, role, password_hash)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                    + " organisation_id = excluded.organisation_id, role = excluded.role,"
                    + " password_hash = excluded.password_hash",
                    p -> p.uuid(user.id()).text(user.name()).uuid(user.organisationId()).text(user.role().label())
                            .text(user.passwordHash()));
        });
    }

    Optional<User> user(UUID id) {
        return db.read("reading user " + id, c -> sql.first(c, USERS + " WHERE id = ?", p -> p.uuid(id),
                PrincipalRepo::user));
    }

    Optional<User> userByName(String name) {
        return db.read("reading user " + name, c -> sql.first(c, USERS + " WHERE name = ?", p -> p.text(name),
                PrincipalRepo::user));
    }

    List<User> users() {
        return db.read("listing users", c -> sql.list(c, USERS + " ORDER BY name", p -> { }, PrincipalRepo::user));
    }

    void addToken(ApiToken token) {
        db.write("adding token " + token.id() + " of user " + token.userId(), c -> {
            unique(c, "api_tokens", "token_hash", token.sha256(), token.id(), "token hash");
            return sql.update(c, "INSERT INTO api_tokens (id, user_id, token_hash, collections, expires_at,"
                    + " revoked, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    p -> p.uuid(token.id()).uuid(token.userId()).text(token.sha256()).text(scopeText(token.scope()))
                            .bigint(token.expires() == null ? null : Micros.of(token.expires()))
                            .bool(token.revoked()).bigint(Micros.of(token.created())));
        });
    }

    Optional<ApiToken> tokenByHash(String sha256) {
        return db.read("looking up a token by hash", c -> sql.first(c, TOKENS + " WHERE token_hash = ?",
                p -> p.text(sha256), PrincipalRepo::token));
    }

    List<ApiToken> tokens(UUID userId) {
        return db.read("listing the tokens of user " + userId, c -> sql.list(c,
                TOKENS + " WHERE user_id = ? ORDER BY created_at, id", p -> p.uuid(userId), PrincipalRepo::token));
    }

    boolean isDisabled(UUID userId) {
        return db.read("reading whether user " + userId + " is disabled", c -> sql.first(c,
                "SELECT disabled FROM users WHERE id = ?", p -> p.uuid(userId), rs -> rs.getBoolean(1))).orElse(false);
    }

    boolean setDisabled(UUID userId, boolean disabled) {
        return db.write((disabled ? "disabling" : "enabling") + " user " + userId, c -> sql.update(c,
                "UPDATE users SET disabled = ? WHERE id = ?", p -> p.bool(disabled).uuid(userId))) > 0;
    }

    boolean revokeToken(UUID tokenId) {
        return db.write("revoking token " + tokenId, c -> sql.update(c,
                "UPDATE api_tokens SET revoked = TRUE WHERE id = ?", p -> p.uuid(tokenId))) > 0;
    }

    void putGrant(Grant grant) {
        db.write("granting user " + grant.userId() + " on collection " + grant.collectionId(), c -> {
            if (!grant.read() && !grant.write()) {
                return sql.update(c, "DELETE FROM grants WHERE user_id = ? AND collection_id = ?",
                        p -> p.uuid(grant.userId()).uuid(grant.collectionId()));
            }
            return sql.update(c, "INSERT INTO grants (user_id, collection_id, can_read, can_write) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (user_id, collection_id) DO UPDATE SET can_read = excluded.can_read,"
                    + " can_write = excluded.can_write",
                    p -> p.uuid(grant.userId()).uuid(grant.collectionId()).bool(grant.read()).bool(grant.write()));
        });
    }

    Optional<Grant> grant(UUID userId, UUID collectionId) {
        return db.read("reading the grant of user " + userId + " on collection " + collectionId, c -> sql.first(c,
                GRANTS + " WHERE user_id = ? AND collection_id = ?", p -> p.uuid(userId).uuid(collectionId),
                PrincipalRepo::grant));
    }

    List<Grant> grants(UUID userId) {
        return db.read("listing the grants of user " + userId, c -> sql.list(c,
                GRANTS + " WHERE user_id = ? ORDER BY collection_id", p -> p.uuid(userId), PrincipalRepo::grant));
    }

    List<Grant> grantsOn(UUID collectionId) {
        return db.read("listing the grants on collection " + collectionId, c -> sql.list(c,
                GRANTS + " WHERE collection_id = ? ORDER BY user_id", p -> p.uuid(collectionId),
                PrincipalRepo::grant));
    }

    /** Refuses a value another row already has, naming both, before the unique constraint would. */
    private void unique(Connection c, String table, String column, String value, UUID id, String what)
            throws SQLException {
        Optional<UUID> other = sql.first(c, "SELECT id FROM " + table + " WHERE " + column + " = ? AND id <> ?",
                p -> p.text(value).uuid(id), rs -> Rows.uuid(rs, "id"));
        if (other.isPresent()) {
            throw new StoreException("cannot save " + id + ": its " + what + " is already used by " + other.get());
        }
    }

    void putSession(WebSession s) {
        db.write("keeping a session of user " + s.userId(), c -> {
            sql.update(c, "DELETE FROM web_sessions WHERE expires_at < ?", p -> p.bigint(Micros.of(s.created())));
            return sql.update(c, "INSERT INTO web_sessions (session_hash, user_id, csrf_token, created_at, expires_at,"
                    + " last_seen) VALUES (?, ?, ?, ?, ?, ?)", p -> p.text(s.sha256()).uuid(s.userId()).text(s.csrf())
                    .bigint(Micros.of(s.created())).bigint(Micros.of(s.expires())).bigint(Micros.of(s.lastSeen())));
        });
    }

    Optional<WebSession> sessionByHash(String sha256) {
        return db.read("looking up a session", c -> sql.first(c, "SELECT session_hash, user_id, csrf_token,"
                + " created_at, expires_at, last_seen FROM web_sessions WHERE session_hash = ?", p -> p.text(sha256),
                rs -> new WebSession(rs.getString("session_hash"), Rows.uuid(rs, "user_id"),
                        rs.getString("csrf_token"), Micros.instant(rs.getLong("created_at")),
                        Micros.instant(rs.getLong("expires_at")), Micros.instant(rs.getLong("last_seen")))));
    }

    boolean touchSession(String sha256, java.time.Instant seen) {
        return db.write("noting a session's use", c -> sql.update(c, "UPDATE web_sessions SET last_seen = ?"
                + " WHERE session_hash = ? AND last_seen < ?", p -> p.bigint(Micros.of(seen)).text(sha256)
                .bigint(Micros.of(seen)))) > 0;
    }

    boolean deleteSession(String sha256) {
        return db.write("ending a session", c -> sql.update(c, "DELETE FROM web_sessions WHERE session_hash = ?",
                p -> p.text(sha256))) > 0;
    }

    private static String scopeText(TokenScope scope) {
        return scope.allCollections() ? null
                : scope.collections().stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
    }

    private static Organisation organisation(ResultSet rs) throws SQLException {
        return new Organisation(Rows.uuid(rs, "id"), rs.getString("name"), rs.getString("identity_id"),
                rs.getBoolean("member"));
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(Rows.uuid(rs, "id"), rs.getString("name"), Rows.uuid(rs, "organisation_id"),
                Role.ofLabel(rs.getString("role")), rs.getString("password_hash"));
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        String collections = rs.getString("collections");
        TokenScope scope = collections == null ? TokenScope.all() : TokenScope.only(
                Arrays.stream(collections.split(",")).map(UUID::fromString).collect(Collectors.toSet()));
        Long expires = Rows.bigint(rs, "expires_at");
        return new ApiToken(Rows.uuid(rs, "id"), Rows.uuid(rs, "user_id"), rs.getString("token_hash"), scope,
                expires == null ? null : Micros.instant(expires), rs.getBoolean("revoked"),
                Micros.instant(rs.getLong("created_at")));
    }

    private static Grant grant(ResultSet rs) throws SQLException {
        return new Grant(Rows.uuid(rs, "user_id"), Rows.uuid(rs, "collection_id"), rs.getBoolean("can_read"),
                rs.getBoolean("can_write"));
    }
}
