package org.vigil.app;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * How long one GET takes over HTTP as the benches' user, as p50 and p95 of repeated requests after three warm-up
 * ones, printed as one line; a request that does not answer 200 stops the bench, since its timing would mean nothing.
 */
final class HttpLatency {

    private static final int WARM_UP = 3;

    private HttpLatency() {
    }

    static void time(PrintStream out, String label, String url, String user, String password, int runs)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", url.contains("/api/v1/") ? "application/json" : "application/taxii+json;version=2.1")
                .build();
        List<Double> ms = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < runs + WARM_UP; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(label + ": HTTP " + r.statusCode() + " " + r.body());
            }
            size = r.body().length();
            if (i >= WARM_UP) {
                ms.add((System.nanoTime() - t) / 1e6);
            }
        }
        Collections.sort(ms);
        out.printf("%-34s p50 %8.1f ms  p95 %8.1f ms  (%,d bytes)%n", label, ms.get(ms.size() / 2),
                ms.get((int) Math.ceil(ms.size() * 0.95) - 1), size);
    }
}
