package org.vigil.extract.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.extract.Extraction;
import org.vigil.extract.Quote;
import org.vigil.stix.StixObject;

class ScorecardTest {

    private static final String FILE = "Headline\n\nMr Hunt said:   \"We are ready for the Games.\"  Hunt spoke in London.\n";
    private static final String CLEAN = "Headline\n\nMr Hunt said: \"We are ready for the Games.\" Hunt spoke in London.";

    private static GoldArticle gold(boolean onTopic) {
        int start = FILE.indexOf("We are");
        return new GoldArticle("01.txt", onTopic, Map.of(
                EntityType.PERSON, List.of(new GoldArticle.Named("Jeremy Hunt", List.of("Hunt"))),
                EntityType.PLACE, List.of(new GoldArticle.Named("London", List.of())),
                EntityType.GROUP, List.of(new GoldArticle.Named("Islamic State", List.of("ISIS")))),
                List.of(new GoldArticle.GoldQuote("Jeremy Hunt", List.of(new int[] {start, FILE.indexOf(".\"") + 1}))));
    }

    private static StixObject object(String type, String name, String identityClass) {
        StixObject.Builder b = StixObject.builder(type, type + "--" + java.util.UUID.nameUUIDFromBytes(name.getBytes()))
                .put("name", name);
        return identityClass == null ? b.build() : b.put("identity_class", identityClass).build();
    }

    private static Extraction extraction(List<String> labels, String speaker, StixObject... found) {
        StixObject report = StixObject.builder("report", "report--00000000-0000-4000-8000-000000000001")
                .put("name", "Headline").put("labels", labels).build();
        int start = CLEAN.indexOf("We are");
        Quote q = new Quote("We are ready for the Games.", speaker, null,
                List.of(new Quote.Piece(start, CLEAN.indexOf(".\"") + 1)), "note--x");
        List<StixObject> all = new java.util.ArrayList<>(List.of(report));
        all.addAll(List.of(found));
        return new Extraction(report, all, List.of(q), CLEAN, Optional.empty());
    }

    @Test
    void aSurnameLeftUnmergedIsAFalsePositiveAndAGroupAsAnOrganisationIsWrongTwice() {
        Scorecard card = new Scorecard();
        card.add(gold(true), extraction(List.of(), "Jeremy Hunt",
                object("identity", "Jeremy Hunt", "individual"), object("identity", "Hunt", "individual"),
                object("identity", "ISIS", "organization"), object("location", "London", null)), FILE);
        assertEquals(new Tally(1, 1, 0), card.tally(EntityType.PERSON));
        assertEquals(new Tally(0, 1, 0), card.tally(EntityType.ORGANISATION));
        assertEquals(new Tally(0, 0, 1), card.tally(EntityType.GROUP));
        assertEquals(new Tally(1, 0, 0), card.tally(EntityType.PLACE));
        assertEquals(0.5, card.tally(EntityType.PERSON).precision());
    }

    @Test
    void quotesMatchAcrossWhiteSpaceAndBySpeakerAlias() {
        Scorecard card = new Scorecard();
        card.add(gold(true), extraction(List.of(), "Hunt"), FILE);
        assertEquals(new Tally(1, 0, 0), card.quotes());
    }

    @Test
    void aQuoteGivenToTheWrongSpeakerIsBothAFalsePositiveAndAMiss() {
        Scorecard card = new Scorecard();
        card.add(gold(true), extraction(List.of(), null), FILE);
        assertEquals(new Tally(0, 1, 1), card.quotes());
    }

    @Test
    void relevanceIsReadFromTheOffTopicLabel() {
        Scorecard card = new Scorecard();
        card.add(gold(false), extraction(List.of(Scorecard.OFF_TOPIC), "Hunt"), FILE);
        card.add(gold(false), extraction(List.of(), "Hunt"), FILE);
        assertEquals(1, card.relevanceRight());
        assertEquals(2, card.articles());
    }

    @Test
    void namesCompareWithoutCaseAccentsPunctuationOrTheArticle() {
        assertEquals(NameKey.of("Francois Hollande"), NameKey.of("François  Hollande"));
        assertEquals(NameKey.of("the FBI"), NameKey.of("FBI"));
        assertEquals(NameKey.of("Tsarnaev’s"), NameKey.of("tsarnaev"));
    }
}
