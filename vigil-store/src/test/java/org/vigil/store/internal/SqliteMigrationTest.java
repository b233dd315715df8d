package org.vigil.store.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.StoreConfig;

/** Schema migrations on SQLite. */
final class SqliteMigrationTest extends MigrationContract {

    @TempDir
    Path dir;

    @Override
    StoreConfig newConfig() {
        return StoreConfig.sqlite(dir);
    }
}
