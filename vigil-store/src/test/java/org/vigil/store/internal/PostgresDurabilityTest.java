package org.vigil.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.vigil.store.EmbeddedPostgresServer;
import org.vigil.store.StoreConfig;

/** A commit the store acknowledges on PostgreSQL has reached the disk, whatever the server's own default says. */
final class PostgresDurabilityTest {

    @Test
    void commitsWaitForTheDiskOnAServerWhoseDefaultDoesNot() throws SQLException {
        try (Connection plain = EmbeddedPostgresServer.server().getPostgresDatabase().getConnection()) {
            assertEquals("off", setting(plain), "the embedded server acknowledges commits before they are on disk");
        }
        try (Database db = new Database(EmbeddedPostgresServer.newSchema())) {
            assertEquals("on", db.read("checking the commit setting", PostgresDurabilityTest::setting));
        }
    }

    @Test
    void aStrongerSettingForASynchronousStandbyIsKept() {
        StoreConfig base = EmbeddedPostgresServer.newSchema();
        StoreConfig remoteApply = StoreConfig.of(base.jdbcUrl() + "&options=-c%20synchronous_commit%3Dremote_apply",
                base.user(), base.password());
        try (Database db = new Database(remoteApply)) {
            assertEquals("remote_apply", db.read("checking the commit setting", PostgresDurabilityTest::setting));
        }
    }

    private static String setting(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW synchronous_commit")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
