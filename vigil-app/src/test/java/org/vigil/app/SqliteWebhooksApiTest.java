package org.vigil.app;

class SqliteWebhooksApiTest extends WebhooksApiContract {

    @Override
    StoreKind store() {
        return StoreKind.SQLITE;
    }
}
