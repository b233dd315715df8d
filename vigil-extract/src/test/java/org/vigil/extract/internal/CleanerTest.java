package org.vigil.extract.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class CleanerTest {

    @Test
    void aRepeatedBlockIsKeptOnce() {
        CleanText c = Cleaner.clean("One two.\nThree four.\nOne two.\nThree  four.\n");
        assertEquals("One two.\n\nThree four.", c.text());
        assertEquals(List.of(new Span(0, 8), new Span(10, 21)), c.paragraphs());
    }

    @Test
    void blankLinesSeparateParagraphsAndHardWrappedLinesJoin() {
        CleanText c = Cleaner.clean("First line\nwrapped here.\r\n\r\nSecond\u00A0paragraph.");
        assertEquals("First line wrapped here.\n\nSecond paragraph.", c.text());
    }

    @Test
    void datelinesAreFoundOnTheirOwnLineOrInline() {
        CleanText own = Cleaner.clean("WASHINGTON —\nIn the face of threats.");
        assertEquals("Washington", own.dateline().place());
        assertEquals("In the face of threats.", own.lead());
        CleanText inline = Cleaner.clean("PARIS, Texas (AP) — A gunman opened fire.");
        assertEquals("Paris", inline.dateline().place());
        assertEquals("Texas", inline.dateline().qualifier());
        assertEquals("A gunman opened fire.", inline.lead());
        CleanText twoWords = Cleaner.clean("TEL AVIV, Jan. 21 - Police said.");
        assertEquals("Tel Aviv", twoWords.dateline().place());
    }

    @Test
    void anOrdinaryFirstSentenceIsNoDateline() {
        assertNull(Cleaner.clean("US officials said on Tuesday - quietly - that talks had begun.").dateline());
        assertNull(Cleaner.clean("The UN said so.").dateline());
    }

    @Test
    void aShortFirstParagraphWithoutFullStopIsTheHeadlineAndBylinesAndCreditsAreNoBody() {
        CleanText c = Cleaner.clean("Lyon braces for the final\n\nBy Jane Doe and John Roe\n\nAssociated Press\n\n"
                + "RIO DE JANEIRO — Police said so.\n\nFake bomb\n\nMore followed.");
        assertEquals("Lyon braces for the final", c.headlineText());
        assertEquals("Rio De Janeiro", c.dateline().place());
        assertEquals("Police said so.", c.lead());
        assertEquals("Police said so.\nFake bomb\nMore followed.\n", c.story());
    }

    @Test
    void aDatelineOnItsOwnLineOrAFirstSentenceIsNoHeadline() {
        assertNull(Cleaner.clean("WASHINGTON —\n\nOfficials said so.").headline());
        assertNull(Cleaner.clean("Officials said so.\n\nThey did.").headline());
    }

    @Test
    void photoCreditsAreCredits() {
        assertEquals(true, Cleaner.isCredit("Photo: John Roe/AFP"));
        assertEquals(true, Cleaner.isCredit("(Image credit: Reuters)"));
        assertEquals(false, Cleaner.isCredit("Hollande evacuated"));
    }
}
