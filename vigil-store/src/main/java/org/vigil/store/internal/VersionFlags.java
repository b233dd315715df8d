package org.vigil.store.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out, for the versions one collection holds of one object, which carry the spec_newest, latest and
 * earliest flags that let the TAXII defaults be served from indexes.
 */
final class VersionFlags {

    private VersionFlags() {
    }

    /** One stored version: its version (microseconds) and spec version. */
    record Version(long version, String specVersion) {
    }

    /** The three flags of one version. */
    record Flags(boolean specNewest, boolean latest, boolean earliest) {
    }

    /** The flags of each version, keyed by version (unique within an object). */
    static Map<Long, Flags> of(List<Version> versions) {
        String newestSpec = null;
        for (Version v : versions) {
            if (newestSpec == null || SpecVersions.compare(v.specVersion(), newestSpec) > 0) {
                newestSpec = v.specVersion();
            }
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Version v : versions) {
            if (SpecVersions.compare(v.specVersion(), newestSpec) == 0) {
                min = Math.min(min, v.version());
                max = Math.max(max, v.version());
            }
        }
        Map<Long, Flags> flags = new HashMap<>();
        for (Version v : versions) {
            boolean newest = SpecVersions.compare(v.specVersion(), newestSpec) == 0;
            flags.put(v.version(), new Flags(newest, newest && v.version() == max, newest && v.version() == min));
        }
        return flags;
    }
}
