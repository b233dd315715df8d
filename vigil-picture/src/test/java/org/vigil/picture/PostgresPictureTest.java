package org.vigil.picture;

import org.vigil.store.EmbeddedPostgresServer;
import org.vigil.store.StoreConfig;

/** The picture's contract on a real PostgreSQL server. */
final class PostgresPictureTest extends PictureContract {

    @Override
    StoreConfig newConfig() {
        return EmbeddedPostgresServer.newSchema();
    }
}
