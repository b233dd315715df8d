package org.vigil.store.internal;

import org.vigil.stix.Tlp;

/**
 * The numbers TLP levels are stored as, least to most restrictive, so policy can compare them in SQL. Spelled
 * out rather than taken from enum ordinals, which would silently renumber stored data if the enum changed.
 */
final class TlpCode {

    private TlpCode() {
    }

    static int of(Tlp level) {
        return switch (level) {
            case CLEAR -> 0;
            case GREEN -> 1;
            case AMBER -> 2;
            case AMBER_STRICT -> 3;
            case RED -> 4;
        };
    }

    static Tlp level(int code) {
        return switch (code) {
            case 0 -> Tlp.CLEAR;
            case 1 -> Tlp.GREEN;
            case 2 -> Tlp.AMBER;
            case 3 -> Tlp.AMBER_STRICT;
            case 4 -> Tlp.RED;
            default -> throw new IllegalStateException("stored TLP code " + code + " is not 0 to 4");
        };
    }
}
