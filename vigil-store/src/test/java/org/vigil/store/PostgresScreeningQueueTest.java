package org.vigil.store;

final class PostgresScreeningQueueTest extends ScreeningQueueContract {

    @Override
    StoreConfig newConfig() {
        return EmbeddedPostgresServer.newSchema();
    }
}
