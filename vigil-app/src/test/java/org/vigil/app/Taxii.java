package org.vigil.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import org.vigil.stix.StixObject;

/**
 * A raw TAXII 2.1 client over java.net.http for the tests: every request and answer as sent, so that exact
 * status codes, headers and bodies can be asserted. Immutable; {@link #authorization} gives a copy.
 */
final class Taxii {

    static final String MEDIA_TYPE = "application/taxii+json;version=2.1";
    static final String ROOT = "/api1/";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final String authorization;

    private Taxii(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    static Taxii at(URI base) {
        return new Taxii(base, null);
    }

    /** The same client sending this Authorization header. */
    Taxii authorization(String header) {
        return new Taxii(base, header);
    }

    Taxii basic(String user, String password) {
        return authorization("Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    Taxii bearer(String token) {
        return authorization("Bearer " + token);
    }

    // Paths

    static String collections() {
        return ROOT + "collections/";
    }

    static String collection(UUID id) {
        return collections() + id + "/";
    }

    static String objects(UUID collection) {
        return collection(collection) + "objects/";
    }

    static String object(UUID collection, String objectId) {
        return objects(collection) + objectId + "/";
    }

    static String versions(UUID collection, String objectId) {
        return object(collection, objectId) + "versions/";
    }

    static String manifest(UUID collection) {
        return collection(collection) + "manifest/";
    }

    static String status(String statusId) {
        return ROOT + "status/" + statusId + "/";
    }

    // Requests

    /** A request to {@code path?params} (given as name, value, name, value...), accepting TAXII 2.1. */
    HttpRequest.Builder request(String path, String... params) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path + query(params)))
                .timeout(Duration.ofSeconds(60)).header("Accept", MEDIA_TYPE);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    Reply get(String path, String... params) {
        return send(request(path, params).GET());
    }

    Reply delete(String path, String... params) {
        return send(request(path, params).DELETE());
    }

    Reply post(String path, String body) {
        return send(request(path).header("Content-Type", MEDIA_TYPE).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts the objects to a collection in one envelope. */
    Reply add(UUID collection, List<StixObject> objects) {
        return post(objects(collection), envelope(objects));
    }

    Reply add(UUID collection, StixObject... objects) {
        return add(collection, List.of(objects));
    }

    static String envelope(List<StixObject> objects) {
        ObjectNode envelope = JSON.createObjectNode();
        ArrayNode array = envelope.putArray("objects");
        objects.forEach(o -> array.add(o.json()));
        return envelope.toString();
    }

    static Reply send(HttpRequest.Builder request) {
        HttpRequest r = request.build();
        try {
            HttpResponse<String> response = CLIENT.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.method() + " " + r.uri(), response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(r.method() + " " + r.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String query(String... params) {
        if (params.length == 0) {
            return "";
        }
        StringJoiner j = new StringJoiner("&", "?", "");
        for (int i = 0; i < params.length; i += 2) {
            j.add(URLEncoder.encode(params[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return j.toString();
    }

    /** Follows {@code next} from the first page to the last; returns every page. */
    List<Reply> allPages(String path, String... params) {
        List<Reply> pages = new ArrayList<>();
        Reply page = get(path, params);
        pages.add(page);
        while (page.status() == 200 && page.json().path("more").asBoolean()) {
            String[] withNext = Arrays.copyOf(params, params.length + 2);
            withNext[params.length] = "next";
            withNext[params.length + 1] = page.json().path("next").asText();
            page = get(path, withNext);
            pages.add(page);
        }
        return pages;
    }

    /** One answer: what was asked, the status, the headers and the body. */
    record Reply(String request, int status, HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(request + " answered " + status + " with a body that is not JSON: " + body, e);
            }
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The ids of the objects (or manifest rows) in this page, in order. */
        List<String> ids() {
            List<String> ids = new ArrayList<>();
            json().path("objects").forEach(o -> ids.add(o.path("id").asText()));
            return ids;
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + headers.map() + " " + body;
        }
    }
}
