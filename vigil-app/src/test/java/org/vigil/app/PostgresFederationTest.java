package org.vigil.app;

final class PostgresFederationTest extends FederationContract {

    @Override
    StoreKind store() {
        return StoreKind.POSTGRES;
    }
}
