package org.vigil.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.Audience;

/**
 * Who may see an object, from its TLP markings, among the readers of the collection that holds it (the table in
 * docs/sharing-model.md). Collection read rights are checked before this; markings only ever narrow them.
 */
public final class MarkingPolicy {

    private MarkingPolicy() {
    }

    /** The facts about one stored object that the policy needs besides its markings. */
    public record Source(UUID postedBy, Tlp collectionDefault) {
    }

    /** The object's level: the most restrictive TLP among its object markings, else the collection default. */
    public static Tlp level(StixObject object, Tlp collectionDefault) {
        return Tlp.mostRestrictiveOf(object.texts("object_marking_refs")).orElse(collectionDefault);
    }

    /**
     * Whether {@code reader} may see content marked {@code level} on an object whose source identity, poster
     * and RED recipients are given.
     */
    public static boolean permits(Principal reader, Tlp level, String sourceIdentity, UUID postedBy,
                                  Set<String> recipients) {
        return switch (level) {
            case CLEAR -> true;
            case GREEN -> !reader.isAnonymous() && reader.isCommunityMember();
            case AMBER -> !reader.isAnonymous();
            case AMBER_STRICT -> !reader.isAnonymous() && reader.signsAs(sourceIdentity);
            case RED -> !reader.isAnonymous()
                    && (reader.userId().equals(postedBy) || recipients.contains(reader.userId().toString()));
        };
    }

    /**
     * The reader in the store's terms, so that it can leave out rows this reader may certainly not see: the levels
     * {@link #permits} grants whoever the source, plus the AMBER+STRICT rows of the reader's organisation and the
     * RED rows that could name or come from the reader.
     */
    public static Audience audience(Principal reader, Tlp collectionDefault) {
        Set<Tlp> open = EnumSet.noneOf(Tlp.class);
        for (Tlp level : Tlp.values()) {
            if (permits(reader, level, null, null, Set.of())) {
                open.add(level);
            }
        }
        if (reader.isAnonymous()) {
            return new Audience(open, collectionDefault, null, null, null);
        }
        if (reader.hasClaimedIdentities()) {
            // The store matches one source identity; with several, it passes every AMBER+STRICT row and the policy
            // decides each.
            open.add(Tlp.AMBER_STRICT);
        }
        return new Audience(open, collectionDefault, reader.organisationIdentity(), reader.userId(),
                reader.userId().toString());
    }

    /**
     * What {@code reader}, who may read the collection, gets of {@code object}: nothing, the object, or the
     * object without the properties that granular markings keep from them.
     */
    public static Optional<StixObject> view(Principal reader, StixObject object, Source source) {
        String sourceIdentity = object.text("created_by_ref");
        Set<String> recipients = RedRecipients.of(object);
        if (!permits(reader, level(object, source.collectionDefault()), sourceIdentity, source.postedBy(), recipients)) {
            return Optional.empty();
        }
        List<String> hidden = hiddenSelectors(reader, object, sourceIdentity, source.postedBy(), recipients);
        return Optional.of(hidden.isEmpty() ? object : redact(object, hidden));
    }

    private static List<String> hiddenSelectors(Principal reader, StixObject object, String sourceIdentity,
                                                UUID postedBy, Set<String> recipients) {
        List<String> hidden = new ArrayList<>();
        object.property("granular_markings").ifPresent(markings -> {
            for (JsonNode marking : markings) {
                Optional<Tlp> level = Tlp.ofMarking(marking.path("marking_ref").asText(""));
                if (level.isPresent() && !permits(reader, level.get(), sourceIdentity, postedBy, recipients)) {
                    marking.path("selectors").forEach(s -> hidden.add(s.asText()));
                }
            }
        });
        return hidden;
    }

    /**
     * Removes what the selectors point at. List items go from the highest index down, so that removing one
     * does not shift another selector's target.
     */
    static StixObject redact(StixObject object, List<String> selectors) {
        ObjectNode json = object.json();
        List<String[]> paths = new ArrayList<>();
        for (String s : selectors) {
            paths.add(s.split("\\.", -1));
        }
        paths.sort(Comparator.comparingInt((String[] p) -> p.length).reversed()
                .thenComparing(MarkingPolicy::lastIndex, Comparator.reverseOrder()));
        for (String[] path : paths) {
            remove(json, path);
        }
        return StixObject.of(json);
    }

    private static int lastIndex(String[] path) {
        String last = path[path.length - 1];
        return isIndex(last) ? Integer.parseInt(last.substring(1, last.length() - 1)) : -1;
    }

    private static boolean isIndex(String step) {
        return step.length() > 2 && step.startsWith("[") && step.endsWith("]")
                && step.substring(1, step.length() - 1).chars().allMatch(Character::isDigit);
    }

    private static void remove(JsonNode root, String[] path) {
        JsonNode parent = root;
        for (int i = 0; i < path.length - 1 && parent != null; i++) {
            parent = isIndex(path[i]) ? parent.get(Integer.parseInt(path[i].substring(1, path[i].length() - 1)))
                    : parent.get(path[i]);
        }
        String last = path[path.length - 1];
        if (parent instanceof ObjectNode o) {
            o.remove(last);
        } else if (parent instanceof ArrayNode a && isIndex(last)) {
            int index = Integer.parseInt(last.substring(1, last.length() - 1));
            if (index < a.size()) {
                a.remove(index);
            }
        }
    }
}
