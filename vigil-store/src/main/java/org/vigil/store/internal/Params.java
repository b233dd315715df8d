package org.vigil.store.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

/** Binds parameters to a statement in order, with the dialect's way of passing UUIDs and typed nulls. */
final class Params {

    private final Dialect dialect;
    private final PreparedStatement ps;
    private int index;

    Params(Dialect dialect, PreparedStatement ps) {
        this.dialect = dialect;
        this.ps = ps;
    }

    /** Binds from parameter {@code first} on, for statements whose earlier parameters are set by hand. */
    Params(Dialect dialect, PreparedStatement ps, int first) {
        this(dialect, ps);
        this.index = first - 1;
    }

    /** Binds non-null values by their runtime type: String, Long, Integer, Boolean or UUID. */
    static void bindAll(Dialect dialect, PreparedStatement ps, List<Object> values) throws SQLException {
        Params params = new Params(dialect, ps);
        for (Object value : values) {
            params.value(value);
        }
    }

    Params value(Object value) throws SQLException {
        if (value instanceof String s) {
            return text(s);
        } else if (value instanceof Long l) {
            return bigint(l);
        } else if (value instanceof Integer i) {
            ps.setInt(++index, i);
            return this;
        } else if (value instanceof Boolean b) {
            return bool(b);
        } else if (value instanceof UUID u) {
            return uuid(u);
        } else if (value instanceof byte[] b) {
            return bytes(b);
        }
        throw new IllegalArgumentException("cannot bind " + (value == null ? "null" : value.getClass()));
    }

    Params text(String value) throws SQLException {
        if (value == null) {
            ps.setNull(++index, Types.VARCHAR);
        } else {
            ps.setString(++index, value);
        }
        return this;
    }

    Params bytes(byte[] value) throws SQLException {
        ps.setBytes(++index, value);
        return this;
    }

    Params bigint(Long value) throws SQLException {
        if (value == null) {
            ps.setNull(++index, Types.BIGINT);
        } else {
            ps.setLong(++index, value);
        }
        return this;
    }

    Params smallint(Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(++index, Types.SMALLINT);
        } else {
            ps.setShort(++index, value.shortValue());
        }
        return this;
    }

    Params bool(boolean value) throws SQLException {
        ps.setBoolean(++index, value);
        return this;
    }

    Params uuid(UUID value) throws SQLException {
        dialect.bindUuid(ps, ++index, value);
        return this;
    }
}
