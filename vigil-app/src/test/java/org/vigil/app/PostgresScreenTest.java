package org.vigil.app;

class PostgresScreenTest extends ScreenContract {

    @Override
    StoreKind store() {
        return StoreKind.POSTGRES;
    }
}
