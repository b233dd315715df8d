package org.vigil.taxii.api;

/**
 * One operation of Vigil's API. It returns what the response body should hold (a record, a map, a list or a
 * Jackson node), which is written as JSON with snake_case names; it throws {@link ApiException} to refuse.
 */
@FunctionalInterface
public interface ApiHandler {

    Object handle(ApiCall call) throws Exception;
}
