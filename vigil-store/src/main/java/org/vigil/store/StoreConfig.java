package org.vigil.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the store lives: a JDBC URL ({@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}), the credentials
 * for PostgreSQL, and how many connections to pool.
 *
 * @param jdbcUrl the database; SQLite creates the file and its folder when missing
 * @param user the PostgreSQL user, or null (SQLite needs none)
 * @param password the PostgreSQL password, or null
 * @param poolSize the most connections held open at once
 * @param auditKey the key that seals the audit log's head (see {@link AuditHead}), kept outside the database; or
 *     null to neither seal nor check seals
 */
public record StoreConfig(String jdbcUrl, String user, String password, int poolSize, byte[] auditKey) {

    /** The file name of the embedded store inside the data directory. */
    public static final String SQLITE_FILE = "vigil.db";

    public StoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:sqlite:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("unsupported store URL '" + jdbcUrl
                    + "': use jdbc:sqlite:/path/to/vigil.db or jdbc:postgresql://host:port/database");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
        }
        if (auditKey != null && auditKey.length < 32) {
            throw new IllegalArgumentException("an audit key needs at least 32 bytes, got " + auditKey.length);
        }
    }

    /** The embedded default: one SQLite file, {@value #SQLITE_FILE}, in the data directory. */
    public static StoreConfig sqlite(Path dataDir) {
        return of("jdbc:sqlite:" + dataDir.toAbsolutePath().resolve(SQLITE_FILE));
    }

    /** A store at a JDBC URL that carries any credentials itself. */
    public static StoreConfig of(String jdbcUrl) {
        return of(jdbcUrl, null, null);
    }

    /** A store at a JDBC URL with a user and password (PostgreSQL). */
    public static StoreConfig of(String jdbcUrl, String user, String password) {
        return new StoreConfig(jdbcUrl, user, password, jdbcUrl.startsWith("jdbc:sqlite:") ? 4 : 10, null);
    }

    public StoreConfig withPoolSize(int size) {
        return new StoreConfig(jdbcUrl, user, password, size, auditKey);
    }

    public StoreConfig withAuditKey(byte[] key) {
        return new StoreConfig(jdbcUrl, user, password, poolSize, key == null ? null : key.clone());
    }

    public boolean isSqlite() {
        return jdbcUrl.startsWith("jdbc:sqlite:");
    }

    /** Leaves the password out, so configurations can be logged. */
    @Override
    public String toString() {
        return "StoreConfig[" + jdbcUrl + (user == null ? "" : ", user=" + user) + ", poolSize=" + poolSize + "]";
    }
}
