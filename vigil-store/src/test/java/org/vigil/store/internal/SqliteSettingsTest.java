package org.vigil.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.StoreConfig;

/** Every pooled SQLite connection runs in WAL mode with full sync, foreign keys and a busy timeout. */
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

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
