package org.vigil.taxii.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.vigil.store.Status;

/** Writes TAXII resources as JSON, streaming large ones straight to the response. */
public final class JsonOut {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private JsonOut() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static JsonGenerator generator(OutputStream out) {
        try {
            return FACTORY.createGenerator(out, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TAXII error message. */
    public static ObjectNode error(int status, String title, String description) {
        ObjectNode e = object();
        e.put("title", title);
        if (description != null) {
            e.put("description", description);
        }
        e.put("http_status", Integer.toString(status));
        return e;
    }

    /** A TAXII status resource. */
    public static ObjectNode status(Status s) {
        ObjectNode o = object();
        o.put("id", s.id().toString());
        o.put("status", s.state().name().toLowerCase());
        o.put("request_timestamp", s.requestTimestamp());
        o.put("total_count", s.totalCount());
        o.put("success_count", s.successCount());
        o.put("failure_count", s.failureCount());
        o.put("pending_count", s.pendingCount());
        details(o, "successes", s.successes());
        details(o, "failures", s.failures());
        details(o, "pendings", s.pendings());
        return o;
    }

    private static void details(ObjectNode o, String name, List<Status.Detail> details) {
        if (details.isEmpty()) {
            return;
        }
        var array = o.putArray(name);
        for (Status.Detail d : details) {
            ObjectNode item = array.addObject();
            item.put("id", d.id());
            if (d.version() != null) {
                item.put("version", d.version());
            }
            if (d.message() != null) {
                item.put("message", d.message());
            }
        }
    }
}
