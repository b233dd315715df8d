package org.vigil.app;

final class SqliteTaxiiEndpointsTest extends TaxiiEndpointsContract {

    @Override
    StoreKind store() {
        return StoreKind.SQLITE;
    }
}
