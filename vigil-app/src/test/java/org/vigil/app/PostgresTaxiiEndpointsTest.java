package org.vigil.app;

final class PostgresTaxiiEndpointsTest extends TaxiiEndpointsContract {

    @Override
    StoreKind store() {
        return StoreKind.POSTGRES;
    }
}
