package org.vigil.stix;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The codec keeps every STIX object exactly: parsing what was serialized gives the same object, serializing
 * again gives the same bytes, and the objects generated here (valid by construction) pass the validator. The
 * generators reach for what breaks codecs: unicode beyond the BMP, characters JSON must escape, integers
 * beyond 64 bits, decimals whose trailing zeros matter, exponents, nested custom content and unknown
 * extensions.
 *
 * <p>Strings never hold unpaired surrogates: those cannot be encoded as the UTF-8 that STIX requires.
 */
class RoundTripPropertiesTest {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final long YEAR_1990 = 631_152_000L * 1_000_000;
    private static final long YEAR_2100 = 4_102_444_800L * 1_000_000;

    // ---- properties ----

    @Property(tries = 300)
    void parsingTheSerializedFormGivesBackTheSameObject(@ForAll("stixObjects") StixObject object) {
        StixObject back = StixJson.parse(StixJson.write(object));
        assertEquals(object, back);
        assertEquals(object.hashCode(), back.hashCode());
        assertEquals(object.propertyNames(), back.propertyNames());
    }

    @Property(tries = 300)
    void serializingAfterARoundTripGivesTheSameBytes(@ForAll("stixObjects") StixObject object) {
        byte[] once = StixJson.write(object).getBytes(UTF_8);
        byte[] twice = StixJson.write(StixJson.parse(once, "round trip")).getBytes(UTF_8);
        assertArrayEquals(once, twice, () -> new String(once, UTF_8) + "\n" + new String(twice, UTF_8));
    }

    @Property(tries = 300)
    void generatedObjectsHaveNoValidatorErrors(@ForAll("stixObjects") StixObject object) {
        List<Finding> errors = Validator.standard().validate(object).stream().filter(Finding::isError).toList();
        assertTrue(errors.isEmpty(), () -> object.toJson() + "\n" + errors);
    }

    @Property(tries = 200)
    void anyJsonValueSurvivesInACustomProperty(@ForAll("jsonValues") JsonNode value) {
        StixObject object = Example.of("campaign").object().with("x_acme_payload", value);
        StixObject back = StixJson.parse(StixJson.write(object));
        assertEquals(value, back.property("x_acme_payload").orElseThrow());
    }

    // ---- examples worth naming ----

    @net.jqwik.api.Example
    void aDecimalKeepsItsTrailingZero() {
        assertRoundTrip("1.50", "1.50");
    }

    @net.jqwik.api.Example
    void aSmallDecimalInExponentFormKeepsItsValueAndScale() {
        JsonNode back = assertRoundTrip("1e-7", "1E-7");
        assertEquals(new BigDecimal("1E-7"), back.decimalValue());
        assertEquals(7, back.decimalValue().scale());
    }

    @net.jqwik.api.Example
    void aFloatWhoseExponentCancelsItsFractionStaysAFloat() {
        JsonNode back = assertRoundTrip("1.5e1", "15E0");
        assertTrue(back.isBigDecimal(), back.getNodeType()::toString);
        assertRoundTrip("1e0", "1E0");
    }

    @net.jqwik.api.Example
    void anIntegerStaysAnInteger() {
        assertTrue(assertRoundTrip("15", "15").isIntegralNumber());
    }

    @net.jqwik.api.Example
    void anIntegerBeyondSixtyFourBitsKeepsEveryDigit() {
        assertRoundTrip("123456789012345678901234567890123", "123456789012345678901234567890123");
    }

    @net.jqwik.api.Example
    void aDecimalWithMoreDigitsThanADoubleKeepsEveryDigit() {
        assertRoundTrip("0.1000000000000000000000000000001", "0.1000000000000000000000000000001");
    }

    @net.jqwik.api.Example
    void charactersJsonMustEscapeAreEscapedAndRestored() {
        String text = "quote \" backslash \\ tab \t newline \n nul \u0000 line-separator \u2028 emoji \uD83D\uDE00";
        StixObject object = Example.of("campaign").with("description", text).object();
        String json = StixJson.write(object);
        assertTrue(json.contains("\\\"") && json.contains("\\\\") && json.contains("\\t") && json.contains("\\n")
                && json.contains("\\u0000"), json);
        assertEquals(text, StixJson.parse(json).text("description"));
    }

