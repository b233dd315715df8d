package org.vigil.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.extract.Fixtures.named;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.stix.StixObject;

/** Quotes become notes attributed to their speakers, whatever shape the text gives them. */
class QuotesTest {

    @Test
    void nestedSingleQuotesStayInsideTheOuterQuote() {
        Extraction x = Fixtures.extract("German interior minister Thomas Müller told reporters in Berlin: \"We heard "
                + "them shout 'no surrender' before the blast, and then there was silence.\"");
        assertEquals(1, x.quotes().size());
        Quote q = x.quotes().get(0);
        assertEquals("We heard them shout 'no surrender' before the blast, and then there was silence.", q.text());
        assertEquals("Thomas Müller", q.speaker());
    }

    @Test
    void nestedCurlyQuotesStayInsideTheOuterQuote() {
        Extraction x = Fixtures.extract("“The officers told us “stay inside” and we did,” said José Álvarez, a shop owner.");
        assertEquals(1, x.quotes().size());
        assertEquals("The officers told us “stay inside” and we did.", x.quotes().get(0).text());
        assertEquals("José Álvarez", x.quotes().get(0).speaker());
    }

    @Test
    void aQuoteRunningOverParagraphsIsOneNote() {
        Extraction x = Fixtures.extract("Rebel commander Doku Umarov appeared in a video on Monday.\n\n"
                + "\"The fight will go on,\" Umarov said. \"We will strike again.\n\n"
                + "\"Nobody in Russia will be safe,\" he said.");
        assertEquals(1, x.quotes().size());
        Quote q = x.quotes().get(0);
        assertEquals("The fight will go on. We will strike again. Nobody in Russia will be safe.", q.text());
        assertEquals("Doku Umarov", q.speaker());
        assertEquals(3, q.pieces().size());
    }

    @Test
    void aPronounPointsBackToTheSpeakerOfAnEarlierSentenceNotTheLastNameMentioned() {
        Extraction x = Fixtures.extract("Analyst Maria Lopez says that despite their differences, Obama and Putin can "
                + "work together.\n\n\"They have done business before and will again,\" she said.");
        assertEquals("Maria Lopez", x.quotes().get(0).speaker());
    }

    @Test
    void theSpeakerIsReferencedAndNamedOnTheNote() {
        Extraction x = Fixtures.extract("\"We are taking precautions accordingly, but that is not unusual,\" said "
                + "spokesman Jay Carney.");
        StixObject note = x.objectsOfType("note").get(0);
        String carney = named(x, "identity", "Jay Carney").id();
        assertEquals(List.of("Jay Carney"), note.texts("authors"));
        assertEquals(List.of(carney, x.report().id()), note.texts("object_refs"));
        assertEquals(x.quotes().get(0).noteId(), note.id());
    }

    @Test
    void scareQuotesOfAWordOrTwoAreNotQuotations() {
        Extraction x = Fixtures.extract("Officials called the plan \"reckless\" and the talks \"a farce\".");
        assertTrue(x.quotes().isEmpty());
    }

    @Test
    void aLongQuoteWithNoSpeakerIsKeptUnattributed() {
        Extraction x = Fixtures.extract("The sign on the gate read \"No one may enter the stadium without a pass "
                + "issued by the organisers\" last week.");
        assertEquals(1, x.quotes().size());
        assertNull(x.quotes().get(0).speaker());
        StixObject note = x.objectsOfType("note").get(0);
        assertEquals(List.of(x.report().id()), note.texts("object_refs"));
    }

    @Test
    void aSurnameAfterATitleTheModelMissedStillSpeaks() {
        Extraction x = Fixtures.extract("Sports Minister Thomas Whitfield visited the arena on Monday.\n\n"
                + "Mr Whitfield said: \"Every venue is ready and every team will be kept safe.\"");
        assertEquals("Thomas Whitfield", x.quotes().get(0).speaker());
    }

    @Test
    void aFragmentQuotedInsideASentenceBelongsToWhoeverTheSentenceHasSpeaking() {
        Extraction x = Fixtures.extract("Interior Minister Paulo Mendes, who angered many on Friday by saying "
                + "the odds of unrest were \"close to nil\", met governors. Maria Lenz, the former director "
                + "who has advised planners in Recife, said the city's readiness is \"middling at the very best.\"");
        assertEquals(List.of("Paulo Mendes", "Maria Lenz"), x.quotes().stream().map(Quote::speaker).toList());
    }

    @Test
    void aParagraphThatIsOnlyAQuotationGoesOnWithTheQuotationBeforeIt() {
        Extraction x = Fixtures.extract("\"Safety at a festival of this size is the duty of everyone,\" said Tomas "
                + "Berg, head of events.\n\n\"Since the agency alone keeps such records, the city has put its files "
                + "at the heart of the plan.\"");
        assertEquals(1, x.quotes().size());
        assertEquals("Tomas Berg", x.quotes().get(0).speaker());
        assertEquals(2, x.quotes().get(0).pieces().size());
    }

    @Test
    void aTitleInQuotationMarksIsNoQuoteAndDoesNotJoinTheNextOne() {
        Extraction x = Fixtures.extract("Sen. Karen Holt spoke on Sunday. But Ms. Holt, appearing on the NBC "
                + "show \"Sunday Review,\" said \"the main question\" is what happened abroad.");
        assertEquals(1, x.quotes().size());
        assertEquals("the main question", x.quotes().get(0).text());
        assertEquals("Karen Holt", x.quotes().get(0).speaker());
    }

    @Test
    void theGroupSaysIsTheOrganisationLastSpeakingAndAnUnnamedMemberIsNobody() {
        Extraction x = Fixtures.extract("Europol says its unit will work from The Hague. \"Analysts at every border "
                + "can check some 40 million records,\" the group says.\n\n"
                + "A supporter of the Islamic State tweeted \"Europe, the next strike will be yours, and soon.\"");
        assertEquals("Europol", x.quotes().get(0).speaker());
        assertNull(x.quotes().get(1).speaker());
    }
}
