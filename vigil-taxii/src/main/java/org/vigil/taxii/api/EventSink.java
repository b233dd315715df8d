package org.vigil.taxii.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Where a Server-Sent Events operation writes: each event is flushed at once; a write fails once the client left. */
public final class EventSink {

    private final OutputStream out;

    EventSink(OutputStream out) {
        this.out = out;
    }

    /** One event with its id (for Last-Event-ID), its type and its data (one line of JSON). */
    public void send(String id, String event, String data) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("id: ").append(id).append('\n');
        b.append("event: ").append(event).append('\n');
        for (String line : data.split("\n", -1)) {
            b.append("data: ").append(line).append('\n');
        }
        write(b.append('\n').toString());
    }

    /** A comment line, which keeps proxies from closing an idle stream and shows whether the client is still there. */
    public void keepAlive() throws IOException {
        write(": keep-alive\n\n");
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
