package org.vigil.app;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
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
 * ones, with the process's CPU time per request, printed as one line; a request that does not answer 200 stops the bench, since its timing would mean nothing.
 */
final class HttpLatency {

    private static final int WARM_UP = 3;

    private HttpLatency() {
    }

    static void time(PrintStream out, String label, String url, String user, String password, int runs)
            throws Exception {
        time(out, label, url, user, password, runs, () -> { });
    }

    /** As {@link #time(PrintStream, String, String, String, String, int)}, doing something untimed before each request. */
    static void time(PrintStream out, String label, String url, String user, String password, int runs,
                     Runnable beforeEach) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", url.contains("/api/v1/") ? "application/json" : "application/taxii+json;version=2.1")
                .build();
        List<Double> ms = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < runs + WARM_UP; i++) {
            beforeEach.run();
            long t = System.nanoTime();
            long c = processCpu();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(label + ": HTTP " + r.statusCode() + " " + r.body());
            }
            size = r.body().length();
            if (i >= WARM_UP) {
                ms.add((System.nanoTime() - t) / 1e6);
                cpu.add((processCpu() - c) / 1e6);
            }
        }
        Collections.sort(ms);
        Collections.sort(cpu);
        out.printf("%-34s p50 %8.1f ms  p95 %8.1f ms  CPU p50 %7.1f ms  (%,d bytes)%n", label, ms.get(ms.size() / 2),
                ms.get((int) Math.ceil(ms.size() * 0.95) - 1), cpu.get(cpu.size() / 2), size);
    }

    /**
     * CPU time of the whole process (client, server and the collector), in nanoseconds: on a shared machine it says
     * what a request costs when wall-clock time mostly says how busy the machine was.
     */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