    private static JsonNode assertRoundTrip(String literal, String written) {
        StixObject object = StixJson.parse("{\"type\": \"campaign\", \"x_acme_n\": " + literal + "}");
        String json = StixJson.write(object);
        assertTrue(json.endsWith("\"x_acme_n\":" + written + "}"), json);
        StixObject back = StixJson.parse(json);
        assertEquals(object, back);
        assertEquals(json, StixJson.write(back));
        return back.property("x_acme_n").orElseThrow();
    }

    // ---- generators: objects ----

    @Provide
    Arbitrary<StixObject> stixObjects() {
        Arbitrary<ObjectNode> bases = Arbitraries.oneOf(List.of(indicators(), malware(), identities(), notes(),
                campaigns(), relationships(), sightings(), locations(), observedData(), customObjects()));
        return Combinators.combine(bases, decorations()).as((base, decorate) -> {
            ObjectNode json = base.deepCopy();
            decorate.accept(json);
            return StixObject.of(json);
        });
    }

    private Arbitrary<ObjectNode> common(String type) {
        return Combinators.combine(ids(type), versions()).as((id, v) -> {
            ObjectNode o = StixJson.newObjectNode();
            o.put("type", type);
            o.put("spec_version", "2.1");
            o.put("id", id);
            o.put("created", v.get1());
            o.put("modified", v.get2());
            return o;
        });
    }

    private Arbitrary<ObjectNode> indicators() {
        Arbitrary<String> patterns = Arbitraries.of("[ipv4-addr:value = '198.51.100.7']",
                "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
                "[url:value = 'https://tickets.example/login' AND url:value != 'https://example.com']");
        return Combinators.combine(common("indicator"), text().optional(), vocabulary("indicator-type-ov"),
                patterns, period(1)).as((base, name, types, pattern, validity) -> copy(base, o -> {
                    name.ifPresent(n -> o.put("name", n));
                    o.set("indicator_types", types);
                    o.put("pattern", pattern);
                    o.put("pattern_type", "stix");
                    o.put("valid_from", validity.get1());
                    validity.get2().ifPresent(until -> o.put("valid_until", until));
                }));
    }

    private Arbitrary<ObjectNode> malware() {
        return Combinators.combine(common("malware"), text(), Arbitraries.of(true, false),
                vocabulary("malware-type-ov"), period(0)).as((base, name, family, types, seen) -> copy(base, o -> {
                    o.put("name", name);
                    o.put("is_family", family);
                    o.set("malware_types", types);
                    o.put("first_seen", seen.get1());
                    seen.get2().ifPresent(last -> o.put("last_seen", last));
                }));
    }

    private Arbitrary<ObjectNode> identities() {
        Arbitrary<String> classes = Arbitraries.of(List.copyOf(TypeTable.standard().vocabulary("identity-class-ov")));
        return Combinators.combine(common("identity"), text(), classes, vocabulary("industry-sector-ov").optional(),
                text().optional()).as((base, name, identityClass, sectors, contact) -> copy(base, o -> {
                    o.put("name", name);
                    o.put("identity_class", identityClass);
                    sectors.ifPresent(s -> o.set("sectors", s));
                    contact.ifPresent(c -> o.put("contact_information", c));
                }));
    }

    private Arbitrary<ObjectNode> notes() {
        Arbitrary<String> anyIds = Arbitraries.oneOf(ids("indicator"), ids("campaign"), ids("ipv4-addr"),
                ids("relationship"), ids("x-acme-ticket"));
        return Combinators.combine(common("note"), text(), text().optional(), anyIds.list().ofMinSize(1).ofMaxSize(4),
                text().list().ofMinSize(1).ofMaxSize(3).optional()).as((base, content, summary, refs, authors) ->
                copy(base, o -> {
                    summary.ifPresent(s -> o.put("abstract", s));
                    o.put("content", content);
                    authors.ifPresent(a -> o.set("authors", strings(a)));
                    o.set("object_refs", strings(refs));
                }));
    }

    private Arbitrary<ObjectNode> campaigns() {
        return Combinators.combine(common("campaign"), text(), text().optional(), period(0).optional(),
                text().list().ofMinSize(1).ofMaxSize(3).optional()).as((base, name, description, seen, aliases) ->
                copy(base, o -> {
                    o.put("name", name);
                    description.ifPresent(d -> o.put("description", d));
                    aliases.ifPresent(a -> o.set("aliases", strings(a)));
                    seen.ifPresent(s -> {
                        o.put("first_seen", s.get1());
                        s.get2().ifPresent(last -> o.put("last_seen", last));
                    });
                }));
    }

