package org.vigil.app;

class SqliteContinuousScreeningTest extends ContinuousScreeningContract {

    @Override
    StoreKind store() {
        return StoreKind.SQLITE;
    }
}
