package org.vigil.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.extract.Fixtures.named;
import static org.vigil.extract.Fixtures.names;
import static org.vigil.extract.Fixtures.number;

import org.junit.jupiter.api.Test;
import org.vigil.stix.StixObject;

/** Ambiguous place names are settled by the article's other places, their qualifiers and their size. */
class PlacesTest {

    @Test
    void georgiaIsTheCountryInAStoryAboutTbilisi() {
        Extraction x = Fixtures.extract("Thousands of protesters gathered outside parliament in Tbilisi on Sunday. "
                + "Georgia's government said the rally was peaceful.");
        StixObject georgia = named(x, "location", "Georgia");
        assertEquals("GE", georgia.text("country"));
        assertFalse(georgia.has("administrative_area"));
    }

    @Test
    void georgiaIsTheUsStateInAStoryAboutAtlanta() {
        Extraction x = Fixtures.extract("Lawmakers in Georgia passed a new security bill on Tuesday, and the "
                + "governor signed it in Atlanta hours later.");
        StixObject georgia = named(x, "location", "Georgia");
        assertEquals("US", georgia.text("country"));
        assertEquals("Georgia", georgia.text("administrative_area"));
    }

    @Test
    void parisIsInTexasWhenTheTextQualifiesIt() {
        Extraction x = Fixtures.extract("Police in Paris, Texas, said a gunman opened fire at a church on Sunday, "
                + "wounding three people.");
        StixObject paris = named(x, "location", "Paris");
        assertEquals("US", paris.text("country"));
        assertEquals("Texas", paris.text("administrative_area"));
        assertEquals(33.66, number(paris, "latitude"), 0.05);
        assertTrue(names(x, "attack-pattern").contains("shooting"));
    }

    @Test
    void parisAloneIsTheFrenchCapital() {
        Extraction x = Fixtures.extract("Police arrested three men in Paris on Friday over a plot to attack a concert hall.");
        StixObject paris = named(x, "location", "Paris");
        assertEquals("FR", paris.text("country"));
        assertEquals(48.85, number(paris, "latitude"), 0.05);
    }

    @Test
    void parisNearDallasIsTheTexanTown() {
        Extraction x = Fixtures.extract("A gunman opened fire at a church in Paris on Sunday. The wounded were flown "
                + "to hospitals in Dallas, about 100 miles away.");
        assertEquals("US", named(x, "location", "Paris").text("country"));
    }

    @Test
    void aDatelineInCapitalsNamesThePlaceOfPublication() {
        Extraction x = Fixtures.extract("MOSCOW (Reuters) — Officials said security would be tightened at airports.");
        StixObject moscow = named(x, "location", "Moscow");
        assertEquals("RU", moscow.text("country"));
        String dateline = x.report().property("extensions").orElseThrow().path(Provenance.EXTENSION_ID)
                .path("dateline_ref").asText();
        assertEquals(moscow.id(), dateline);
        assertTrue(names(x, "identity").isEmpty(), "the agency in the dateline is not an entity: " + names(x, "identity"));
    }

    @Test
    void placeNamesMatchWithoutAccentsOrApostrophes() {
        Extraction x = Fixtures.extract("A car bomb exploded in Nalchik on Monday, police in the North Caucasus said.");
        StixObject nalchik = named(x, "location", "Nalchik");
        assertEquals("RU", nalchik.text("country"));
        assertEquals(43.5, number(named(x, "location", "North Caucasus"), "latitude"), 0.5);
    }

    @Test
    void theSamePlaceUnderTwoNamesIsOneLocation() {
        Extraction x = Fixtures.extract("The United States sent ships. U.S. officials said the ships would stay.");
        assertEquals(1, names(x, "location").stream().filter(n -> n.equals("United States")).count());
        assertEquals(1, x.objectsOfType("location").size());
    }

    @Test
    void riversResortsAndDistrictsArePlacesWithCoordinates() {
        Extraction x = Fixtures.extract("Boats will sail along the Seine river in Paris, while skiers in Pyeongchang and "
                + "police in Molenbeek prepared for the Games.");
        java.util.List<String> places = names(x, "location");
        assertTrue(places.containsAll(java.util.List.of("Seine", "Paris", "Pyeongchang", "Molenbeek")), places.toString());
        assertTrue(named(x, "location", "Seine").has("latitude"));
    }

    @Test
    void aCityIsShownByItsEnglishNameAndFoundInAListTheModelMisread() {
        Extraction x = Fixtures.extract("Teams will travel between Moscow, Samara, Kazan, Nizhny Novgorod, Rostov-on-Don "
                + "and Kaliningrad this summer; fans from Munich will follow.");
        java.util.List<String> places = names(x, "location");
        assertTrue(places.containsAll(java.util.List.of("Moscow", "Kazan", "Nizhny Novgorod", "Rostov-on-Don",
                "Kaliningrad", "Samara", "Munich")), places.toString());
        assertTrue(names(x, "identity").isEmpty(), names(x, "identity").toString());
    }

    @Test
    void twoCountriesJoinedByAHyphenAndALowerCaseCompassRegionArePlaces() {
        Extraction x = Fixtures.extract("Supporters filled the ground for a Wales-Portugal friendly in Lyon. Rebels in the "
                + "north Caucasus region were blamed, and cadets in Nîmes took part in a drill.");
        java.util.List<String> places = names(x, "location");
        assertTrue(places.containsAll(java.util.List.of("Wales", "Portugal", "Lyon", "North Caucasus", "Nîmes")),
                places.toString());
        assertFalse(places.contains("Caucasus"), places.toString());
    }
}