    private Arbitrary<ObjectNode> relationships() {
        Arbitrary<String> sdoIds = Arbitraries.oneOf(ids("threat-actor"), ids("malware"), ids("campaign"),
                ids("ipv4-addr"), ids("x-acme-ticket"));
        Arbitrary<String> kinds = Arbitraries.of("uses", "targets", "indicates", "related-to", "attributed-to",
                "x-acme-resold-by");
        return Combinators.combine(common("relationship"), kinds, sdoIds, sdoIds, period(1).optional())
                .as((base, kind, source, target, time) -> copy(base, o -> {
                    o.put("relationship_type", kind);
                    o.put("source_ref", source);
                    o.put("target_ref", target);
                    time.ifPresent(t -> {
                        o.put("start_time", t.get1());
                        t.get2().ifPresent(stop -> o.put("stop_time", stop));
                    });
                }));
    }

    private Arbitrary<ObjectNode> sightings() {
        Arbitrary<String> places = Arbitraries.oneOf(ids("identity"), ids("location"));
        return Combinators.combine(common("sighting"), ids("indicator"),
                Arbitraries.integers().between(0, 999_999_999).optional(), places.list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(true, false).optional(), period(0).optional())
                .as((base, of, count, where, summary, seen) -> copy(base, o -> {
                    seen.ifPresent(s -> {
                        o.put("first_seen", s.get1());
                        s.get2().ifPresent(last -> o.put("last_seen", last));
                    });
                    count.ifPresent(c -> o.put("count", c));
                    o.put("sighting_of_ref", of);
                    o.set("where_sighted_refs", strings(where));
                    summary.ifPresent(s -> o.put("summary", s));
                }));
    }

    private Arbitrary<ObjectNode> locations() {
        Arbitrary<JsonNode> latitudes = Arbitraries.bigDecimals()
                .between(BigDecimal.valueOf(-90), BigDecimal.valueOf(90)).ofScale(6)
                .map(d -> number(d.toPlainString()));
        Arbitrary<JsonNode> longitudes = Arbitraries.bigDecimals()
                .between(BigDecimal.valueOf(-180), BigDecimal.valueOf(180)).ofScale(4).map(d -> number(d.toString()));
        Arbitrary<String> regions = Arbitraries.of(List.copyOf(TypeTable.standard().vocabulary("region-ov")));
        return Combinators.combine(common("location"), latitudes, longitudes, regions.optional(), text().optional())
                .as((base, lat, lon, region, city) -> copy(base, o -> {
                    o.set("latitude", lat);
                    o.set("longitude", lon);
                    region.ifPresent(r -> o.put("region", r));
                    city.ifPresent(c -> o.put("city", c));
                }));
    }

    private Arbitrary<ObjectNode> observedData() {
        Arbitrary<String> scoIds = Arbitraries.oneOf(ids("ipv4-addr"), ids("domain-name"), ids("file"));
        Arbitrary<String> refIds = Arbitraries.oneOf(scoIds, ids("relationship"), ids("sighting"));
        // object_refs must hold at least one SCO; the others may be SCOs or SROs
        return Combinators.combine(common("observed-data"), period(0), Arbitraries.integers().between(1, 999_999_999),
                scoIds, refIds.list().ofMaxSize(3)).as((base, window, number, sco, others) -> copy(base, o -> {
                    o.put("first_observed", window.get1());
                    o.put("last_observed", window.get2().orElse(window.get1()));
                    o.put("number_observed", number);
                    List<String> refs = new ArrayList<>(others);
                    refs.add(0, sco);
                    o.set("object_refs", strings(refs));
                }));
    }

    /** A custom SDO declared by a new-sdo extension, with content of its own. */
    private Arbitrary<ObjectNode> customObjects() {
        return Combinators.combine(common("x-acme-ticket"), ids("extension-definition"), text(),
                Arbitraries.maps(propertyNames(), jsonValues()).ofMaxSize(4)).as((base, ext, name, props) ->
                copy(base, o -> {
                    o.put("name", name);
                    props.forEach(o::set);
                    o.putObject("extensions").putObject(ext).put("extension_type", "new-sdo");
                }));
    }

