package org.vigil.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.vigil.store.Status;

/** TAXII status resources and their lists of successes, failures and pendings. */
final class StatusRepo {

    private final Database db;
    private final Sql sql;

    StatusRepo(Database db) {
        this.db = db;
        this.sql = new Sql(db.dialect);
    }

    void putStatus(Status s) {
        db.write("saving status " + s.id(), c -> {
            insert(c, s);
            return null;
        });
    }

    /** Creates or replaces a status resource inside the caller's transaction. */
    void insert(Connection c, Status s) throws SQLException {
        sql.update(c, "INSERT INTO statuses (id, api_root, user_id, status, request_timestamp, total_count,"
                + " success_count, failure_count, pending_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET api_root = excluded.api_root, user_id = excluded.user_id,"
                + " status = excluded.status, request_timestamp = excluded.request_timestamp,"
                + " total_count = excluded.total_count, success_count = excluded.success_count,"
                + " failure_count = excluded.failure_count, pending_count = excluded.pending_count",
                p -> p.uuid(s.id()).text(s.apiRoot()).uuid(s.userId()).text(label(s.state()))
                        .bigint(Micros.parse(s.requestTimestamp())).bigint(s.totalCount())
                        .bigint(s.successCount()).bigint(s.failureCount()).bigint(s.pendingCount()));
        sql.update(c, "DELETE FROM status_details WHERE status_id = ?", p -> p.uuid(s.id()));
        insertDetails(c, s);
    }

    private void insertDetails(Connection c, Status s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO status_details"
                + " (status_id, kind, position, object_id, version, message) VALUES (?, ?, ?, ?, ?, ?)")) {
            addDetails(ps, s.id(), "success", s.successes());
            addDetails(ps, s.id(), "failure", s.failures());
            addDetails(ps, s.id(), "pending", s.pendings());
            ps.executeBatch();
        }
    }

    private void addDetails(PreparedStatement ps, UUID id, String kind, List<Status.Detail> details)
            throws SQLException {
        for (int i = 0; i < details.size(); i++) {
            Status.Detail d = details.get(i);
            new Params(db.dialect, ps).uuid(id).text(kind).value(i).text(d.id()).text(d.version()).text(d.message());
            ps.addBatch();
        }
    }

    /** Reads the status and its lists in one statement, so a concurrent replacement is seen whole or not at all. */
    Optional<Status> status(UUID id) {
        return db.read("reading status " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.api_root, s.user_id, s.status,"
                    + " s.request_timestamp, s.total_count, s.success_count, s.failure_count, s.pending_count,"
                    + " d.kind, d.object_id, d.version, d.message FROM statuses s"
                    + " LEFT JOIN status_details d ON d.status_id = s.id WHERE s.id = ? ORDER BY d.kind, d.position")) {
                new Params(db.dialect, ps).uuid(id);
                try (ResultSet rs = ps.executeQuery()) {
                    return read(id, rs);
                }
            }
        });
    }

    private static Optional<Status> read(UUID id, ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return Optional.empty();
        }
        List<Status.Detail> successes = new ArrayList<>();
        List<Status.Detail> failures = new ArrayList<>();
        List<Status.Detail> pendings = new ArrayList<>();
        String apiRoot = rs.getString("api_root");
        UUID userId = Rows.uuid(rs, "user_id");
        Status.State state = Status.State.valueOf(rs.getString("status").toUpperCase(Locale.ROOT));
        String requested = Micros.format(rs.getLong("request_timestamp"));
        long[] counts = {rs.getLong("total_count"), rs.getLong("success_count"), rs.getLong("failure_count"),
                rs.getLong("pending_count")};
        do {
            String kind = rs.getString("kind");
            if (kind != null) {
                Status.Detail d = new Status.Detail(rs.getString("object_id"), rs.getString("version"),
                        rs.getString("message"));
                switch (kind) {
                    case "success" -> successes.add(d);
                    case "failure" -> failures.add(d);
                    default -> pendings.add(d);
                }
            }
        } while (rs.next());
        return Optional.of(new Status(id, apiRoot, userId, state, requested, counts[0], counts[1], counts[2],
                counts[3], successes, failures, pendings));
    }

    private static String label(Status.State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
