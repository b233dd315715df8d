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

    int update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(new Params(dialect, ps));
            return ps.executeUpdate();
        }
    }
}
