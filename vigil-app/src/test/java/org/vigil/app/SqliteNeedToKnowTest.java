package org.vigil.app;

final class SqliteNeedToKnowTest extends NeedToKnowContract {

    @Override
    StoreKind store() {
        return StoreKind.SQLITE;
    }
}