    /** Common optional properties, custom properties and extensions that any SDO or SRO may carry. */
    private Arbitrary<Consumer<ObjectNode>> decorations() {
        Arbitrary<List<String>> labels = text().list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Integer> confidence = Arbitraries.integers().between(0, 100);
        Arbitrary<String> lang = Arbitraries.of("en", "de", "fr-CH", "ja");
        Arbitrary<ObjectNode> reference = Combinators.combine(text(), text(), Arbitraries.of("capec", "cve", "acme"))
                .as((source, description, kind) -> {
                    ObjectNode r = StixJson.newObjectNode();
                    switch (kind) {
                        case "capec" -> r.put("source_name", "capec").put("external_id", "CAPEC-" + source.length());
                        case "cve" -> r.put("source_name", "cve")
                                .put("external_id", "CVE-2024-" + (1000 + source.length()));
                        default -> r.put("source_name", source).put("description", description);
                    }
                    return r;
                });
        Arbitrary<Map<String, JsonNode>> custom = Arbitraries.maps(propertyNames(), jsonValues()).ofMaxSize(3);
        Arbitrary<ObjectNode> extension = Combinators.combine(ids("extension-definition"),
                Arbitraries.of("property-extension", "toplevel-property-extension"),
                Arbitraries.maps(text(), jsonValues()).ofMaxSize(3)).as((key, kind, content) -> {
                    ObjectNode extensions = StixJson.newObjectNode();
                    ObjectNode ext = extensions.putObject(key);
                    ext.put("extension_type", kind);
                    content.forEach((k, v) -> {
                        if (!k.equals("extension_type")) {
                            ext.set(k, v);
                        }
                    });
                    return extensions;
                });
        return Combinators.combine(labels.optional(), confidence.optional(), lang.optional(), reference.optional(),
                custom, extension.optional()).as((l, c, g, r, props, ext) -> o -> {
                    l.ifPresent(v -> o.set("labels", strings(v)));
                    c.ifPresent(v -> o.put("confidence", v));
                    g.ifPresent(v -> o.put("lang", v));
                    r.ifPresent(v -> o.putArray("external_references").add(v));
                    props.forEach(o::set);
                    ext.ifPresent(v -> {
                        if (o.has("extensions")) {
                            ((ObjectNode) o.get("extensions")).setAll(v);
                        } else {
                            o.set("extensions", v);
                        }
                    });
                });
    }

    // ---- generators: values ----

