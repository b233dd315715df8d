package org.vigil.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Runs one statement with bound parameters and maps its rows: the boilerplate of the repositories. */
final class Sql {

    private final Dialect dialect;

    Sql(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(Params params) throws SQLException;
    }

    <T> List<T> list(Connection c, String sql, Binder binder, Rows.Mapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(new Params(dialect, ps));
            try (ResultSet rs = ps.executeQuery()) {
                return Rows.list(rs, mapper);
            }
        }
    }

    <T> Optional<T> first(Connection c, String sql, Binder binder, Rows.Mapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(new Params(dialect, ps));
            try (ResultSet rs = ps.executeQuery()) {
                return Rows.first(rs, mapper);
            }
        }
    }

    /** One data-changing statement and its parameters. */
    record Update(String sql, Binder binder) {
    }

    /**
     * Runs independent data-changing statements (none reads what another writes) in the current transaction. On
     * PostgreSQL they travel as one statement of data-modifying WITH clauses, one round trip instead of several;
     * SQLite runs in-process, where round trips cost nothing, and takes them one by one.
     */
    void updateTogether(Connection c, List<Update> updates) throws SQLException {
        if (dialect == Dialect.SQLITE || updates.size() == 1) {
            for (Update u : updates) {
                update(c, u.sql(), u.binder());
            }
            return;
        }
        StringBuilder sql = new StringBuilder("WITH ");
        for (int i = 0; i < updates.size() - 1; i++) {
            sql.append(i == 0 ? "" : ", ").append("u").append(i).append(" AS (").append(updates.get(i).sql()).append(')');
        }
        sql.append(' ').append(updates.get(updates.size() - 1).sql());
        update(c, sql.toString(), params -> {
            for (Update u : updates) {
                u.binder().bind(params);
            }
        });
    }

    int update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(new Params(dialect, ps));
            return ps.executeUpdate();
        }
    }
}
