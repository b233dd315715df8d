package org.vigil.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.stix.StixObject;
import org.vigil.taxii.internal.MediaTypes;

/**
 * A TAXII 2.1 client for one server: used by federation to pull from partner hubs, by benchmarks, and by
 * tests that drive Vigil as any TAXII client would. Credentials are HTTP Basic or a bearer token.
 */
public final class TaxiiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Logger LOG = LoggerFactory.getLogger(TaxiiClient.class);
    /** The longest wait a Retry-After may impose before the client gives up on the request instead. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final Duration timeout;
    private final int attempts;
    private final Duration firstBackoff;

    private TaxiiClient(URI base, String authorization) {
        // The default proxy selector follows the http(s).proxyHost system properties, and the default SSL context
        // the javax.net.ssl.trustStore ones, so both can be set where a deployment needs them.
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).proxy(ProxySelector.getDefault()).build(),
                base, authorization, Duration.ofMinutes(5), 1, Duration.ZERO);
    }

    private TaxiiClient(HttpClient http, URI base, String authorization, Duration timeout, int attempts,
                        Duration firstBackoff) {
        this.http = http;
        this.base = base;
        this.authorization = authorization;
        this.timeout = timeout;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
    }

    /** This client with a time limit per request (default five minutes). */
    public TaxiiClient withTimeout(Duration perRequest) {
        return new TaxiiClient(http, base, authorization, perRequest, attempts, firstBackoff);
    }

    /**
     * This client trying each request up to {@code maxAttempts} times while the server answers 429 or 5xx or
     * cannot be reached: it waits as a Retry-After header says, else {@code firstBackoff} doubled at each try.
     */
    public TaxiiClient withRetries(int maxAttempts, Duration firstBackoff) {
        return new TaxiiClient(http, base, authorization, timeout, Math.max(1, maxAttempts), firstBackoff);
    }

    /** A client for the server at {@code base} (e.g. http://127.0.0.1:8080/), logging in with user and password. */
    public static TaxiiClient basic(URI base, String user, String password) {
        String pair = user + ":" + password;
        return new TaxiiClient(base, "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** A client that presents an API token. */
    public static TaxiiClient bearer(URI base, String token) {
        return new TaxiiClient(base, "Bearer " + token);
    }

    /** A client without credentials, for public collections. */
    public static TaxiiClient anonymous(URI base) {
        return new TaxiiClient(base, null);
    }

    /** A response: status, the headers a TAXII client reads, and the JSON body (null when empty). */
    public record Response(int status, JsonNode body, Map<String, String> headers) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** The body, when the status is the expected one; otherwise an exception with the TAXII error text. */
        public JsonNode expect(int expected) {
            if (status != expected) {
                throw new TaxiiClientException(status, body);
            }
            return body;
        }
    }

    /** A TAXII server answered with an error. */
    public static final class TaxiiClientException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        TaxiiClientException(int status, JsonNode body) {
            super("HTTP " + status + ": " + (body == null ? "(no body)"
                    : body.path("title").asText("") + " " + body.path("description").asText("")), null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response get(String path, Map<String, String> query) {
        return get(path + encode(query));
    }

    public Response delete(String path, Map<String, String> query) {
        return send(request(path + encode(query)).DELETE().build());
    }

    /** Posts objects to a collection's objects endpoint as one envelope. */
    public Response add(String objectsPath, List<StixObject> objects) {
        StringJoiner envelope = new StringJoiner(",", "{\"objects\":[", "]}");
        for (StixObject o : objects) {
            envelope.add(o.toJson());
        }
        return post(objectsPath, envelope.toString());
    }

    /** Posts a raw body with the TAXII 2.1 content type. */
    public Response post(String path, String body) {
        return send(request(path).header("Content-Type", MediaTypes.TAXII)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", MediaTypes.TAXII);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private Response send(HttpRequest request) {
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= attempts;
            Response r;
            try {
                r = sendOnce(request);
            } catch (UncheckedIOException e) {
                if (last) {
                    throw e;
                }
                LOG.warn("{}; trying again in {} ms (attempt {} of {})", e.getMessage(), backoff.toMillis(), attempt,
                        attempts);
                pause(backoff);
                backoff = backoff.multipliedBy(2);
                continue;
            }
            if (last || !(r.status() == 429 || r.status() >= 500)) {
                return r;
            }
            Duration wait = retryAfter(r.header("Retry-After")).orElse(backoff);
            if (wait.compareTo(MAX_RETRY_AFTER) > 0) {
                return r;
            }
            LOG.warn("{} {} answered {}; trying again in {} ms (attempt {} of {})", request.method(), request.uri(),
                    r.status(), wait.toMillis(), attempt, attempts);
            pause(wait);
            backoff = backoff.multipliedBy(2);
        }
    }

    /** A Retry-After value: delay seconds or an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(Instant.now(), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException neither) {
                return Optional.empty();
            }
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    private Response sendOnce(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            JsonNode body = r.body().length == 0 ? null : JSON.readTree(r.body());
            return new Response(r.statusCode(), body, headers);
        } catch (IOException e) {
            // A refused connection has no message of its own; its class says what happened.
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + why, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    static String encode(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }
}
