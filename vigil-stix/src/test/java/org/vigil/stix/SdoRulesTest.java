package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vigil.stix.Outcome.assertMentions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of section 4 of STIX 2.1 for each of the 19 STIX Domain Objects, as the type tables state them. */
class SdoRulesTest {

    private static final Set<String> COMMON_REQUIRED = Set.of("type", "spec_version", "id", "created", "modified");

    /** Per SDO, what a minimal valid example keeps besides the common properties. */
    private static final Map<String, List<String>> MINIMAL = Map.ofEntries(
            Map.entry("attack-pattern", List.of("name")),
            Map.entry("campaign", List.of("name")),
            Map.entry("course-of-action", List.of("name")),
            Map.entry("grouping", List.of("context", "object_refs")),
            Map.entry("identity", List.of("name")),
            Map.entry("incident", List.of("name")),
            Map.entry("indicator", List.of("pattern", "pattern_type", "valid_from")),
            Map.entry("infrastructure", List.of("name")),
            Map.entry("intrusion-set", List.of("name")),
            Map.entry("location", List.of("region")),
            Map.entry("malware", List.of("name", "is_family")),
            Map.entry("malware-analysis", List.of("product", "result")),
            Map.entry("note", List.of("content", "object_refs")),
            Map.entry("observed-data", List.of("first_observed", "last_observed", "number_observed", "object_refs")),
            Map.entry("opinion", List.of("opinion", "object_refs")),
            Map.entry("report", List.of("name", "published", "object_refs")),
            Map.entry("threat-actor", List.of("name")),
            Map.entry("tool", List.of("name")),
            Map.entry("vulnerability", List.of("name")));

    static Stream<String> sdoTypes() {
        return Example.SDO_TYPES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sdoTypes")
    void completeExampleOfEverySdoHasNoFindings(String type) {
        Example.of(type).validate().isClean();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sdoTypes")
    void minimalExampleOfEverySdoIsValidAndWarnsOnlyOfRecommendedProperties(String type) {
        ObjectNode json = Example.of(type).object().json();
        List<String> drop = new ArrayList<>();
        json.fieldNames().forEachRemaining(name -> {
            if (!COMMON_REQUIRED.contains(name) && !MINIMAL.get(type).contains(name)) {
                drop.add(name);
            }
        });
        Outcome outcome = Example.of(type).without(drop.toArray(String[]::new)).validate().hasNoErrors();
        outcome.warnings().forEach(w -> assertEquals("recommended-missing", w.code(), outcome::describe));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource({
        "identity, identity_class",
        "indicator, indicator_types",
        "infrastructure, infrastructure_types",
        "malware, malware_types",
        "report, report_types",
        "threat-actor, threat_actor_types",
        "tool, tool_types",
    })
    void aMissingRecommendedPropertyIsOnlyAWarning(String type, String property) {
        Finding f = Example.of(type).without(property).validate().onlyWarning("recommended-missing", "/" + property);
        assertMentions(f, property, "should be present");
    }

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource({
        "attack-pattern, name",
        "campaign, name",
        "course-of-action, name",
        "grouping, context",
        "grouping, object_refs",
        "identity, name",
        "incident, name",
        "indicator, pattern",
        "indicator, pattern_type",
        "indicator, valid_from",
        "infrastructure, name",
        "intrusion-set, name",
        "malware, is_family",
        "malware-analysis, product",
        "note, content",
        "note, object_refs",
        "observed-data, first_observed",
        "observed-data, last_observed",
        "observed-data, number_observed",
        "opinion, opinion",
        "opinion, object_refs",
        "report, name",
        "report, published",
        "report, object_refs",
        "threat-actor, name",
        "tool, name",
        "vulnerability, name",
    })
    void everyRequiredPropertyOfEverySdoIsRequired(String type, String property) {
        Finding f = Example.of(type).without(property).validate().onlyError("required-missing", "/" + property);
        assertMentions(f, property, "required", type);
    }

    @Nested
    class FirstAndLastSeen {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"campaign", "infrastructure", "intrusion-set", "malware", "threat-actor"})
        void lastSeenEarlierThanFirstSeenIsAnErrorThatNamesBothTimes(String type) {
            Finding f = Example.of(type).with("first_seen", "2016-05-01T00:00:00Z")
                    .with("last_seen", "2016-04-30T23:59:59.999Z")
                    .validate().onlyError("timestamp-order", "/last_seen");
            assertMentions(f, "last_seen", "first_seen", "2016-05-01T00:00:00Z", "2016-04-30T23:59:59.999Z");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"campaign", "infrastructure", "intrusion-set", "malware", "threat-actor"})
        void lastSeenMayEqualFirstSeen(String type) {
            Example.of(type).with("first_seen", "2016-05-01T00:00:00Z").with("last_seen", "2016-05-01T00:00:00.000Z")
                    .validate().isClean();
        }

        @Test
        void firstSeenMustBeATimestamp() {
            Finding f = Example.of("campaign").with("first_seen", "2016-05-01").validate()
                    .onlyError("timestamp-invalid", "/first_seen");
            assertMentions(f, "2016-05-01", "RFC 3339");
        }

        @Test
        void firstSeenNeedsNoMilliseconds() {
            Example.of("campaign").with("first_seen", "2016-05-01T10:00:00Z").validate().isClean();
        }
    }

