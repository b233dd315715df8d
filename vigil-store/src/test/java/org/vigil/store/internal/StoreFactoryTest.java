package org.vigil.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.StoreConfig;
import org.vigil.store.StoreException;

/**
 * Opening a store: SQLite lives in a file whose pooled connections run in WAL mode with full sync, and a failure
 * names the database.
 */
final class StoreFactoryTest {

    @TempDir
    Path dir;

    @Test
    void theStoreCreatesItsFolderAndPooledConnectionsCarryTheDurabilitySettings() {
        StoreConfig config = StoreConfig.sqlite(dir.resolve("nested/folder"));
        StoreFactory.open(config).close();
        try (Database db = new Database(config.withPoolSize(2))) {
            // The second read runs while the first holds its connection, so two pooled connections are checked.
            db.read("checking settings", first -> db.read("checking settings", second -> {
                for (Connection c : new Connection[] {first, second}) {
                    assertEquals("wal", pragma(c, "journal_mode"));
                    assertEquals("2", pragma(c, "synchronous"), "synchronous is FULL");
                    assertEquals("1", pragma(c, "foreign_keys"));
                    assertEquals("30000", pragma(c, "busy_timeout"));
                }
                return null;
            }));
        }
    }

    @Test
    void anInMemoryDatabaseIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoreFactory.open(StoreConfig.of("jdbc:sqlite::memory:")));
        assertTrue(e.getMessage().contains("SQLite file"), e.getMessage());
    }

    @Test
    void anUnreachableDatabaseFailsNamingIt() {
        StoreConfig nowhere = StoreConfig.of("jdbc:postgresql://127.0.0.1:1/vigil?connectTimeout=1", "vigil", "secret");
        StoreException e = assertThrows(StoreException.class, () -> StoreFactory.open(nowhere));
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
