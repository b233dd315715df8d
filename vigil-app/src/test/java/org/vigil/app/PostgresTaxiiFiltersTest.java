package org.vigil.app;

final class PostgresTaxiiFiltersTest extends TaxiiFiltersContract {

    @Override
    StoreKind store() {
        return StoreKind.POSTGRES;
    }
}
