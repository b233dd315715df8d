package org.vigil.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.store.StoreConfig;
import org.vigil.store.StoreException;

/** A connection pool with the two ways the store touches it: a read, and a write in one transaction. */
final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** How long a SQLite writer waits for another process's write transaction before giving up. */
    private static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;

    final Dialect dialect;
    private final HikariDataSource pool;
    /**
     * SQLite allows one writer at a time. Writers of this process queue here, fairly, instead of spinning in
     * SQLite's busy handler; the busy timeout still covers writers in other processes.
     */
    private final ReentrantLock sqliteWriter = new ReentrantLock(true);

    /** Work done with a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs work in one transaction on a connection. */
    @FunctionalInterface
    interface Transaction {
        <T> T run(Connection connection, Work<T> work) throws SQLException;
    }

    Database(StoreConfig config) {
        this.dialect = Dialect.of(config.jdbcUrl());
        this.pool = new HikariDataSource(poolConfig(config, dialect));
    }

    private static final long PG_CONNECTION_WAIT_MS = 10_000;

    static final String DURABLE_COMMITS = "SELECT set_config('synchronous_commit', 'on', false)"
            + " WHERE current_setting('synchronous_commit') = 'off'";

    private static HikariConfig poolConfig(StoreConfig config, Dialect dialect) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("vigil-store");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(Math.min(2, config.poolSize()));
        if (dialect == Dialect.SQLITE) {
            // WAL lets readers run beside the one writer. synchronous=FULL makes WAL fsync at every commit, so a
            // committed add survives power loss and OS crashes too; NORMAL would survive only a process crash
            // (kill -9), and TAXII calls an object a success only once it is stored durably. The cost is one
            // fsync per transaction, which batched adds amortise.
            hikari.addDataSourceProperty("journal_mode", "WAL");
            hikari.addDataSourceProperty("synchronous", "FULL");
            hikari.addDataSourceProperty("foreign_keys", "true");
            hikari.addDataSourceProperty("busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MS));
        } else {
            // Sends an add's batch of inserts as multi-row INSERTs: far fewer round trips.
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
            // While the database is away (a restart, a failover) a request gives up after this long and the client
            // is told to try again, instead of holding its connection for the pool's default half minute; the
            // pool reconnects by itself once the database is back.
            hikari.setConnectionTimeout(PG_CONNECTION_WAIT_MS);
            hikari.addDataSourceProperty("connectTimeout", "5");
            // A server set to synchronous_commit = off (embedded test servers are, by default) acknowledges a
            // commit before it reaches the disk, and Vigil would call a write stored that a crash can take back.
            // Vigil's own sessions raise it to on; a stronger server setting (remote_write, remote_apply for a
            // synchronous standby) is kept, and so is local.
            hikari.setConnectionInitSql(DURABLE_COMMITS);
        }
        return hikari;
    }

    DataSource dataSource() {
        return pool;
    }

    /** Runs read-only work on a connection in auto-commit mode: each statement sees committed data. */
    <T> T read(String what, Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs work in one write transaction: all of it is committed durably, or none of it. */
    <T> T write(String what, Work<T> work) {
        return write(what, true, work);
    }

    /**
     * Runs work in one write transaction; without {@code flush}, the commit does not wait for the disk (see
     * {@link org.vigil.store.Store#appendAuditLazily}).
     */
    <T> T write(String what, boolean flush, Work<T> work) {
        boolean sqlite = dialect == Dialect.SQLITE;
        if (sqlite) {
            sqliteWriter.lock();
        }
        try (Connection connection = pool.getConnection()) {
            if (!flush) {
                return dialect.withoutFlush(connection, work, this::inTransaction);
            }
            return inTransaction(connection, work);
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        } finally {
            if (sqlite) {
                sqliteWriter.unlock();
            }
        }
    }

    private <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        dialect.begin(connection);
        try {
            T result = work.run(connection);
            dialect.commit(connection);
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback(connection, e);
            throw e;
        }
    }

    private void rollback(Connection connection, Exception cause) {
        try {
            dialect.rollback(connection);
        } catch (SQLException e) {
            // The database may have ended the transaction itself; a connection in an unknown state must not
            // go back to the pool.
            cause.addSuppressed(e);
            LOG.warn("rollback failed, discarding the connection: {}", e.getMessage());
            pool.evictConnection(connection);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
