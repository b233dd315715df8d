package org.vigil.store;

/** The store contract on a real PostgreSQL server, one schema per test. */
final class PostgresStoreTest extends StoreContract {

    @Override
    StoreConfig newConfig() {
        return EmbeddedPostgresServer.newSchema();
    }
}
