package org.vigil.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.extract.Fixtures.named;
import static org.vigil.extract.Fixtures.names;

import java.util.List;
import org.junit.jupiter.api.Test;

/** People: one identity however the text names them, stable ids across articles, roles, non-ASCII names. */
class PeopleTest {

    @Test
    void aPersonNamedOnlyBySurnameAfterTheFullNameIsOnePerson() {
        Extraction x = Fixtures.extract("Interior Minister Anna Kovacs said on Monday that security would be "
                + "tightened at the border.\n\nKovacs added that no specific threat had been identified.");
        assertEquals(List.of("Anna Kovacs"), names(x, "identity"));
        assertEquals(List.of("Interior Minister"), named(x, "identity", "Anna Kovacs").texts("roles"));
        assertEquals(2, Provenance.sources(named(x, "identity", "Anna Kovacs")).size());
    }

    @Test
    void theSamePersonInTwoArticlesIsTheSameObject() {
        Extraction first = Fixtures.extract("Interior Minister Anna Kovacs visited the border on Monday.");
        Extraction second = Fixtures.extract("Anna Kovacs resigned on Friday after a week of protests in Budapest.");
        assertEquals(named(first, "identity", "Anna Kovacs").id(), named(second, "identity", "Anna Kovacs").id());
    }

    @Test
    void nonAsciiNamesKeepTheirLettersAndShareIdsWithTheirAsciiSpelling() {
        Extraction x = Fixtures.extract("Chechen leader Ramzan Kadyrov said Doku Umarov had been killed. "
                + "German interior minister Thomas Müller and José Álvarez, a shop owner, were not surprised.");
        for (String name : List.of("Ramzan Kadyrov", "Doku Umarov", "Thomas Müller", "José Álvarez")) {
            assertEquals("individual", named(x, "identity", name).text("identity_class"));
        }
        Extraction ascii = Fixtures.extract("Jose Alvarez and Thomas Muller met on Tuesday.");
        assertEquals(named(x, "identity", "José Álvarez").id(), named(ascii, "identity", "Jose Alvarez").id());
        assertEquals(named(x, "identity", "Thomas Müller").id(), named(ascii, "identity", "Thomas Muller").id());
    }

    @Test
    void rolesBeforeAndAfterTheNameAreRecorded() {
        Extraction x = Fixtures.extract("Chechen leader Ramzan Kadyrov said on Monday that Doku Umarov, the leader "
                + "of the Caucasus Emirate, had been killed. José Álvarez, a shop owner, was not surprised.");
        assertEquals(List.of("Chechen leader"), named(x, "identity", "Ramzan Kadyrov").texts("roles"));
        assertEquals(List.of("leader of the Caucasus Emirate"), named(x, "identity", "Doku Umarov").texts("roles"));
        assertEquals(List.of("shop owner"), named(x, "identity", "José Álvarez").texts("roles"));
    }

    @Test
    void aPersonIsLinkedToTheOrganisationOfTheirTitle() {
        Extraction x = Fixtures.extract("Pentagon spokesman John Kirby said the ships would leave on Monday.");
        String kirby = named(x, "identity", "John Kirby").id();
        String pentagon = named(x, "identity", "Pentagon").id();
        assertEquals(1, Fixtures.relationships(x, "related-to", kirby, pentagon).size());
    }

    @Test
    void pronounsDaysAndSeasonsNeverBecomeIdentities() {
        Extraction x = Fixtures.extract("He said on Tuesday that They would come in Winter. We will see, she said. "
                + "Will they? Victims were taken to hospital.");
        assertTrue(names(x, "identity").isEmpty(), names(x, "identity").toString());
    }
}
