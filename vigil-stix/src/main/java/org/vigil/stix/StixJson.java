package org.vigil.stix;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The STIX JSON codec: reads and writes STIX objects so that every value, including custom and unknown
 * content, survives a round trip exactly (numbers keep their precision, properties their order).
 */
public final class StixJson {

    /** Deeper than any real STIX content; keeps hostile input from exhausting the stack. */
    public static final int MAX_NESTING_DEPTH = 100;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(100)
                    .maxStringLength(64 * 1024 * 1024)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .addDecorator((factory, generator) -> new DecimalsStayDecimals(generator))
            .build();

    static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private StixJson() {
    }

    /** Parses one STIX object from JSON text. */
    public static StixObject parse(String json) {
        return StixObject.wrap(readObject(json.getBytes(StandardCharsets.UTF_8), "input"));
    }

    /** Parses one STIX object from UTF-8 JSON bytes; {@code source} names the input in error messages. */
    public static StixObject parse(byte[] json, String source) {
        return StixObject.wrap(readObject(json, source));
    }

    /** Parses any JSON value (a TAXII envelope, a bundle header), failing with a located message. */
    public static JsonNode parseTree(InputStream in, String source) {
        try (JsonParser parser = parser(in)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new StixFormatException(source + ": the input is empty; expected a JSON object");
            }
            rejectTrailing(parser, source);
            return node;
        } catch (IOException e) {
            throw StixJson.describe(e, source);
        }
    }

    /** A parser over UTF-8 JSON that refuses strings which are not Unicode text. */
    static JsonParser parser(InputStream in) throws IOException {
        return new UnicodeTextParser(FACTORY.createParser(in));
    }

    /** Writes an object as compact JSON. */
    public static String write(StixObject object) {
        return object.toJson();
    }

    /** A read-only JSON tree for callers that build objects: they get a fresh node to fill. */
    public static ObjectNode newObjectNode() {
        return MAPPER.createObjectNode();
    }

    static String writeTree(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode readObject(byte[] json, String source) {
        if (json.length == 0) {
            throw new StixFormatException(source + ": the input is empty (0 bytes); expected a STIX object in JSON");
        }
        try (JsonParser parser = new UnicodeTextParser(FACTORY.createParser(json))) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || !node.isObject()) {
                throw StixFormatException.notStix(source + ": expected a JSON object, found "
                        + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase()));
            }
            rejectTrailing(parser, source);
            return (ObjectNode) node;
        } catch (IOException e) {
            throw describe(e, source);
        }
    }

    private static void rejectTrailing(JsonParser parser, String source) throws IOException {
        if (parser.nextToken() != null) {
            throw new StixFormatException(source + ":" + parser.currentLocation().getLineNr() + ":"
                    + parser.currentLocation().getColumnNr() + ": unexpected content after the JSON value; "
                    + "a file holds one object or one bundle");
        }
    }

    /** Turns a parser failure into a message a person can act on, with line and column. */
    static StixFormatException describe(IOException e, String source) {
        String where = source;
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            where = source + ":" + jpe.getLocation().getLineNr() + ":" + jpe.getLocation().getColumnNr();
        }
        String what;
        if (e instanceof CharConversionException) {
            what = "the input is not valid UTF-8 (" + firstLine(e.getMessage())
                    + "); STIX JSON must be encoded in UTF-8, so re-encode the file";
        } else if (e instanceof StreamConstraintsException) {
            what = "the input exceeds a safety limit (" + firstLine(e.getMessage())
                    + "); STIX content never nests deeper than " + MAX_NESTING_DEPTH
                    + " levels nor carries numbers that long";
        } else if (e instanceof JsonProcessingException jpe) {
            what = "invalid JSON: " + firstLine(jpe.getOriginalMessage());
        } else {
            what = "could not be read: " + firstLine(e.getMessage());
        }
        return new StixFormatException(where + ": " + what);
    }

    /**
     * A JSON number read with a fraction or exponent is kept as a BigDecimal; when its scale is 0 (1.5e1 is
     * 15 with scale 0) BigDecimal writes it as a plain integer, which reads back as an integer and so changes
     * the value. Writing such a number with an explicit exponent (15E0) keeps it a decimal of the same scale.
     */
    private static final class DecimalsStayDecimals extends JsonGeneratorDelegate {

        DecimalsStayDecimals(JsonGenerator delegate) {
            super(delegate, false);
        }

        @Override
        public void writeNumber(BigDecimal value) throws IOException {
            if (value != null && value.scale() == 0) {
                delegate.writeNumber(value.toString() + "E0");
            } else {
                delegate.writeNumber(value);
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
