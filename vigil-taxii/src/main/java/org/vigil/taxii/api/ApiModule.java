package org.vigil.taxii.api;

/**
 * A part of Vigil that serves operations under {@code /api/v1/} (the picture, alerts, screening, feeds). The HTTP
 * server hands each module the one {@link ApiV1} on start, so that every module shares its conventions.
 */
@FunctionalInterface
public interface ApiModule {

    void install(ApiV1 api);
}
