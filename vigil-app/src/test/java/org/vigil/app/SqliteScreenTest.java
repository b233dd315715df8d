package org.vigil.app;

class SqliteScreenTest extends ScreenContract {

    @Override
    StoreKind store() {
        return StoreKind.SQLITE;
    }
}
