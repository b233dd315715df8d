package org.vigil.picture;

import org.vigil.store.EmbeddedPostgresServer;
import org.vigil.store.StoreConfig;

/** Counting from memory against reading row by row, on a real PostgreSQL server. */
final class PostgresCountingTest extends CountingContract {

    @Override
    StoreConfig newConfig() {
        return EmbeddedPostgresServer.newSchema();
    }
}