    @Nested
    class Indicator {

        @Test
        void validUntilEqualToValidFromIsAnErrorBecauseItMustBeStrictlyLater() {
            Finding f = Example.of("indicator").with("valid_from", "2016-01-01T00:00:00Z")
                    .with("valid_until", "2016-01-01T00:00:00.000Z")
                    .validate().onlyError("timestamp-order", "/valid_until");
            assertMentions(f, "valid_until", "equal to", "valid_from", "later than");
        }

        @Test
        void validUntilBeforeValidFromIsAnError() {
            Finding f = Example.of("indicator").with("valid_until", "2015-12-31T23:59:59Z")
                    .validate().onlyError("timestamp-order", "/valid_until");
            assertMentions(f, "earlier than", "2015-12-31T23:59:59Z", "2016-01-01T00:00:00Z");
        }

        @Test
        void validUntilAfterValidFromIsValid() {
            Example.of("indicator").with("valid_until", "2016-01-01T00:00:00.001Z").validate().isClean();
        }

        @Test
        void validFromWithAnOffsetIsAnError() {
            Finding f = Example.of("indicator").with("valid_from", "2016-01-01T01:00:00+01:00")
                    .validate().onlyError("timestamp-invalid", "/valid_from");
            assertMentions(f, "Z");
        }

        @Test
        void aPatternTypeOutsideTheVocabularyIsOnlyAWarning() {
            Example.of("indicator").with("pattern_type", "kql").validate()
                    .onlyWarning("vocabulary-open", "/pattern_type");
        }

        @Test
        void anIndicatorTypeOutsideTheVocabularyIsOnlyAWarning() {
            Example.of("indicator").withJson("indicator_types", "['malicious-activity', 'ticket-fraud']").validate()
                    .onlyWarning("vocabulary-open", "/indicator_types/1");
        }

        @ParameterizedTest(name = "without {0}")
        @CsvSource({"phase_name, kill_chain_name", "kill_chain_name, phase_name"})
        void aKillChainPhaseNeedsBothItsNames(String missing, String present) {
            Finding f = Example.of("indicator").withJson("kill_chain_phases", "[{'" + present + "': 'delivery'}]")
                    .validate().onlyError("required-missing", "/kill_chain_phases/0/" + missing);
            assertMentions(f, missing, "kill-chain-phase");
        }

        @Test
        void killChainNamesShouldBeLowercaseWithHyphens() {
            Example.of("indicator")
                    .withJson("kill_chain_phases",
                            "[{'kill_chain_name': 'Lockheed Martin', 'phase_name': 'reconnaissance'}]")
                    .validate().onlyWarning("lowercase-hyphen", "/kill_chain_phases/0/kill_chain_name");
        }
    }

    @Nested
    class ObservedData {

        @ParameterizedTest(name = "number_observed {0}")
        @ValueSource(longs = {0, -1, 1_000_000_000L})
        void numberObservedOutsideOneToNineHundredNinetyNineMillionIsOutOfRange(long n) {
            Finding f = Example.of("observed-data").with("number_observed", n).validate()
                    .onlyError("out-of-range", "/number_observed");
            assertMentions(f, "number_observed", Long.toString(n), "from 1 to 999999999");
        }

