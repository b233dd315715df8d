package org.vigil.store.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading typed values out of result rows the same way on both dialects. */
final class Rows {

    private Rows() {
    }

    /** Maps the current row of a result. */
    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A UUID column (uuid on PostgreSQL, text on SQLite), or null. */
    static UUID uuid(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : UUID.fromString(text);
    }

    /** A BIGINT column, or null. */
    static Long bigint(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static <T> List<T> list(ResultSet rs, Mapper<T> mapper) throws SQLException {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
            out.add(mapper.map(rs));
        }
        return out;
    }

    static <T> Optional<T> first(ResultSet rs, Mapper<T> mapper) throws SQLException {
        return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
    }
}
