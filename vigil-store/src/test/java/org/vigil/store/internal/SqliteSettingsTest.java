package org.vigil.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** SQLite stores live in a file, and every pooled connection runs in WAL mode with full sync. */
final class SqliteSettingsTest {

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

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
