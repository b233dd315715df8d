package org.vigil.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.extract.Fixtures.named;
import static org.vigil.extract.Fixtures.names;
import static org.vigil.extract.Fixtures.relationships;

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
        StixObject nalchik = named(x, "location", "Nal’chik");
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
    void aHyphenatedGroupNameIsKeptWhole() {
        Extraction x = Fixtures.extract("Indian officials said Lashkar-e-Taiba was behind the bombing in Mumbai.");
        assertTrue(names(x, "threat-actor").contains("Lashkar-e-Taiba"), names(x, "threat-actor").toString());
    }

    @Test
    void aNameThatClaimsResponsibilityIsAGroupEvenForAnAttackOfNoKnownKind() {
        Extraction x = Fixtures.extract("The Taliban claimed responsibility for the attack in a statement on Wednesday.");
        assertTrue(names(x, "threat-actor").contains("Taliban"), names(x, "threat-actor").toString());
    }
}
