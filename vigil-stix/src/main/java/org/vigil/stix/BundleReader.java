package org.vigil.stix;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads STIX objects one at a time from a bundle, a TAXII envelope or a single object, so that a bundle of
 * any size needs only as much memory as its largest object.
 */
public final class BundleReader implements Closeable {

    private final JsonParser parser;
    private final String source;
    private final ObjectNode header = StixJson.newObjectNode();
    private final List<Finding> problems = new ArrayList<>();
    private boolean inObjects;
    private boolean finished;
    private boolean sawObjects;
    private int index = -1;
    private int line;
    private int firstLine;

    private BundleReader(JsonParser parser, String source) {
        this.parser = parser;
        this.source = source;
    }

    /** Opens a reader; {@code source} names the input in messages (a file name, say). */
    public static BundleReader open(InputStream in, String source) {
        try {
            BundleReader reader = new BundleReader(StixJson.parser(in), source);
            reader.start();
            return reader;
        } catch (IOException e) {
            throw StixJson.describe(e, source);
        }
    }

    private void start() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new StixFormatException(source + ": the input is empty; expected a STIX bundle or object");
        }
        if (first != JsonToken.START_OBJECT) {
            throw StixFormatException.notStix(source + ": expected a JSON object (a STIX bundle or object), found "
                    + describe(first));
        }
        firstLine = parser.currentTokenLocation().getLineNr();
    }

    /** The next object, or null when there are no more. */
    public StixObject next() {
        try {
            while (!finished) {
                StixObject next = inObjects ? nextInArray() : nextField();
                if (next != null) {
                    return next;
                }
            }
            return null;
        } catch (IOException e) {
            throw StixJson.describe(e, source);
        }
    }

    private StixObject nextInArray() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_ARRAY) {
            inObjects = false;
            line = 0;
            return null;
        }
        index++;
        line = parser.currentTokenLocation().getLineNr();
        JsonNode node = StixJson.MAPPER.readTree(parser);
        if (node instanceof ObjectNode object) {
            return StixObject.wrap(object);
        }
        problems.add(new Finding(Severity.ERROR, "bundle-item-not-object", header.path("id").asText(null),
                "/objects/" + index, "item " + index + " of objects is " + describe(t)
                + ", not a JSON object; every item of a bundle's objects must be a STIX object"));
        return null;
    }

    private StixObject nextField() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_OBJECT) {
            finish();
            if (isBundle()) {
                return null;
            }
            if (!header.has("type")) {
                throw StixFormatException.notStix(source + ": this JSON is not STIX: the top-level object has neither "
                        + "a type (a STIX object) nor an objects list (a bundle or TAXII envelope)");
            }
            line = firstLine;
            return StixObject.wrap(header);
        }
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("objects") && value == JsonToken.START_ARRAY && isContainer()) {
            inObjects = true;
            sawObjects = true;
            return null;
        }
        header.set(name, StixJson.MAPPER.readTree(parser));
        return null;
    }

    private void finish() throws IOException {
        finished = true;
        if (parser.nextToken() != null) {
            throw new StixFormatException(source + ":" + parser.currentLocation().getLineNr()
                    + ": unexpected content after the end of the top-level JSON object");
        }
    }

    /** A bundle, or a TAXII envelope (no type): its objects are streamed rather than kept in the header. */
    private boolean isContainer() {
        JsonNode type = header.get("type");
        return type == null || "bundle".equals(type.asText());
    }

    /** The top level's own properties (a bundle's type and id); complete once {@link #next()} returned null. */
    public ObjectNode header() {
        return header.deepCopy();
    }

    /**
     * The line on which the object that {@link #next()} returned last begins, so that a finding can say where
     * to look; 0 when that is unknown, as for the findings about the container made after its last object.
     */
    public int line() {
        return line;
    }

    /** Whether the input was a bundle or envelope rather than a single object. */
    public boolean isBundle() {
        return sawObjects || "bundle".equals(header.path("type").asText(null));
    }

    /** Problems with the container itself, such as an item of objects that is not an object. */
    public List<Finding> problems() {
        return List.copyOf(problems);
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw StixJson.describe(e, source);
        }
    }
}
