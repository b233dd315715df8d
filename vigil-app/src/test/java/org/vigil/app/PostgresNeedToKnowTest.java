package org.vigil.app;

final class PostgresNeedToKnowTest extends NeedToKnowContract {

    @Override
    StoreKind store() {
        return StoreKind.POSTGRES;
    }
}
