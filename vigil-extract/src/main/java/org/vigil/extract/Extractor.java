package org.vigil.extract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vigil.extract.internal.CleanText;
import org.vigil.extract.internal.Cleaner;
import org.vigil.extract.internal.EntityResolver;
import org.vigil.extract.internal.KnownEntities;
import org.vigil.extract.internal.Mention;
import org.vigil.extract.internal.MentionFinder;
import org.vigil.extract.internal.Nlp;
import org.vigil.extract.internal.QuoteFinder;
import org.vigil.extract.internal.Relation;
import org.vigil.extract.internal.RelationFinder;
import org.vigil.extract.internal.Relevance;
import org.vigil.extract.internal.ReportWriter;
import org.vigil.extract.internal.Sentence;
import org.vigil.extract.internal.StixWriter;
import org.vigil.stix.StixObject;

/**
 * Turns a news article into a linked STIX 2.1 report: cleans it, recognises near-duplicates of earlier
 * articles, finds people, organisations, armed groups, places, kinds of attack and quotes, and links them as
 * the text states. Ids are deterministic, so extracting the same article twice gives the same objects.
 * Thread-safe; the NER model is loaded once, on first use or by {@link #warmUp()}.
 */
public final class Extractor {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final KnownEntities known;
    private final NearDuplicateIndex duplicates;
    private final Clock clock;
    private final Gazetteer gazetteer = Gazetteer.standard();

    private Extractor(Builder b) {
        this.known = b.known;
        this.duplicates = b.duplicates;
        this.clock = b.clock;
    }

    /** An extractor with no known entities and no cross-article de-duplication. */
    public static Extractor standard() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Loads the NER model and the gazetteer now rather than on first use; returns the milliseconds taken. */
    public static long warmUp() {
        long t0 = System.nanoTime();
        Nlp.warmUp();
        Gazetteer.standard();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    public Extraction extract(Article article) {
        CleanText clean = Cleaner.clean(article.text());
        Instant when = article.published() != null ? article.published() : clock.instant();
        String timestamp = STAMP.format(when.truncatedTo(ChronoUnit.MILLIS));
        String reportId = StixWriter.deterministic("report", sha256(clean.text()));
        Optional<Duplicate> duplicate = duplicates == null ? Optional.empty()
                : duplicates.add(reportId, clean.story()).filter(d -> !d.reportId().equals(reportId));
        if (duplicate.isPresent()) {
            return ReportWriter.duplicate(article, clean, reportId, timestamp, duplicate.get());
        }
        List<Sentence> sentences = Nlp.annotate(clean.text(), clean.body());
        List<Mention> mentions = MentionFinder.find(clean.text(), sentences, known, gazetteer);
        EntityResolver.Result resolved = EntityResolver.resolve(clean, mentions, gazetteer);
        List<Relation> relations = RelationFinder.find(clean.text(), resolved);
        List<QuoteFinder.Found> quotes = QuoteFinder.find(clean, sentences, resolved.byMention());
        boolean onTopic = Relevance.onTopic(clean.story(), resolved.entities());
        return ReportWriter.report(article, clean, reportId, timestamp, sentences, resolved, relations, quotes, onTopic);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** Configures an extractor. */
    public static final class Builder {
        private KnownEntities known = KnownEntities.none();
        private NearDuplicateIndex duplicates;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Objects already known (from the store or a bundle): their names and aliases are matched in text. */
        public Builder known(Iterable<StixObject> objects) {
            this.known = KnownEntities.of(objects);
            return this;
        }

        /** The index that recognises near-duplicates across articles; none by default. */
        public Builder nearDuplicates(NearDuplicateIndex index) {
            this.duplicates = Objects.requireNonNull(index, "index");
            return this;
        }

        /** The clock that dates reports of articles without a published time. */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        public Extractor build() {
            return new Extractor(this);
        }
    }
}
