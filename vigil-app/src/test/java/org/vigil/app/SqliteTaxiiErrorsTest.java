package org.vigil.app;

final class SqliteTaxiiErrorsTest extends TaxiiErrorsContract {

    @Override
    StoreKind store() {
        return StoreKind.SQLITE;
    }
}
