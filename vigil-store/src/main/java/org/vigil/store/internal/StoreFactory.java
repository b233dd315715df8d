package org.vigil.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.StoreException;

/** Opens a store: connects, brings the schema up to date with Flyway, and hands back the implementation. */
public final class StoreFactory {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFactory.class);

    private StoreFactory() {
    }

    /** Opens the store a configuration points at; see {@link Store#open}. */
    public static Store open(StoreConfig config) {
        if (config.isSqlite()) {
            prepareSqliteFile(config.jdbcUrl().substring("jdbc:sqlite:".length()));
        }
        Database db = connect(config);
        try {
            migrate(db, config);
            return new JdbcStore(db, config.auditKey());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static Database connect(StoreConfig config) {
        try {
            return new Database(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to the store at " + config + ": " + e.getMessage(), e);
        }
    }

    private static void migrate(Database db, StoreConfig config) {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(db.dataSource())
                    .locations("classpath:" + db.dialect.migrations)
                    .load()
                    .migrate();
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                    : result.initialSchemaVersion;
            // A schema brought up to date is news; opening an up-to-date store, which every command does, is not.
            if (result.migrationsExecuted > 0) {
                LOG.info("brought the {} store at {} up to schema version {} ({} migrations applied)", db.dialect,
                        config.jdbcUrl(), version, result.migrationsExecuted);
            } else {
                LOG.debug("opened the {} store at {} (schema version {})", db.dialect, config.jdbcUrl(), version);
            }
        } catch (RuntimeException e) {
            throw new StoreException("could not bring the schema of " + config + " up to date: " + e.getMessage(), e);
        }
    }

    /** Creates the folder of a SQLite file, and refuses in-memory databases. */
    private static void prepareSqliteFile(String path) {
        int query = path.indexOf('?');
        String file = query < 0 ? path : path.substring(0, query);
        if (file.isEmpty() || file.startsWith(":memory:") || path.contains("mode=memory")) {
            // Each pooled connection would open a database of its own.
            throw new IllegalArgumentException("the store needs a SQLite file, not an in-memory database: "
                    + "use jdbc:sqlite:/path/to/" + StoreConfig.SQLITE_FILE);
        }
        if (file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + parent + ": " + e.getMessage(), e);
        }
    }
}