        @ParameterizedTest(name = "number_observed {0}")
        @ValueSource(longs = {1, 999_999_999L})
        void numberObservedAtEitherBoundIsValid(long n) {
            Example.of("observed-data").with("number_observed", n).validate().isClean();
        }

        @Test
        void numberObservedMustBeAnInteger() {
            Example.of("observed-data").withJson("number_observed", "1.5").validate()
                    .onlyError("type-mismatch", "/number_observed");
        }

        @Test
        void lastObservedBeforeFirstObservedIsAnError() {
            Example.of("observed-data").with("last_observed", "2015-12-21T18:59:59Z").validate()
                    .onlyError("timestamp-order", "/last_observed");
        }

        @Test
        void objectRefsAndObjectsTogetherIsAnError() {
            Finding f = Example.of("observed-data")
                    .withJson("objects", "{'0': {'type': 'ipv4-addr', 'value': '198.51.100.3'}}")
                    .validate().onlyError("exactly-one", "");
            assertMentions(f, "object_refs", "objects");
        }

        @Test
        void neitherObjectRefsNorObjectsIsAnError() {
            Example.of("observed-data").without("object_refs").validate().onlyError("exactly-one", "");
        }

        @Test
        void theDeprecatedObjectsPropertyStillValidatesWithAWarning() {
            Finding f = Example.of("observed-data").without("object_refs")
                    .withJson("objects", "{'0': {'type': 'ipv4-addr', 'value': '198.51.100.3'}}")
                    .validate().onlyWarning("deprecated-property", "/objects");
            assertMentions(f, "objects", "deprecated");
        }

        @Test
        void objectRefsMustNotPointAtAnSdo() {
            Finding f = Example.of("observed-data")
                    .withJson("object_refs", "['" + Ids.IPV4 + "', '" + Ids.INDICATOR + "']")
                    .validate().onlyError("ref-type", "/object_refs/1");
            assertMentions(f, "object_refs[1] points at an indicator", Ids.INDICATOR);
        }

        @Test
        void objectRefsMayPointAtScosAndSros() {
            Example.of("observed-data")
                    .withJson("object_refs", "['" + Ids.IPV4 + "', '" + Ids.RELATIONSHIP + "', '" + Ids.SIGHTING + "']")
                    .validate().isClean();
        }
    }

    @Nested
    class Opinion {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"})
        void everyValueOfTheOpinionEnumerationIsValid(String opinion) {
            Example.of("opinion").with("opinion", opinion).validate().isClean();
        }

        @Test
        void anOpinionOutsideTheClosedEnumerationIsAnErrorListingTheAllowedValues() {
            Finding f = Example.of("opinion").with("opinion", "maybe").validate()
                    .onlyError("vocabulary-closed", "/opinion");
            assertMentions(f, "'maybe'", "opinion-enum", "strongly-agree");
        }
    }

    @Nested
    class Report {

        @Test
        void aReportTypeOutsideTheOpenVocabularyIsOnlyAWarning() {
            Finding f = Example.of("report").withJson("report_types", "['x-acme-bulletin']").validate()
                    .onlyWarning("vocabulary-open", "/report_types/0");
            assertMentions(f, "x-acme-bulletin", "report-type-ov");
        }

        @Test
        void objectRefsMustNotBeEmpty() {
            Example.of("report").withJson("object_refs", "[]").validate().onlyError("list-empty", "/object_refs");
        }

        @Test
        void publishedMustBeATimestamp() {
            Example.of("report").with("published", "20 January 2016").validate()
                    .onlyError("timestamp-invalid", "/published");
        }
    }

    @Nested
    class Location {

        @ParameterizedTest(name = "latitude {0}")
        @ValueSource(strings = {"91", "-90.0001", "1e3"})
        void latitudeBeyondNinetyDegreesIsOutOfRange(String latitude) {
            Finding f = Example.of("location").withJson("latitude", latitude).withJson("longitude", "8.5")
                    .validate().onlyError("out-of-range", "/latitude");
            assertMentions(f, "latitude", "-90 to 90");
        }

        @Test
        void longitudeBeyondOneHundredEightyDegreesIsOutOfRange() {
            Example.of("location").withJson("latitude", "47.37").withJson("longitude", "180.5")
                    .validate().onlyError("out-of-range", "/longitude");
        }

