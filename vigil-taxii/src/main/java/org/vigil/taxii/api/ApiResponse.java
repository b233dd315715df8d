package org.vigil.taxii.api;

/**
 * A response with a status other than 200 (201 for something created, 202 for something queued).
 *
 * @param status the HTTP status
 * @param body what the JSON body holds
 */
public record ApiResponse(int status, Object body) {

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body);
    }
}
