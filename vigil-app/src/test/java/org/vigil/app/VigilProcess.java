package org.vigil.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code vigil serve} in a child JVM on the test class path, as an operator runs it: started on a free port,
 * whose URL it reads from the start-up log line, and stopped as {@code kill -9} stops it.
 */
final class VigilProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("serving TAXII 2\\.1 at (https?://[^/\\s]+)/taxii2/");

    private final Process process;
    private final URI base;
    private final StringBuffer output;

    private VigilProcess(Process process, URI base, StringBuffer output) {
        this.process = process;
        this.base = base;
        this.output = output;
    }

    /** Runs {@code vigil serve --data DIR --port 0} and waits until it says where it serves. */
    static VigilProcess serve(Path data) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classPath(), Vigil.class.getName(), "serve", "--data", data.toString(),
                "--port", "0")
                .redirectErrorStream(true)
                .start();
        StringBuffer output = new StringBuffer();
        BlockingQueue<String> urls = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.append(line).append('\n');
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        urls.add(m.group(1));
                    }
                }
            } catch (IOException e) {
                output.append("reading the server's output failed: ").append(e).append('\n');
            }
        }, "vigil-serve-output");
        reader.setDaemon(true);
        reader.start();
        String url = urls.poll(90, TimeUnit.SECONDS);
        if (url == null) {
            p.destroyForcibly();
            throw new AssertionError("vigil serve did not start; its output:\n" + output);
        }
        return new VigilProcess(p, URI.create(url), output);
    }

    URI base() {
        return base;
    }

    String output() {
        return output.toString();
    }

    /** kill -9: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("vigil serve did not die");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** Surefire names the test class path in a property of its own; plain runs have it in java.class.path. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
