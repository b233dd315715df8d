package org.vigil.picture;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.StoreConfig;

/** The picture's contract on the embedded SQLite store. */
final class SqlitePictureTest extends PictureContract {

    @TempDir
    Path dir;

    @Override
    StoreConfig newConfig() {
        return StoreConfig.sqlite(dir.resolve("data"));
    }
}
