package org.vigil.store;

final class PostgresFeedStoreTest extends FeedStoreContract {

    @Override
    StoreConfig newConfig() {
        return EmbeddedPostgresServer.newSchema();
    }
}
