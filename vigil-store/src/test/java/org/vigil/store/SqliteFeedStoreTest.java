package org.vigil.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

final class SqliteFeedStoreTest extends FeedStoreContract {

    @TempDir
    Path dir;

    @Override
    StoreConfig newConfig() {
        return StoreConfig.sqlite(dir.resolve("data"));
    }
}
