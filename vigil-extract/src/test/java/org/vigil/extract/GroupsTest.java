package org.vigil.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.extract.Fixtures.named;
import static org.vigil.extract.Fixtures.names;
import static org.vigil.extract.Fixtures.relationships;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.stix.StixObject;

/** Armed groups become threat actors, never organisations, even when their names contain places. */
class GroupsTest {

    private static final String EMIRATE = "MOSCOW — Chechen leader Ramzan Kadyrov said on Monday that Doku Umarov, "
            + "the leader of the Caucasus Emirate, had been killed.\n\n"
            + "The Caucasus Emirate, an Islamic militant group that has fought for years in the North Caucasus, "
            + "claimed responsibility for a car bomb in Nalchik last month.";

    @Test
    void aGroupNamedAfterAPlaceIsAThreatActorAndNotThePlace() {
        Extraction x = Fixtures.extract(EMIRATE);
        StixObject emirate = named(x, "threat-actor", "Caucasus Emirate");
        assertTrue(emirate.texts("threat_actor_types").contains("terrorist"));
        assertFalse(names(x, "location").contains("Caucasus"), names(x, "location").toString());
        assertTrue(names(x, "location").contains("North Caucasus"));
        assertFalse(names(x, "identity").contains("Caucasus Emirate"));
    }

    @Test
    void aGroupClaimingAnAttackUsesItAndTargetsWhereItStruck() {
        Extraction x = Fixtures.extract(EMIRATE);
        StixObject emirate = named(x, "threat-actor", "Caucasus Emirate");
        StixObject carBomb = named(x, "attack-pattern", "car bomb");
        StixObject nalchik = named(x, "location", "Nalchik");
        assertEquals(1, relationships(x, "uses", emirate.id(), carBomb.id()).size());
        assertEquals(1, relationships(x, "targets", emirate.id(), nalchik.id()).size());
        assertEquals(1, relationships(x, "targets", carBomb.id(), nalchik.id()).size());
    }

    @Test
    void theLeaderOfAGroupIsLinkedToIt() {
        Extraction x = Fixtures.extract(EMIRATE);
        String umarov = named(x, "identity", "Doku Umarov").id();
        String emirate = named(x, "threat-actor", "Caucasus Emirate").id();
        assertEquals(1, relationships(x, "related-to", umarov, emirate).size());
    }

    @Test
    void namesDescribedAsMilitantsAreGroupsWhateverTheModelThought() {
        Extraction x = Fixtures.extract("Boko Haram militants kidnapped 20 girls from a school in Nigeria on Monday.");
        StixObject boko = named(x, "threat-actor", "Boko Haram");
        StixObject kidnapping = named(x, "attack-pattern", "kidnapping");
        assertEquals(1, relationships(x, "uses", boko.id(), kidnapping.id()).size());
        assertFalse(names(x, "identity").contains("Boko Haram"));
    }

    @Test
    void adjectivesOfPeoplesAndReligionsNeverBecomeGroups() {
        Extraction x = Fixtures.extract("Chechen rebels and an Islamic militant group claimed responsibility for "
                + "two suicide bombings in Volgograd.");
        assertTrue(names(x, "threat-actor").isEmpty(), names(x, "threat-actor").toString());
        assertTrue(names(x, "attack-pattern").contains("suicide bombing"));
    }

    @Test
    void aHyphenatedGroupNameIsKeptWholeUnderTheNameOfTheDesignationList() {
        Extraction x = Fixtures.extract("Indian officials said Lashkar-e-Taiba was behind the bombing in Mumbai.");
        StixObject let = named(x, "threat-actor", "Lashkar-e-Tayyiba");
        assertEquals(List.of("Lashkar-e-Taiba"), let.texts("aliases"));
    }

    @Test
    void everySpellingOfADesignatedGroupIsOneThreatActorAndNeverAPersonOrOrganisation() {
        Extraction x = Fixtures.extract("Al-Qaeda and the Islamic State are rivals, officials said on Monday. "
                + "A spokesman for al Qaeda denied that ISIS had taken over. Daesh said nothing.");
        assertEquals(List.of("Islamic State", "al-Qaida"), names(x, "threat-actor").stream().sorted().toList());
        assertTrue(names(x, "identity").isEmpty(), names(x, "identity").toString());
        assertTrue(names(x, "location").isEmpty(), names(x, "location").toString());
    }

    @Test
    void aNameWithAParticleIsNeverSplit() {
        Extraction x = Fixtures.extract("Police in Tunis said Ansar al-Sharia had planned the attack. "
                + "The militant group Jund al-Khilafa also claimed responsibility for the bombing.");
        List<String> groups = names(x, "threat-actor");
        assertTrue(groups.contains("Ansar al-Sharia"), groups.toString());
        assertTrue(groups.contains("Jund al-Khilafa"), groups.toString());
        assertTrue(groups.stream().noneMatch(g -> g.equals("Ansar") || g.equals("Jund") || g.startsWith("al-")), groups.toString());
    }

    @Test
    void unlistedGroupsAreKnownByTheWordsAroundThem() {
        Extraction x = Fixtures.extract("Officials blamed Harakat Sawa, an insurgent network based in the hills, "
                + "for the kidnapping of two engineers on Monday. The militant group Liwa Tahrir denied any role.");
        List<String> groups = names(x, "threat-actor");
        assertTrue(groups.contains("Harakat Sawa"), groups.toString());
        assertTrue(groups.contains("Liwa Tahrir"), groups.toString());
        assertTrue(names(x, "identity").isEmpty(), names(x, "identity").toString());
    }

    @Test
    void aBracketedNameAfterAGroupIsItsAlias() {
        Extraction x = Fixtures.extract("Local papers tie the suspect to the Islamist group Shura Jamaat "
                + "(Shura Battalion), which operates in Ingushetia.");
        StixObject shura = named(x, "threat-actor", "Shura Jamaat");
        assertEquals(List.of("Shura Battalion"), shura.texts("aliases"));
        assertTrue(names(x, "identity").isEmpty(), names(x, "identity").toString());
    }

    @Test
    void theNameOfAnEventIsNeverTheGroupBehindIt() {
        Extraction x = Fixtures.extract("Investigators said the Boston Marathon bombing was planned for months.");
        assertTrue(names(x, "threat-actor").isEmpty(), names(x, "threat-actor").toString());
    }

    @Test
    void aNameThatClaimsResponsibilityIsAGroupEvenForAnAttackOfNoKnownKind() {
        Extraction x = Fixtures.extract("The Taliban claimed responsibility for the attack in a statement on Wednesday.");
        assertTrue(names(x, "threat-actor").contains("Taliban"), names(x, "threat-actor").toString());
    }

    @Test
    void coordinatedKindsOfAttackAreEachFoundAndCriminalChargesAreNone() {
        Extraction x = Fixtures.extract("Firefighters trained for a biological and chemical attack at the port of Marseille. "
                + "The suspect faces charges of kidnapping and extortion in two countries.");
        List<String> attacks = names(x, "attack-pattern");
        assertTrue(attacks.containsAll(List.of("chemical attack", "biological attack")), attacks.toString());
        assertFalse(attacks.contains("kidnapping"), attacks.toString());
    }
}