        @Test
        void coordinatesWithPrecisionAloneMakeAValidLocation() {
            Example.of("location").without("region").withJson("latitude", "-90").withJson("longitude", "180")
                    .withJson("precision", "1000.0").validate().isClean();
        }

        @Test
        void aCountryAloneMakesAValidLocation() {
            Example.of("location").without("region").with("country", "ch").validate().isClean();
        }

        @Test
        void aLocationNeedsARegionACountryOrCoordinates() {
            Finding f = Example.of("location").without("region").with("city", "Zurich").validate()
                    .onlyError("at-least-one", "");
            assertMentions(f, "region", "country", "latitude");
        }

        @Test
        void latitudeWithoutLongitudeIsAnError() {
            Finding f = Example.of("location").withJson("latitude", "47.37").validate().onlyError("together", "");
            assertMentions(f, "latitude", "longitude");
        }

        @Test
        void longitudeWithoutLatitudeIsAnError() {
            Example.of("location").withJson("longitude", "8.54").validate().onlyError("together", "");
        }

        @Test
        void precisionWithoutCoordinatesIsAnError() {
            Outcome outcome = Example.of("location").withJson("precision", "100").validate();
            Finding f = outcome.error("requires", "/latitude");
            outcome.error("requires", "/longitude");
            assertMentions(f, "latitude", "precision");
        }

        @Test
        void aNegativePrecisionIsOutOfRange() {
            Example.of("location").withJson("latitude", "47.37").withJson("longitude", "8.54")
                    .withJson("precision", "-1").validate().onlyError("out-of-range", "/precision");
        }

        @Test
        void aRegionOutsideTheVocabularyIsOnlyAWarning() {
            Example.of("location").with("region", "alps").validate().onlyWarning("vocabulary-open", "/region");
        }
    }

    @Nested
    class Malware {

        @Test
        void aMalwareFamilyMustHaveAName() {
            Finding f = Example.of("malware").without("name").validate().onlyError("requires", "/name");
            assertMentions(f, "name", "is_family", "true");
        }

        @Test
        void aMalwareInstanceNeedsNoName() {
            Example.of("malware").without("name").with("is_family", false).validate().isClean();
        }

        @Test
        void isFamilyMustBeABoolean() {
            Example.of("malware").with("is_family", "true").validate().onlyError("type-mismatch", "/is_family");
        }

        @Test
        void sampleRefsMustPointAtFilesOrArtifacts() {
            Finding f = Example.of("malware").withJson("sample_refs", "['" + Ids.FILE + "', '" + Ids.INDICATOR + "']")
                    .validate().onlyError("ref-type", "/sample_refs/1");
            assertMentions(f, "file", "artifact");
        }

        @Test
        void operatingSystemRefsMustPointAtSoftware() {
            Example.of("malware").withJson("operating_system_refs", "['" + Ids.SOFTWARE + "']").validate().isClean();
            Example.of("malware").withJson("operating_system_refs", "['" + Ids.FILE + "']").validate()
                    .onlyError("ref-type", "/operating_system_refs/0");
        }

        @Test
        void capabilitiesOutsideTheVocabularyAreOnlyWarnings() {
            Example.of("malware").withJson("capabilities", "['steals-tickets']").validate()
                    .onlyWarning("vocabulary-open", "/capabilities/0");
        }
    }

    @Nested
    class MalwareAnalysis {

        @Test
        void aResultOrAnalysisScoRefsMustBeGiven() {
            Finding f = Example.of("malware-analysis").without("result").validate().onlyError("at-least-one", "");
            assertMentions(f, "result", "analysis_sco_refs");
        }

        @Test
        void analysisScoRefsAloneAreEnough() {
            Example.of("malware-analysis").without("result").withJson("analysis_sco_refs", "['" + Ids.FILE + "']")
                    .validate().isClean();
        }

        @Test
        void analysisScoRefsMustPointAtScos() {
            Example.of("malware-analysis").withJson("analysis_sco_refs", "['" + Ids.MALWARE + "']").validate()
                    .onlyError("ref-type", "/analysis_sco_refs/0");
        }

