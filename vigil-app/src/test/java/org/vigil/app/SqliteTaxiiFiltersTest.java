package org.vigil.app;

final class SqliteTaxiiFiltersTest extends TaxiiFiltersContract {

    @Override
    StoreKind store() {
        return StoreKind.SQLITE;
    }
}
