package org.vigil.app;

final class PostgresTaxiiWritesTest extends TaxiiWritesContract {

    @Override
    StoreKind store() {
        return StoreKind.POSTGRES;
    }
}
