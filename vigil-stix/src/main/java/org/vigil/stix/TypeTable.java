package org.vigil.stix;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * STIX 2.1 as data: every object type, embedded type, predefined extension and vocabulary, read from the
 * JSON tables under {@code org/vigil/stix/types/}. Tables are checked as they load, so a typo in one fails at
 * start-up rather than passing objects it should have caught.
 */
final class TypeTable {

    private static final String DIR = "/org/vigil/stix/types/";

    private final Map<String, Shape> types = new HashMap<>();
    private final Map<String, Shape> objects = new HashMap<>();
    private final Map<String, Shape> extensions = new HashMap<>();
    private final Map<String, Shape> common = new HashMap<>();
    private final Map<String, Set<String>> vocabularies = new HashMap<>();

    private static final class Holder {
        static final TypeTable STANDARD = load();
    }

    static TypeTable standard() {
        return Holder.STANDARD;
    }

    Shape type(String name) {
        return types.get(name);
    }

    Shape object(String name) {
        return objects.get(name);
    }

    Shape extension(String name) {
        return extensions.get(name);
    }

    Shape common(String category) {
        return common.get(category);
    }

    Set<String> vocabulary(String name) {
        return vocabularies.get(name);
    }

    /** The types STIX defines in one category (sdo, sro, sco, meta, bundle). */
    List<String> typesOf(String category) {
        return types.values().stream().filter(s -> s.category().equals(category)).map(Shape::name).sorted().toList();
    }

    /** The category (sdo, sro, sco, meta, bundle) of a type STIX defines, or null for a custom type. */
    String categoryOf(String type) {
        Shape s = types.get(type);
        return s == null ? null : s.category();
    }

    private static TypeTable load() {
        TypeTable table = new TypeTable();
        List<JsonNode> files = new ArrayList<>();
        for (String file : readIndex()) {
            try (InputStream in = TypeTable.class.getResourceAsStream(DIR + file)) {
                if (in == null) {
                    throw new IllegalStateException("type table " + file + " is listed in index.txt but missing");
                }
                files.add(StixJson.parseTree(in, DIR + file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files.forEach(f -> table.readVocabularies(f.path("vocabularies")));
        files.forEach(f -> table.readShapes(f.path("common"), table.common, "common"));
        files.forEach(f -> table.readShapes(f.path("objects"), table.objects, "objects"));
        files.forEach(f -> table.readShapes(f.path("extensions"), table.extensions, "extensions"));
        files.forEach(f -> table.readShapes(f.path("types"), table.types, "types"));
        table.checkReferences();
        return table;
    }

    private static List<String> readIndex() {
        try (InputStream in = TypeTable.class.getResourceAsStream(DIR + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("the type tables' index.txt is missing from the classpath");
            }
            List<String> names = new ArrayList<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readVocabularies(JsonNode section) {
        section.fields().forEachRemaining(e -> {
            Set<String> values = new LinkedHashSet<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            putOnce(vocabularies, e.getKey(), Collections.unmodifiableSet(values), "vocabularies");
        });
    }

    private void readShapes(JsonNode section, Map<String, Shape> into, String sectionName) {
        section.fields().forEachRemaining(e -> putOnce(into, e.getKey(), shape(e.getKey(), e.getValue()), sectionName));
    }

    private Shape shape(String name, JsonNode def) {
        String category = def.path("category").asText(null);
        Map<String, Shape.Property> props = new LinkedHashMap<>();
        List<Rule> rules = new ArrayList<>();
        Shape base = category == null ? null : common.get(category);
        if (base != null) {
            props.putAll(base.properties());
            rules.addAll(base.rules());
        }
        def.path("properties").fields().forEachRemaining(p -> props.put(p.getKey(), property(name, p.getKey(),
                p.getValue().asText())));
        def.path("rules").forEach(r -> rules.add(rule(name, r.asText())));
        return new Shape(name, category, Collections.unmodifiableMap(props), List.copyOf(rules),
                strings(def.path("recommended")), strings(def.path("id_contributing")),
                Set.copyOf(strings(def.path("on"))));
    }

    private static Shape.Property property(String owner, String name, String expression) {
        boolean required = expression.endsWith("!");
        String kind = required ? expression.substring(0, expression.length() - 1) : expression;
        try {
            return new Shape.Property(name, Kind.parse(kind), required);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("type table: " + owner + "." + name + ": " + e.getMessage(), e);
        }
    }

    private static Rule rule(String owner, String text) {
        try {
            return Rule.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("type table: " + owner + ": " + e.getMessage(), e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    private static <V> void putOnce(Map<String, V> map, String key, V value, String section) {
        if (map.putIfAbsent(key, value) != null) {
            throw new IllegalStateException("type table: '" + key + "' is defined twice in section " + section);
        }
    }

    /** Every obj:, ov: and enum: name a table uses must be defined somewhere. */
    private void checkReferences() {
        List<Shape> all = new ArrayList<>();
        all.addAll(types.values());
        all.addAll(objects.values());
        all.addAll(extensions.values());
        all.addAll(common.values());
        for (Shape s : all) {
            for (Shape.Property p : s.properties().values()) {
                checkKind(s.name() + "." + p.name(), p.kind());
            }
        }
    }

    private void checkKind(String where, Kind kind) {
        switch (kind.base) {
            case LIST, DICT -> {
                if (kind.element != null) {
                    checkKind(where, kind.element);
                }
            }
            case OBJECT -> require(objects.containsKey(kind.name), where, "embedded type " + kind.name);
            case OPEN_VOCAB, ENUM -> require(vocabularies.containsKey(kind.name), where, "vocabulary " + kind.name);
            default -> {
            }
        }
    }

    private static void require(boolean ok, String where, String what) {
        if (!ok) {
            throw new IllegalStateException("type table: " + where + " uses " + what + ", which no table defines");
        }
    }
}
