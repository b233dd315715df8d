package org.vigil.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.extract.Fixtures.names;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Headlines, bylines, credits, facilities, measures and sentence openers are never entities. */
class JunkTest {

    @Test
    void headlinesBylinesAndCreditLinesNameNoOne() {
        Extraction x = Fixtures.extract("Lyon Police Brace For Fans\n\nBy Jane Doe and John Roe\n\nAssociated Press\n\n"
                + "PARIS — Officials said the stadium would be guarded on Saturday.");
        assertTrue(names(x, "identity").isEmpty(), names(x, "identity").toString());
        assertEquals(List.of("Paris"), names(x, "location"));
        assertEquals("Lyon Police Brace For Fans", x.report().text("name"));
    }

    @Test
    void facilitiesMeasuresAndNumberedLevelsAreNoEntities() {
        Extraction x = Fixtures.extract("The device hidden near Sokolniki Park held three kilograms of TNT, and tenants of "
                + "Harlow Tower were moved. The warning stays at Level 2, officials in Moscow said.");
        assertEquals(List.of("Moscow"), names(x, "location"));
        assertTrue(names(x, "identity").isEmpty(), names(x, "identity").toString());
    }

    @Test
    void aFunctionWordOpeningASentenceIsNotPartOfTheName() {
        Extraction x = Fixtures.extract("Because Europol shares its files across the union, Spain leans on it.");
        assertTrue(names(x, "identity").contains("Europol"), names(x, "identity").toString());
    }

    @Test
    void aPossessiveInsideANameSeparatesTheOwnerFromWhatItOwns() {
        Extraction x = Fixtures.extract("Researchers at Cisco Systems’ Talos Intelligence Group said on Tuesday "
                + "that the code was new.");
        List<String> orgs = names(x, "identity");
        assertTrue(orgs.contains("Cisco Systems"), orgs.toString());
        assertTrue(orgs.contains("Talos Intelligence Group"), orgs.toString());
    }

    @Test
    void aSurnameTheModelTookForAnOrganisationIsThePersonAndCorporateSuffixesMerge() {
        Extraction x = Fixtures.extract("Richard Ford, a retired agent, lives in Brazil. \"The risk is real,\" Ford said. "
                + "Microsoft Corp beat forecasts on Thursday and Microsoft shares rose.");
        assertFalse(names(x, "identity").contains("Ford"), names(x, "identity").toString());
        assertEquals(1, names(x, "identity").stream().filter(n -> n.startsWith("Microsoft")).count(),
                names(x, "identity").toString());
    }

    @Test
    void anAcronymInBracketsIsTheSameOrganisation() {
        Extraction x = Fixtures.extract("Europol says its Joint Operations Cell (JOCEL) has grown. "
                + "Europol says the JOCEL will move to The Hague.");
        assertFalse(names(x, "identity").contains("JOCEL"), names(x, "identity").toString());
    }

    @Test
    void aNameAfterFirmOrOrganisersIsAnOrganisationEverywhereInTheArticle() {
        Extraction x = Fixtures.extract("A week before the final, organisers Fifco said the plan was sound, and security "
                + "firm K9X said more staff were on the way. The gates open at noon, Fifco said.");
        List<String> orgs = names(x, "identity");
        assertTrue(orgs.containsAll(List.of("Fifco", "K9X")), orgs.toString());
        assertEquals(2, orgs.size(), orgs.toString());
    }

    @Test
    void anOutletNameGluedToAWordIsNoName() {
        Extraction x = Fixtures.extract("ReutersPolice in Brussels said on Tuesday that two suspects were arrested. "
                + "AFPThe prosecutor Frederic Van Leeuw confirmed it.");
        List<String> names = names(x, "identity");
        assertTrue(names.stream().noneMatch(n -> n.startsWith("Reuters") || n.startsWith("AFP")), names.toString());
    }
}