        @Test
        void analysisEndedBeforeAnalysisStartedIsAnError() {
            Example.of("malware-analysis").with("analysis_started", "2020-01-01T10:00:00Z")
                    .with("analysis_ended", "2020-01-01T09:00:00Z")
                    .validate().onlyError("timestamp-order", "/analysis_ended");
        }

        @Test
        void sampleRefMustPointAtAFileArtifactOrNetworkTraffic() {
            Example.of("malware-analysis").with("sample_ref", Ids.URL).validate().onlyError("ref-type", "/sample_ref");
        }

        @Test
        void hostVmRefMustPointAtSoftware() {
            Example.of("malware-analysis").with("host_vm_ref", Ids.SOFTWARE).validate().isClean();
            Example.of("malware-analysis").with("host_vm_ref", Ids.TOOL).validate()
                    .onlyError("ref-type", "/host_vm_ref");
        }
    }

    @Nested
    class CourseOfAction {

        @Test
        void theReservedActionPropertyMustNotBeUsed() {
            Finding f = Example.of("course-of-action").with("action", "block port 80").validate()
                    .onlyError("reserved-property", "/action");
            assertMentions(f, "action", "reserved");
        }
    }

    @Nested
    class OtherSdos {

        @Test
        void aGroupingContextOutsideTheVocabularyIsOnlyAWarning() {
            Example.of("grouping").with("context", "match-day-watch").validate()
                    .onlyWarning("vocabulary-open", "/context");
        }

        @Test
        void groupingObjectRefsMayPointAtAnyObject() {
            Example.of("grouping").withJson("object_refs",
                    "['" + Ids.MARKING + "', '" + Ids.SIGHTING + "', '" + Ids.CUSTOM + "']").validate().isClean();
        }

        @Test
        void anIdentitySectorOutsideTheVocabularyIsOnlyAWarning() {
            Example.of("identity").withJson("sectors", "['sports']").validate()
                    .onlyWarning("vocabulary-open", "/sectors/0");
        }

        @Test
        void noteObjectRefsMustHoldIdentifiers() {
            Finding f = Example.of("note").withJson("object_refs", "['campaign-8e2e2d2b']").validate()
                    .onlyError("id-invalid", "/object_refs/0");
            assertMentions(f, "campaign-8e2e2d2b", "type--uuid");
        }

        @Test
        void noteAuthorsMustBeAList() {
            Finding f = Example.of("note").with("authors", "Ann Analyst").validate()
                    .onlyError("type-mismatch", "/authors");
            assertMentions(f, "authors", "a list of strings", "Ann Analyst");
        }

        @Test
        void threatActorVocabulariesAreOpen() {
            Outcome outcome = Example.of("threat-actor").with("sophistication", "wizard")
                    .withJson("roles", "['agent', 'mascot']").with("primary_motivation", "fame")
                    .validate().hasNoErrors();
            outcome.warning("vocabulary-open", "/sophistication");
            outcome.warning("vocabulary-open", "/roles/1");
            outcome.warning("vocabulary-open", "/primary_motivation");
        }

        @Test
        void intrusionSetResourceLevelOutsideTheVocabularyIsOnlyAWarning() {
            Example.of("intrusion-set").with("resource_level", "nation").validate()
                    .onlyWarning("vocabulary-open", "/resource_level");
        }

        @Test
        void aToolTypeOutsideTheVocabularyIsOnlyAWarning() {
            Example.of("tool").withJson("tool_types", "['ticket-bot']").validate()
                    .onlyWarning("vocabulary-open", "/tool_types/0");
        }

        @Test
        void anInfrastructureTypeOutsideTheVocabularyIsOnlyAWarning() {
            Example.of("infrastructure").withJson("infrastructure_types", "['cdn']").validate()
                    .onlyWarning("vocabulary-open", "/infrastructure_types/0");
        }

        @Test
        void incidentKillChainPhasesAreKillChainPhases() {
            Example.of("incident").withJson("kill_chain_phases", "['exploitation']").validate()
                    .onlyError("type-mismatch", "/kill_chain_phases/0");
        }

        @Test
        void attackPatternAliasesMustBeStrings() {
            Example.of("attack-pattern").withJson("aliases", "['T1566', 1566]").validate()
                    .onlyError("type-mismatch", "/aliases/1");
        }
    }
}
