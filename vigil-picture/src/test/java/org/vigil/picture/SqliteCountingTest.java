package org.vigil.picture;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.StoreConfig;

/** Counting from memory against reading row by row, on SQLite. */
final class SqliteCountingTest extends CountingContract {

    @TempDir
    Path dir;

    @Override
    StoreConfig newConfig() {
        return StoreConfig.sqlite(dir);
    }
}
