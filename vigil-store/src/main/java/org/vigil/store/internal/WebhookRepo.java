package org.vigil.store.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.vigil.store.Cursor;
import org.vigil.store.EmailSubscription;
import org.vigil.store.Webhook;

/** The publisher right, webhook and e-mail subscriptions, and the positions of delivery work. */
final class WebhookRepo {

    private static final String WEBHOOKS = "SELECT id, user_id, url, secret, collections, types, places, events, created_at,"
            + " failing, failures, first_failure_at, next_attempt_at, last_error FROM webhooks";

    private static final String EMAILS = "SELECT id, address, places, token, confirmed, created_at"
            + " FROM email_subscriptions";

    private final Database db;
    private final Sql sql;

    WebhookRepo(Database db) {
        this.db = db;
        this.sql = new Sql(db.dialect);
    }

    boolean isPublisher(UUID userId) {
        return db.read("reading the publisher right of user " + userId, c -> sql.first(c,
                "SELECT publisher FROM users WHERE id = ?", p -> p.uuid(userId), rs -> rs.getBoolean(1)))
                .orElse(false);
    }

    void setPublisher(UUID userId, boolean publisher) {
        db.write("setting the publisher right of user " + userId, c -> sql.update(c,
                "UPDATE users SET publisher = ? WHERE id = ?", p -> p.bool(publisher).uuid(userId)));
    }

    void putWebhook(Webhook w) {
        db.write("saving webhook " + w.id(), c -> sql.update(c, "INSERT INTO webhooks (id, user_id, url, secret,"
                + " collections, types, places, events, created_at, failing, failures, first_failure_at,"
                + " next_attempt_at, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO"
                + " UPDATE SET url = excluded.url, collections = excluded.collections, types = excluded.types,"
                + " places = excluded.places,"
                + " events = excluded.events, failing = excluded.failing, failures = excluded.failures,"
                + " first_failure_at = excluded.first_failure_at, next_attempt_at = excluded.next_attempt_at,"
                + " last_error = excluded.last_error",
                p -> p.uuid(w.id()).uuid(w.userId()).text(w.url()).text(w.secret())
                        .text(joined(w.collections().stream().map(UUID::toString).collect(Collectors.toSet())))
                        .text(joined(w.types())).text(joined(w.places()))
                        .text(String.join(",", w.events().stream().sorted().toList()))
                        .bigint(Micros.of(w.created())).bool(w.failing()).smallint(w.failures())
                        .bigint(w.firstFailure() == null ? null : Micros.of(w.firstFailure()))
                        .bigint(Micros.of(w.nextAttempt())).text(w.lastError())));
    }

    Optional<Webhook> webhook(UUID id) {
        return db.read("reading webhook " + id, c -> sql.first(c, WEBHOOKS + " WHERE id = ?", p -> p.uuid(id),
                WebhookRepo::webhook));
    }

    List<Webhook> webhooks() {
        return db.read("listing webhooks", c -> sql.list(c, WEBHOOKS + " ORDER BY created_at, id", p -> { },
                WebhookRepo::webhook));
    }

    boolean removeWebhook(UUID id) {
        return db.write("removing webhook " + id, c -> {
            sql.update(c, "DELETE FROM webhook_cursors WHERE webhook_id = ?", p -> p.uuid(id));
            return sql.update(c, "DELETE FROM webhooks WHERE id = ?", p -> p.uuid(id));
        }) > 0;
    }

    Optional<Cursor> webhookCursor(UUID webhookId, UUID collectionId) {
        return db.read("reading the cursor of webhook " + webhookId, c -> sql.first(c,
                "SELECT after_added FROM webhook_cursors WHERE webhook_id = ? AND collection_id = ?",
                p -> p.uuid(webhookId).uuid(collectionId), rs -> Cursor.afterMicros(rs.getLong(1))));
    }

    void putWebhookCursor(UUID webhookId, UUID collectionId, Cursor after) {
        // Not flushed: a cursor lost to a power cut only makes deliveries repeat, which at-least-once allows.
        db.write("moving the cursor of webhook " + webhookId, false, c -> sql.update(c, "INSERT INTO webhook_cursors"
                + " (webhook_id, collection_id, after_added) VALUES (?, ?, ?) ON CONFLICT (webhook_id, collection_id)"
                + " DO UPDATE SET after_added = excluded.after_added",
                p -> p.uuid(webhookId).uuid(collectionId).bigint(after.dateAddedMicros())));
    }

