package org.vigil.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.User;
import org.vigil.stix.StixJson;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.stix.Validator;

class MarkingPolicyTest {

    private static final String SOURCE_ORG = "identity--11111111-1111-4111-8111-111111111111";
    private static final String OTHER_ORG = "identity--22222222-2222-4222-8222-222222222222";

    private static final java.util.Map<String, UUID> ORGS = new java.util.HashMap<>();

    private static Principal user(String name, String orgIdentity, boolean member, Role role) {
        UUID org = ORGS.computeIfAbsent(orgIdentity, k -> UUID.nameUUIDFromBytes(k.getBytes()));
        return Principal.of(new User(UUID.nameUUIDFromBytes(name.getBytes()), name, org, role, null),
                new Organisation(org, orgIdentity, orgIdentity, member));
    }

    private static final Principal POSTER = user("poster", SOURCE_ORG, true, Role.ANALYST);
    private static final Principal COLLEAGUE = user("colleague", SOURCE_ORG, true, Role.READER);
    private static final Principal PARTNER = user("partner", OTHER_ORG, true, Role.READER);
    private static final Principal OUTSIDER = user("outsider", "identity--33333333-3333-4333-8333-333333333333", false,
            Role.READER);
    private static final Principal ADMIN = user("admin", SOURCE_ORG, true, Role.ADMIN);
    private static final Principal RECIPIENT = user("recipient", OTHER_ORG, true, Role.READER);

    private static StixObject marked(Tlp level) {
        String markings = level == null ? "" : ",\"object_marking_refs\":[\"" + level.markingId() + "\"]";
        return StixJson.parse("{\"type\":\"indicator\",\"spec_version\":\"2.1\","
                + "\"id\":\"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\",\"created_by_ref\":\"" + SOURCE_ORG + "\","
                + "\"created\":\"2020-01-01T00:00:00.000Z\",\"modified\":\"2020-01-01T00:00:00.000Z\","
                + "\"name\":\"n\",\"description\":\"secret detail\",\"pattern\":\"[ipv4-addr:value = '1.2.3.4']\","
                + "\"pattern_type\":\"stix\",\"valid_from\":\"2020-01-01T00:00:00Z\"" + markings
                + ",\"extensions\":{\"" + RedRecipients.EXTENSION_ID + "\":{\"extension_type\":\"property-extension\","
                + "\"recipients\":[\"" + RECIPIENT.userId() + "\"]}}}");
    }

    private static boolean sees(Principal p, Tlp level) {
        return MarkingPolicy.view(p, marked(level), new MarkingPolicy.Source(POSTER.userId(), Tlp.AMBER)).isPresent();
    }

    @Test
    void followsTheSharingTableForEveryLevelAndReader() {
        Map<Tlp, List<Principal>> allowed = Map.of(
                Tlp.CLEAR, List.of(Principal.anonymous(), POSTER, COLLEAGUE, PARTNER, OUTSIDER, ADMIN, RECIPIENT),
                Tlp.GREEN, List.of(POSTER, COLLEAGUE, PARTNER, ADMIN, RECIPIENT),
                Tlp.AMBER, List.of(POSTER, COLLEAGUE, PARTNER, OUTSIDER, ADMIN, RECIPIENT),
                Tlp.AMBER_STRICT, List.of(POSTER, COLLEAGUE, ADMIN),
                Tlp.RED, List.of(POSTER, RECIPIENT));
        List<Principal> everyone = List.of(Principal.anonymous(), POSTER, COLLEAGUE, PARTNER, OUTSIDER, ADMIN, RECIPIENT);
        for (Tlp level : Tlp.values()) {
            for (Principal p : everyone) {
                assertEquals(allowed.get(level).contains(p), sees(p, level), p + " reading " + level);
            }
        }
    }

    @Test
    void unmarkedObjectTakesTheCollectionDefault() {
        StixObject o = marked(null);
        assertTrue(MarkingPolicy.view(PARTNER, o, new MarkingPolicy.Source(POSTER.userId(), Tlp.AMBER)).isPresent());
        assertFalse(MarkingPolicy.view(Principal.anonymous(), o, new MarkingPolicy.Source(POSTER.userId(), Tlp.AMBER)).isPresent());
        assertTrue(MarkingPolicy.view(Principal.anonymous(), o, new MarkingPolicy.Source(POSTER.userId(), Tlp.CLEAR)).isPresent());
    }

    @Test
    void mostRestrictiveMarkingWins() {
        StixObject o = marked(Tlp.GREEN).with("object_marking_refs", StixJson.parse(
                "{\"type\":\"x\",\"l\":[\"" + Tlp.GREEN.markingId() + "\",\"marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed\"]}")
                .property("l").orElseThrow());
        assertEquals(Tlp.RED, MarkingPolicy.level(o, Tlp.CLEAR));
    }

    @Test
    void readsOpenCtiAndTlp1IdsAsTheirTlp2Levels() {
        assertEquals(Tlp.AMBER_STRICT, Tlp.mostRestrictiveOf(
                List.of("marking-definition--826578e1-40ad-459f-bc73-ede076f81f37")).orElseThrow());
        assertEquals(Tlp.CLEAR, Tlp.mostRestrictiveOf(
                List.of("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9")).orElseThrow());
    }

    @Test
    void granularMarkingRemovesOnlyTheMarkedPropertiesForReadersWithoutClearance() {
        StixObject o = marked(Tlp.GREEN).with("granular_markings", StixJson.parse("{\"type\":\"x\",\"g\":[{\"marking_ref\":\""
                + Tlp.AMBER_STRICT.markingId() + "\",\"selectors\":[\"description\"]}]}").property("g").orElseThrow());
        MarkingPolicy.Source source = new MarkingPolicy.Source(POSTER.userId(), Tlp.AMBER);
        StixObject partnerView = MarkingPolicy.view(PARTNER, o, source).orElseThrow();
        assertFalse(partnerView.has("description"));
        assertEquals("n", partnerView.text("name"));
        assertEquals("secret detail", MarkingPolicy.view(COLLEAGUE, o, source).orElseThrow().text("description"));
    }

    @Test
    void redactsListItemsFromTheHighestIndexDown() {
        StixObject o = StixJson.parse("{\"type\":\"x-a\",\"labels\":[\"a\",\"b\",\"c\",\"d\"]}");
        assertEquals("[\"b\",\"d\"]", MarkingPolicy.redact(o, List.of("labels.[0]", "labels.[2]"))
                .property("labels").orElseThrow().toString());
    }

    @Test
    void redRecipientsAreReadFromTheVigilExtension() {
        assertEquals(Set.of(RECIPIENT.userId().toString()), RedRecipients.of(marked(Tlp.RED)));
    }

    @Test
    void publishedExtensionDefinitionIsValidStix() {
        assertTrue(Validator.standard().validate(RedRecipients.definition()).isEmpty(),
                Validator.standard().validate(RedRecipients.definition()).toString());
        assertTrue(Validator.standard().validate(org.vigil.stix.Publisher.identity()).isEmpty());
    }
}
