package org.vigil.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, one database file per test in a temporary folder. */
final class SqliteStoreTest extends StoreContract {

    @TempDir
    Path dir;

    @Override
    StoreConfig newConfig() {
        return StoreConfig.sqlite(dir.resolve("data"));
    }
}
