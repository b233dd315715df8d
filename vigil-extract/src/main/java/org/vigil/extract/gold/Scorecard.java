package org.vigil.extract.gold;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.vigil.extract.Extraction;
import org.vigil.extract.Provenance;
import org.vigil.extract.Quote;
import org.vigil.stix.StixObject;

/**
 * Scores extractions against gold annotations (the rules are in docs/extraction-gold.md): per entity type,
 * names matched to a gold entity or one of its aliases, each gold entity once; quotes by overlap of their
 * pieces and by speaker; relevance by the report's {@value #OFF_TOPIC} label. Not thread-safe.
 */
public final class Scorecard {

    /** The label by which a report says its article is not about security. */
    public static final String OFF_TOPIC = "vigil:relevance=off-topic";

    private final Map<EntityType, Tally> tallies = new EnumMap<>(EntityType.class);
    private Tally quotes = Tally.ZERO;
    private int articles;
    private int relevanceRight;
    private final List<String> mistakes = new ArrayList<>();

    public Scorecard() {
        for (EntityType t : EntityType.values()) {
            tallies.put(t, Tally.ZERO);
        }
    }

    /** Adds one article: its gold, what extraction made of it, and the text of its file (gold offsets point there). */
    public void add(GoldArticle gold, Extraction x, String fileText) {
        articles++;
        for (EntityType t : EntityType.values()) {
            tallies.merge(t, entities(gold, t, names(x, t)), Tally::plus);
        }
        quotes = quotes.plus(quotes(gold, x, fileText));
        boolean onTopic = !x.report().texts("labels").contains(OFF_TOPIC);
        if (onTopic == gold.onTopic()) {
            relevanceRight++;
        } else {
            mistakes.add(gold.file() + ": relevance: said " + (onTopic ? "on-topic" : "off-topic"));
        }
    }

    public Tally tally(EntityType t) {
        return tallies.get(t);
    }

    public Tally quotes() {
        return quotes;
    }

    public int articles() {
        return articles;
    }

    /** Articles whose relevance was judged as the gold judges it. */
    public int relevanceRight() {
        return relevanceRight;
    }

    /** Every miss and false positive, one line each, for finding out what to improve. */
    public List<String> mistakes() {
        return List.copyOf(mistakes);
    }

    /** The names of the objects extraction made for one type (Vigil's own identity is not extracted). */
    static List<String> names(Extraction x, EntityType t) {
        List<String> out = new ArrayList<>();
        for (StixObject o : x.objects()) {
            if (o.id().equals(Provenance.VIGIL_IDENTITY_ID) || o == x.report()) {
                continue;
            }
            if (typeOf(o) == t) {
                out.add(o.text("name"));
            }
        }
        return out;
    }

    private static EntityType typeOf(StixObject o) {
        return switch (o.type()) {
            case "identity" -> "individual".equals(o.text("identity_class")) ? EntityType.PERSON : EntityType.ORGANISATION;
            case "threat-actor", "intrusion-set" -> EntityType.GROUP;
            case "location" -> EntityType.PLACE;
            case "attack-pattern" -> EntityType.ATTACK;
            default -> null;
        };
    }

    private Tally entities(GoldArticle gold, EntityType t, List<String> found) {
        List<GoldArticle.Named> wanted = new ArrayList<>(gold.entities().getOrDefault(t, List.of()));
        int tp = 0;
        int fp = 0;
        for (String name : found) {
            GoldArticle.Named match = wanted.stream().filter(n -> n.answersTo(name)).findFirst().orElse(null);
            if (match != null) {
                wanted.remove(match);
                tp++;
            } else {
                fp++;
                mistakes.add(gold.file() + ": " + t.label() + ": false positive '" + name + "'");
            }
        }
        wanted.forEach(n -> mistakes.add(gold.file() + ": " + t.label() + ": missed '" + n.name() + "'"));
        return new Tally(tp, fp, wanted.size());
    }

    private Tally quotes(GoldArticle gold, Extraction x, String fileText) {
        int[] fileIndex = Layout.nonSpaceIndex(fileText);
        int[] cleanIndex = Layout.nonSpaceIndex(x.cleanedText());
        List<GoldArticle.GoldQuote> wanted = new ArrayList<>(gold.quotes());
        int tp = 0;
        int fp = 0;
        for (Quote q : x.quotes()) {
            List<int[]> pieces = q.pieces().stream().map(p -> new int[] {cleanIndex[p.start()], cleanIndex[p.end()]}).toList();
            GoldArticle.GoldQuote match = null;
            for (GoldArticle.GoldQuote g : wanted) {
                List<int[]> goldPieces = g.pieces().stream().map(p -> new int[] {fileIndex[p[0]], fileIndex[p[1]]}).toList();
                if (Layout.overlapsHalf(pieces, goldPieces) && sameSpeaker(gold, g.speaker(), q.speaker())) {
                    match = g;
                    break;
                }
            }
            if (match != null) {
                wanted.remove(match);
                tp++;
            } else {
                fp++;
                mistakes.add(gold.file() + ": quote: false positive at " + q.pieces().get(0).start() + " by "
                        + q.speaker() + " '" + abbreviate(q.text()) + "'");
            }
        }
        for (GoldArticle.GoldQuote g : wanted) {
            mistakes.add(gold.file() + ": quote: missed at " + g.pieces().get(0)[0] + " by " + g.speaker());
        }
        return new Tally(tp, fp, wanted.size());
    }

    private static boolean sameSpeaker(GoldArticle gold, String goldSpeaker, String found) {
        if (goldSpeaker == null || found == null) {
            return goldSpeaker == null && found == null;
        }
        return gold.speaker(goldSpeaker).answersTo(found);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
