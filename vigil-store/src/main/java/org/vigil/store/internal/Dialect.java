package org.vigil.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.UUID;

/** What differs between SQLite and PostgreSQL: migrations, transactions, UUID binding, row locks, byte search. */
enum Dialect {
    SQLITE("db/migration/sqlite", "", "instr(%s, ?) > 0"),
    POSTGRESQL("db/migration/postgresql", " FOR UPDATE", "position(? in %s) > 0");

    final String migrations;
    /** Appended to a SELECT of one row (a collection, the audit head) to lock it until the transaction ends. */
    final String forUpdate;
    /** A condition, with one parameter for the needle, that a column's bytes contain the needle's. */
    private final String contains;

    Dialect(String migrations, String forUpdate, String contains) {
        this.migrations = migrations;
        this.forUpdate = forUpdate;
        this.contains = contains;
    }

    /** A condition that the column's bytes contain those of the one parameter it takes. */
    String contains(String column) {
        return contains.formatted(column);
    }

    /**
     * Names the index a FROM clause must read, where the dialect lets a statement say so: SQLite's planner has
     * only coarse statistics on TLP levels and could otherwise walk a wider index and skip hidden rows. PostgreSQL
     * chooses from its statistics.
     */
    String indexedBy(String index) {
        return this == SQLITE ? " INDEXED BY " + index : "";
    }

    static Dialect of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:sqlite:") ? SQLITE : POSTGRESQL;
    }

    /**
     * Runs a transaction whose commit does not wait for the disk. SQLite in WAL mode with synchronous=NORMAL
     * leaves the commit in the WAL unsynced until the next FULL commit or checkpoint syncs it; the setting belongs
     * to the connection, so it is set around the transaction. PostgreSQL's synchronous_commit=off returns before
     * the WAL flush; SET LOCAL ends with the transaction, so it is one more statement inside it and nothing after.
     * Both keep the database consistent after any crash.
     */
    <T> T withoutFlush(Connection connection, Database.Work<T> work, Database.Transaction transaction)
            throws SQLException {
        if (this == POSTGRESQL) {
            return transaction.run(connection, c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("SET LOCAL synchronous_commit TO OFF");
                }
                return work.run(c);
            });
        }
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA synchronous=NORMAL");
        }
        try {
            return transaction.run(connection, work);
        } finally {
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA synchronous=FULL");
            }
        }
    }

    /**
     * Starts a write transaction. SQLite's begins IMMEDIATE, taking the write lock at once (waiting up to the busy
     * timeout), so a transaction never fails later upgrading a read lock. It is issued by hand, in auto-commit
     * mode, because the SQLite driver's commit() would at once begin the next transaction and hold the lock.
     */
    void begin(Connection connection) throws SQLException {
        if (this == SQLITE) {
            try (Statement st = connection.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
            }
        } else {
            connection.setAutoCommit(false);
        }
    }

    void commit(Connection connection) throws SQLException {
        if (this == SQLITE) {
            try (Statement st = connection.createStatement()) {
                st.execute("COMMIT");
            }
        } else {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    void rollback(Connection connection) throws SQLException {
        if (this == SQLITE) {
            try (Statement st = connection.createStatement()) {
                st.execute("ROLLBACK");
            }
        } else {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    void bindUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
        if (value == null) {
            ps.setNull(index, this == POSTGRESQL ? Types.OTHER : Types.VARCHAR);
        } else if (this == POSTGRESQL) {
            ps.setObject(index, value);
        } else {
            ps.setString(index, value.toString());
        }
    }
}