    /** Text of any Unicode scalar values, weighted towards those that JSON escapes or that need two chars. */
    private Arbitrary<String> text() {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(2, Arbitraries.integers().between(0x00, 0x1f)),
                Tuple.of(2, Arbitraries.of((int) '"', (int) '\\', (int) '/', 0x7f, 0x2028, 0x2029, 0xfeff)),
                Tuple.of(2, Arbitraries.integers().between(0xa0, 0xd7ff)),
                Tuple.of(1, Arbitraries.integers().between(0xe000, 0xfffd)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10ffff)));
        return codePoints.list().ofMaxSize(24)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    }

    /** Numbers as a parser reads them: ints, longs, big integers, decimals with scale, exponents. */
    private Arbitrary<JsonNode> numbers() {
        Arbitrary<String> bigIntegers = Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40)).map(BigInteger::toString);
        Arbitrary<String> decimals = Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 12))
                .as((unscaled, scale) -> BigDecimal.valueOf(unscaled, scale).toPlainString());
        Arbitrary<String> exponents = Combinators.combine(Arbitraries.integers().between(1, 99_999),
                Arbitraries.integers().between(0, 4), Arbitraries.of("e", "E", "e+", "E-", "e-"),
                Arbitraries.integers().between(0, 400)).as((digits, point, e, exp) -> {
                    String mantissa = Integer.toString(digits);
                    if (point > 0 && point < mantissa.length()) {
                        mantissa = mantissa.substring(0, point) + "." + mantissa.substring(point);
                    }
                    return mantissa + e + exp;
                });
        Arbitrary<String> literal = Arbitraries.oneOf(List.of(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                bigIntegers, decimals, exponents,
                Arbitraries.of("1.50", "1e-7", "0.0", "-0.0", "1E+2", "6.02214076e23", "-1.5e-300", "1e400")));
        return literal.map(RoundTripPropertiesTest::number);
    }

    @Provide
    Arbitrary<JsonNode> jsonValues() {
        return json(3);
    }

    /** JSON without nulls and without empty lists, which STIX forbids in property values. */
    private Arbitrary<JsonNode> json(int depth) {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(List.of(text().map(TextNode::valueOf), numbers(),
                Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE)));
        if (depth == 0) {
            return leaves;
        }
        Arbitrary<JsonNode> lists = json(depth - 1).list().ofMinSize(1).ofMaxSize(3).map(items -> {
            ArrayNode a = StixJson.newObjectNode().arrayNode();
            items.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> objects = Arbitraries.maps(text(), json(depth - 1)).ofMinSize(1).ofMaxSize(3).map(m -> {
            ObjectNode o = StixJson.newObjectNode();
            m.forEach(o::set);
            return o;
        });
        return Arbitraries.frequencyOf(Tuple.of(4, leaves), Tuple.of(1, lists), Tuple.of(1, objects));
    }

    /** Custom property names: x_ and lowercase letters, digits and underscores, never a *_ref(s) name. */
    private Arbitrary<String> propertyNames() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('_')
                .ofMinLength(1).ofMaxLength(20).map(s -> "x_" + s)
                .filter(s -> !s.endsWith("_ref") && !s.endsWith("_refs"));
    }

    /** Values of an open vocabulary, as a non-empty list. */
    private Arbitrary<JsonNode> vocabulary(String name) {
        return Arbitraries.of(List.copyOf(TypeTable.standard().vocabulary(name))).list().uniqueElements()
                .ofMinSize(1).ofMaxSize(3).map(RoundTripPropertiesTest::strings);
    }

    private Arbitrary<String> ids(String type) {
        return Arbitraries.longs().tuple2().map(t -> {
            long msb = (t.get1() & ~0xF000L) | 0x4000L;
            long lsb = (t.get2() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
            return type + "--" + new UUID(msb, lsb);
        });
    }

    /** created and modified: millisecond precision or finer, modified never earlier. */
    private Arbitrary<Tuple.Tuple2<String, String>> versions() {
        return Combinators.combine(Arbitraries.longs().between(YEAR_1990, YEAR_2100),
                Arbitraries.integers().between(3, 6), Arbitraries.longs().between(0, 10L * 365 * 86_400_000_000L),
                Arbitraries.integers().between(3, 6)).as((created, p1, delta, p2) -> {
                    long c = roundUp(created, p1);
                    return Tuple.of(timestamp(c, p1), timestamp(roundUp(c + delta, p2), p2));
                });
    }

    /**
     * A start and, maybe, an end no earlier than it (at least {@code minSeconds} later); precision 0 to 6
     * fractional digits, as plain timestamps allow.
     */
    private Arbitrary<Tuple.Tuple2<String, Optional<String>>> period(int minSeconds) {
        return Combinators.combine(Arbitraries.longs().between(YEAR_1990, YEAR_2100),
                Arbitraries.integers().between(0, 6), Arbitraries.longs().between(minSeconds * 1_000_000L,
                        400L * 86_400_000_000L).optional(), Arbitraries.integers().between(0, 6))
                .as((start, p1, length, p2) -> {
                    long s = roundUp(start, p1);
                    return Tuple.of(timestamp(s, p1), length.map(l -> timestamp(roundUp(s + l, p2), p2)));
                });
    }

    // ---- helpers ----

    private static long roundUp(long micros, int digits) {
        long unit = BigInteger.TEN.pow(6 - digits).longValueExact();
        return Math.floorDiv(micros + unit - 1, unit) * unit;
    }

    /** A timestamp of {@code micros} since the epoch, written with {@code digits} fractional digits. */
    private static String timestamp(long micros, int digits) {
        String seconds = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000), 0, ZoneOffset.UTC)
                .format(SECONDS);
        if (digits == 0) {
            return seconds + "Z";
        }
        return seconds + "." + String.format("%06d", Math.floorMod(micros, 1_000_000)).substring(0, digits) + "Z";
    }

    private static JsonNode number(String literal) {
        return StixJson.parse("{\"n\": " + literal + "}").tree().get("n");
    }

    private static JsonNode strings(List<String> values) {
        ArrayNode a = StixJson.newObjectNode().arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static ObjectNode copy(ObjectNode base, Consumer<ObjectNode> change) {
        ObjectNode o = base.deepCopy();
        change.accept(o);
        return o;
    }
}
