package org.vigil.store.internal;

import org.vigil.store.EmbeddedPostgresServer;
import org.vigil.store.StoreConfig;

/** Schema migrations on PostgreSQL. */
final class PostgresMigrationTest extends MigrationContract {

    @Override
    StoreConfig newConfig() {
        return EmbeddedPostgresServer.newSchema();
    }
}
