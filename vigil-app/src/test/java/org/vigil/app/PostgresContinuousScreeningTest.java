package org.vigil.app;

class PostgresContinuousScreeningTest extends ContinuousScreeningContract {

    @Override
    StoreKind store() {
        return StoreKind.POSTGRES;
    }
}
