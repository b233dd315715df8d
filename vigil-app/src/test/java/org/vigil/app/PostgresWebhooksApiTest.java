package org.vigil.app;

class PostgresWebhooksApiTest extends WebhooksApiContract {

    @Override
    StoreKind store() {
        return StoreKind.POSTGRES;
    }
}
