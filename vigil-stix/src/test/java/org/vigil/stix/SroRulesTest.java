package org.vigil.stix;

import static org.vigil.stix.Outcome.assertMentions;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of section 5 of STIX 2.1 for the two STIX Relationship Objects, relationship and sighting. */
class SroRulesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"relationship", "sighting"})
    void completeExampleOfEverySroHasNoFindings(String type) {
        Example.of(type).validate().isClean();
    }

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource({
        "relationship, relationship_type",
        "relationship, source_ref",
        "relationship, target_ref",
        "sighting, sighting_of_ref",
    })
    void everyRequiredPropertyOfEverySroIsRequired(String type, String property) {
        Finding f = Example.of(type).without(property).validate().onlyError("required-missing", "/" + property);
        assertMentions(f, property, "required");
    }

    @Nested
    class Relationship {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"uses", "related-to", "derived-from", "x-acme-hosted-on", "located-at"})
        void relationshipTypesOfLowercaseLettersDigitsAndHyphensAreValid(String relationshipType) {
            Example.of("relationship").with("relationship_type", relationshipType).validate().isClean();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Uses", "related_to", "related to", "verwendet-für"})
        void relationshipTypeOutsideTheTokenFormatIsAnError(String relationshipType) {
            Finding f = Example.of("relationship").with("relationship_type", relationshipType).validate()
                    .onlyError("token-invalid", "/relationship_type");
            assertMentions(f, relationshipType, "lowercase");
        }

        @Test
        void sourceRefMustNotPointAtAnotherRelationship() {
            String other = "relationship--9ab3e4c9-2c47-4f80-8e51-a3f01a0b1e8c";
            Finding f = Example.of("relationship").with("source_ref", other).validate()
                    .onlyError("ref-type", "/source_ref");
            assertMentions(f, "source_ref", other);
        }

        @Test
        void targetRefMustNotPointAtAMarkingDefinition() {
            Example.of("relationship").with("target_ref", Ids.MARKING).validate().onlyError("ref-type", "/target_ref");
        }

        @Test
        void targetRefMayPointAtAnSco() {
            Example.of("relationship").with("relationship_type", "communicates-with").with("target_ref", Ids.IPV4)
                    .validate().isClean();
        }

        @Test
        void targetRefMayPointAtACustomObject() {
            Example.of("relationship").with("target_ref", Ids.CUSTOM).validate().isClean();
        }

        @Test
        void sourceRefMustBeAnIdentifier() {
            Example.of("relationship").with("source_ref", "threat-actor").validate()
                    .onlyError("id-invalid", "/source_ref");
        }

        @Test
        void stopTimeEqualToStartTimeIsAnErrorBecauseItMustBeStrictlyLater() {
            Finding f = Example.of("relationship").with("start_time", "2016-04-06T20:03:00Z")
                    .with("stop_time", "2016-04-06T20:03:00.000Z").validate()
                    .onlyError("timestamp-order", "/stop_time");
            assertMentions(f, "stop_time", "start_time", "equal to");
        }

        @Test
        void stopTimeBeforeStartTimeIsAnError() {
            Example.of("relationship").with("start_time", "2016-04-06T20:03:00Z")
                    .with("stop_time", "2016-04-05T20:03:00Z").validate().onlyError("timestamp-order", "/stop_time");
        }

        @Test
        void stopTimeAfterStartTimeIsValid() {
            Example.of("relationship").with("start_time", "2016-04-06T20:03:00Z")
                    .with("stop_time", "2016-04-06T20:03:00.5Z").validate().isClean();
        }
    }

    @Nested
    class Sighting {

        @Test
        void sightingOfRefMustNotPointAtARelationship() {
            Finding f = Example.of("sighting").with("sighting_of_ref", Ids.RELATIONSHIP).validate()
                    .onlyError("ref-type", "/sighting_of_ref");
            assertMentions(f, "sighting_of_ref", Ids.RELATIONSHIP, "sdo");
        }

        @Test
        void sightingOfRefMustNotPointAtAnSco() {
            Example.of("sighting").with("sighting_of_ref", Ids.IPV4).validate()
                    .onlyError("ref-type", "/sighting_of_ref");
        }

        @Test
        void sightingOfRefMayPointAtACustomSdo() {
            Example.of("sighting").with("sighting_of_ref", Ids.CUSTOM).validate().isClean();
        }

        @Test
        void whereSightedRefsMustNotPointAtMalware() {
            Finding f = Example.of("sighting")
                    .withJson("where_sighted_refs", "['" + Ids.IDENTITY + "', '" + Ids.MALWARE + "']")
                    .validate().onlyError("ref-type", "/where_sighted_refs/1");
            assertMentions(f, "identity", "location");
        }

        @Test
        void whereSightedRefsMayPointAtIdentitiesAndLocations() {
            Example.of("sighting").withJson("where_sighted_refs", "['" + Ids.IDENTITY + "', '" + Ids.LOCATION + "']")
                    .validate().isClean();
        }

        @Test
        void observedDataRefsMustPointAtObservedData() {
            Example.of("sighting").withJson("observed_data_refs", "['" + Ids.OBSERVED_DATA + "']").validate().isClean();
            Example.of("sighting").withJson("observed_data_refs", "['" + Ids.INDICATOR + "']").validate()
                    .onlyError("ref-type", "/observed_data_refs/0");
        }

        @ParameterizedTest(name = "count {0}")
        @ValueSource(longs = {1_000_000_000L, -1})
        void countOutsideZeroToNineHundredNinetyNineMillionIsOutOfRange(long count) {
            Finding f = Example.of("sighting").with("count", count).validate().onlyError("out-of-range", "/count");
            assertMentions(f, "count", Long.toString(count), "0 to 999999999");
        }

        @ParameterizedTest(name = "count {0}")
        @ValueSource(longs = {0, 999_999_999L})
        void countAtEitherBoundIsValid(long count) {
            Example.of("sighting").with("count", count).validate().isClean();
        }

        @Test
        void lastSeenBeforeFirstSeenIsAnError() {
            Example.of("sighting").with("first_seen", "2015-12-21T19:00:00Z").with("last_seen", "2015-12-21T18:00:00Z")
                    .validate().onlyError("timestamp-order", "/last_seen");
        }

        @Test
        void lastSeenEqualToFirstSeenIsValid() {
            Example.of("sighting").with("first_seen", "2015-12-21T19:00:00Z").with("last_seen", "2015-12-21T19:00:00Z")
                    .validate().isClean();
        }

        @Test
        void summaryMustBeABoolean() {
            Example.of("sighting").with("summary", "yes").validate().onlyError("type-mismatch", "/summary");
        }
    }
}
