package org.vigil.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

final class SqliteScreeningQueueTest extends ScreeningQueueContract {

    @TempDir
    Path dir;

    @Override
    StoreConfig newConfig() {
        return StoreConfig.sqlite(dir.resolve("data"));
    }
}
