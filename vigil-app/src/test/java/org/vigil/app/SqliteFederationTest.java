package org.vigil.app;

final class SqliteFederationTest extends FederationContract {

    @Override
    StoreKind store() {
        return StoreKind.SQLITE;
    }
}
