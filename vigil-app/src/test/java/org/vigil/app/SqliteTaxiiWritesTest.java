package org.vigil.app;

final class SqliteTaxiiWritesTest extends TaxiiWritesContract {

    @Override
    StoreKind store() {
        return StoreKind.SQLITE;
    }
}
