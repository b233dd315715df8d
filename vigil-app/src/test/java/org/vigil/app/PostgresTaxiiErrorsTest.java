package org.vigil.app;

final class PostgresTaxiiErrorsTest extends TaxiiErrorsContract {

    @Override
    StoreKind store() {
        return StoreKind.POSTGRES;
    }
}