    void putEmailSubscription(EmailSubscription e) {
        db.write("saving e-mail subscription " + e.id(), c -> sql.update(c, "INSERT INTO email_subscriptions (id,"
                + " address, places, token, confirmed, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
                + " SET places = excluded.places, confirmed = excluded.confirmed",
                p -> p.uuid(e.id()).text(e.address()).text(joined(e.places())).text(e.token()).bool(e.confirmed())
                        .bigint(Micros.of(e.created()))));
    }

    Optional<EmailSubscription> emailSubscriptionByToken(String token) {
        return db.read("reading an e-mail subscription", c -> sql.first(c, EMAILS + " WHERE token = ?",
                p -> p.text(token), WebhookRepo::email));
    }

    List<EmailSubscription> emailSubscriptions() {
        return db.read("listing e-mail subscriptions", c -> sql.list(c, EMAILS + " ORDER BY created_at, id", p -> { },
                WebhookRepo::email));
    }

    boolean removeEmailSubscription(UUID id) {
        return db.write("removing e-mail subscription " + id, c -> sql.update(c,
                "DELETE FROM email_subscriptions WHERE id = ?", p -> p.uuid(id))) > 0;
    }

    Optional<Cursor> workPosition(String name) {
        return db.read("reading work position " + name, c -> sql.first(c,
                "SELECT after_added FROM work_positions WHERE name = ?", p -> p.text(name),
                rs -> Cursor.afterMicros(rs.getLong(1))));
    }

    void putWorkPosition(String name, Cursor after) {
        db.write("moving work position " + name, c -> sql.update(c, "INSERT INTO work_positions (name, after_added)"
                + " VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET after_added = excluded.after_added",
                p -> p.text(name).bigint(after.dateAddedMicros())));
    }

    /** One insert of the row if missing and one conditional UPDATE, in one transaction: atomic on both engines. */
    boolean leaseWork(String name, String holder, Instant until) {
        long now = Micros.now();
        return db.write("leasing work " + name, c -> {
            sql.update(c, "INSERT INTO work_leases (name, holder, until_at) VALUES (?, NULL, 0)"
                    + " ON CONFLICT (name) DO NOTHING", p -> p.text(name));
            return sql.update(c, "UPDATE work_leases SET holder = ?, until_at = ? WHERE name = ?"
                    + " AND (holder IS NULL OR until_at < ? OR holder = ?)",
                    p -> p.text(holder).bigint(Micros.of(until)).text(name).bigint(now).text(holder));
        }) > 0;
    }

    void releaseWork(String name, String holder) {
        db.write("releasing work " + name, c -> sql.update(c, "UPDATE work_leases SET holder = NULL, until_at = 0"
                + " WHERE name = ? AND holder = ?", p -> p.text(name).text(holder)));
    }

    private static EmailSubscription email(ResultSet rs) throws SQLException {
        return new EmailSubscription(Rows.uuid(rs, "id"), rs.getString("address"), split(rs.getString("places")),
                rs.getString("token"), rs.getBoolean("confirmed"), Micros.instant(rs.getLong("created_at")));
    }

    private static String joined(Set<String> values) {
        return values.isEmpty() ? null : String.join(",", values.stream().sorted().toList());
    }

    private static Set<String> split(String text) {
        return text == null || text.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(text.split(",")));
    }

    private static Webhook webhook(ResultSet rs) throws SQLException {
        Long firstFailure = Rows.bigint(rs, "first_failure_at");
        return new Webhook(Rows.uuid(rs, "id"), Rows.uuid(rs, "user_id"), rs.getString("url"), rs.getString("secret"),
                split(rs.getString("collections")).stream().map(UUID::fromString).collect(Collectors.toSet()),
                split(rs.getString("types")), split(rs.getString("places")), split(rs.getString("events")),
                Micros.instant(rs.getLong("created_at")), rs.getBoolean("failing"), rs.getInt("failures"),
                firstFailure == null ? null : Micros.instant(firstFailure),
                Micros.instant(rs.getLong("next_attempt_at")), rs.getString("last_error"));
    }
}
