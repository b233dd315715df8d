package org.vigil.extract.gold;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.vigil.stix.StixJson;

/**
 * One article's gold annotation (see docs/extraction-gold.md): the entities it names by type, its quotes by
 * speaker and offsets into the article file, and whether it is about security at all.
 */
public record GoldArticle(String file, boolean onTopic, Map<EntityType, List<Named>> entities, List<GoldQuote> quotes) {

    /** An entity as the gold names it: its canonical name and the other names the article uses. */
    public record Named(String name, List<String> aliases) {
        public Named {
            aliases = List.copyOf(aliases);
        }

        public boolean answersTo(String other) {
            String key = NameKey.of(other);
            return NameKey.of(name).equals(key) || aliases.stream().anyMatch(a -> NameKey.of(a).equals(key));
        }
    }

    /** A quotation: its speaker's canonical name (null when the text names none) and its pieces [start, end). */
    public record GoldQuote(String speaker, List<int[]> pieces) {
    }

    public GoldArticle {
        entities = Map.copyOf(entities);
        quotes = List.copyOf(quotes);
    }

    /** Every {@code NN.json} of a gold directory, in file-name order. */
    public static List<GoldArticle> readAll(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.filter(p -> p.getFileName().toString().matches("\\d+\\.json")).sorted().toList();
            List<GoldArticle> out = new ArrayList<>();
            for (Path p : sorted) {
                out.add(read(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gold annotations in " + dir, e);
        }
    }

    public static GoldArticle read(Path file) throws IOException {
        JsonNode root;
        try (var in = Files.newInputStream(file)) {
            root = StixJson.parseTree(in, file.toString());
        }
        Map<EntityType, List<Named>> entities = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            List<Named> list = new ArrayList<>();
            for (JsonNode e : root.path(t.goldKey())) {
                list.add(e.isTextual() ? new Named(e.asText(), List.of()) : new Named(e.path("name").asText(), texts(e.path("aliases"))));
            }
            entities.put(t, list);
        }
        List<GoldQuote> quotes = new ArrayList<>();
        for (JsonNode q : root.path("quotes")) {
            List<int[]> pieces = new ArrayList<>();
            q.path("pieces").forEach(p -> pieces.add(new int[] {p.get(0).asInt(), p.get(1).asInt()}));
            quotes.add(new GoldQuote(q.path("speaker").isNull() ? null : q.path("speaker").asText(), pieces));
        }
        return new GoldArticle(root.path("file").asText(), !"off-topic".equals(root.path("relevance").asText()),
                entities, quotes);
    }

    /** The gold entity (of any type) that answers to this name, for matching quote speakers. */
    public Named speaker(String name) {
        for (EntityType t : EntityType.values()) {
            for (Named n : entities.getOrDefault(t, List.of())) {
                if (n.name().equals(name)) {
                    return n;
                }
            }
        }
        return new Named(name, List.of());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(a -> out.add(a.asText()));
        return out;
    }
}
