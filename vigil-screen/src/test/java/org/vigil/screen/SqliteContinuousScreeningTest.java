package org.vigil.screen;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.StoreConfig;

class SqliteContinuousScreeningTest extends ContinuousScreeningContract {

    @TempDir
    Path dir;

    @Override
    StoreConfig config() {
        return StoreConfig.sqlite(dir);
    }
}
