package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.vigil.stix.Outcome.assertMentions;

import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The common properties of SDOs and SROs (section 3.2 of STIX 2.1) and the rules every object obeys: identifiers,
 * timestamps, references, markings, external references, custom properties, extensions and custom objects.
 */
class CommonPropertiesTest {

    private static final String EXTENSION = "extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e";

    static Stream<String> sdoAndSroTypes() {
        return Stream.concat(Example.SDO_TYPES.stream(), Example.SRO_TYPES.stream());
    }

    static Stream<Arguments> requiredCommonProperties() {
        return sdoAndSroTypes().flatMap(type -> Stream.of("spec_version", "id", "created", "modified")
                .map(property -> Arguments.of(type, property)));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredCommonProperties")
    void everyRequiredCommonPropertyIsRequiredOnEverySdoAndSro(String type, String property) {
        Finding f = Example.of(type).without(property).validate().onlyError("required-missing", "/" + property);
        assertMentions(f, property, "required");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sdoAndSroTypes")
    void anObjectWithoutATypeIsAnError(String type) {
        Finding f = Example.of(type).without("type").validate().onlyError("required-missing", "/type");
        assertMentions(f, "type");
    }

    @Test
    void aTypeThatIsNotAStringIsAnError() {
        Example.of("campaign").with("type", 7).validate().onlyError("type-mismatch", "/type");
    }

    @Test
    void aFindingForAnObjectWithoutIdCarriesNoObjectId() {
        Finding f = Example.of("campaign").without("id").validate().onlyError("required-missing", "/id");
        assertNull(f.objectId());
    }

    @Test
    void everyFindingNamesTheObjectItConcerns() {
        Finding f = Example.of("campaign").with("confidence", 101).validate().onlyError("out-of-range", "/confidence");
        assertEquals(Ids.CAMPAIGN, f.objectId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sdoAndSroTypes")
    void specVersionMustBeTwoPointOne(String type) {
        Finding f = Example.of(type).with("spec_version", "2.0").validate()
                .onlyError("vocabulary-closed", "/spec_version");
        assertMentions(f, "'2.0'", "2.1");
    }

    @Nested
    class Identifiers {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.vigil.stix.CommonPropertiesTest#sdoAndSroTypes")
        void anUppercaseUuidIsInvalid(String type) {
            Example example = Example.of(type);
            Finding f = example.with("id", example.id().toUpperCase().replace(type.toUpperCase(), type)).validate()
                    .onlyError("id-invalid", "/id");
            assertMentions(f, "lowercase");
        }

        @Test
        void anIdWithoutTheDoubleHyphenIsInvalid() {
            Finding f = Example.of("campaign").with("id", "campaign-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f").validate()
                    .onlyError("id-invalid", "/id");
            assertMentions(f, "type--uuid");
        }

        @Test
        void anIdWithAUuidOfTheWrongVariantIsInvalid() {
            Finding f = Example.of("campaign").with("id", "campaign--8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f").validate()
                    .onlyError("id-invalid", "/id");
            assertMentions(f, "variant");
        }

        @Test
        void anIdWithATruncatedUuidIsInvalid() {
            Example.of("campaign").with("id", "campaign--8e2e2d2b-17d4-4cbf-938f").validate()
                    .onlyError("id-invalid", "/id");
        }

        @Test
        void anIdOfAnotherTypeIsAMismatch() {
            Finding f = Example.of("campaign").with("id", Ids.INDICATOR).validate()
                    .onlyError("id-type-mismatch", "/id");
            assertMentions(f, "indicator", "campaign");
        }

        @Test
        void anIdThatIsNotAStringIsATypeMismatch() {
            Example.of("campaign").with("id", 42).validate().onlyError("type-mismatch", "/id");
        }
    }

    @Nested
    class Timestamps {

        @ParameterizedTest(name = "created {0}")
        @ValueSource(strings = {"2016-04-06T20:03:00.000", "2016-04-06T20:03:00.000+00:00",
            "2016-04-06T22:03:00.000+02:00", "2016-02-30T20:03:00.000Z", "2016-04-06 20:03:00.000Z",
            "2016-04-06T24:00:00.000Z", "2016-04-06T20:03:00.Z", "2016-04-06"})
        void createdThatIsNotAStixTimestampIsInvalid(String created) {
            Finding f = Example.of("campaign").with("created", created).with("modified", "2017-01-01T00:00:00.000Z")
                    .validate().onlyError("timestamp-invalid", "/created");
            assertMentions(f, created);
        }

        @Test
        void aTimestampWithAnOffsetIsToldToEndInZ() {
            Finding f = Example.of("campaign").with("modified", "2016-04-06T22:03:48.000+02:00").validate()
                    .onlyError("timestamp-invalid", "/modified");
            assertMentions(f, "must end in Z", "UTC");
        }

        @Test
        void february30IsNotARealDate() {
            Finding f = Example.of("campaign").with("modified", "2017-02-30T00:00:00.000Z").validate()
                    .onlyError("timestamp-invalid", "/modified");
            assertMentions(f, "not a real calendar date");
        }

        @Test
        void february29OfALeapYearIsARealDate() {
            Example.of("campaign").with("modified", "2016-02-29T00:00:00.000Z")
                    .with("created", "2016-02-29T00:00:00.000Z").validate().isClean();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.vigil.stix.CommonPropertiesTest#sdoAndSroTypes")
        void createdWithoutMillisecondsIsTooImprecise(String type) {
            Finding f = Example.of(type).with("created", "2016-04-06T20:03:00Z").validate()
                    .onlyError("timestamp-precision", "/created");
            assertMentions(f, "millisecond", "2016-04-06T20:03:00.000Z");
        }

        @Test
        void modifiedWithTenthsOfASecondIsTooImprecise() {
            Finding f = Example.of("campaign").with("modified", "2016-04-06T20:03:48.5Z").validate()
                    .onlyError("timestamp-precision", "/modified");
            assertMentions(f, "2016-04-06T20:03:48.500Z");
        }

        @Test
        void createdMayBeMorePreciseThanMilliseconds() {
            Example.of("campaign").with("created", "2016-04-06T20:03:00.000123Z").validate().isClean();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.vigil.stix.CommonPropertiesTest#sdoAndSroTypes")
        void modifiedBeforeCreatedIsAnErrorThatNamesBothTimes(String type) {
            Finding f = Example.of(type).with("modified", "2016-04-06T20:02:59.999Z").validate()
                    .onlyError("timestamp-order", "/modified");
            assertMentions(f, "modified", "created", "2016-04-06T20:02:59.999Z", Example.CREATED);
        }

        @Test
        void modifiedEqualToCreatedIsValid() {
            Example.of("campaign").with("modified", Example.CREATED).validate().isClean();
        }

        @Test
        void timestampsAreComparedAsInstantsNotAsText() {
            Example.of("campaign").with("created", "2016-04-06T20:03:00.500Z")
                    .with("modified", "2016-04-06T20:03:00.25000Z").validate()
                    .onlyError("timestamp-order", "/modified");
        }
    }

    @Nested
    class CommonValues {

        @Test
        void createdByRefMustPointAtAnIdentity() {
            Finding f = Example.of("campaign").with("created_by_ref", Ids.INDICATOR).validate()
                    .onlyError("ref-type", "/created_by_ref");
            assertMentions(f, "created_by_ref", Ids.INDICATOR, "identity");
        }

        @Test
        void createdByRefPointingAtAnIdentityIsValid() {
            Example.of("campaign").with("created_by_ref", Ids.IDENTITY).validate().isClean();
        }

        @Test
        void objectMarkingRefsMustPointAtMarkingDefinitions() {
            Finding f = Example.of("campaign")
                    .withJson("object_marking_refs", "['" + Ids.MARKING + "', '" + Ids.INDICATOR + "']")
                    .validate().onlyError("ref-type", "/object_marking_refs/1");
            assertMentions(f, "marking-definition", Ids.INDICATOR);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"labels", "external_references", "object_marking_refs", "granular_markings"})
        void anEmptyListIsAnError(String property) {
            Finding f = Example.of("campaign").withJson(property, "[]").validate()
                    .onlyError("list-empty", "/" + property);
            assertMentions(f, property, "empty list", "leave the property out");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"labels", "description", "confidence", "created_by_ref"})
        void aNullValueIsAnError(String property) {
            Finding f = Example.of("campaign").withJson(property, "null").validate()
                    .onlyError("null-value", "/" + property);
            assertMentions(f, property, "null", "leave the property out");
        }

        @Test
        void labelsMustBeAListOfStrings() {
            Example.of("campaign").with("labels", "finance").validate().onlyError("type-mismatch", "/labels");
            Example.of("campaign").withJson("labels", "['finance', true]").validate()
                    .onlyError("type-mismatch", "/labels/1");
        }

        @ParameterizedTest(name = "confidence {0}")
        @ValueSource(longs = {101, -1})
        void confidenceOutsideZeroToHundredIsOutOfRange(long confidence) {
            Finding f = Example.of("campaign").with("confidence", confidence).validate()
                    .onlyError("out-of-range", "/confidence");
            assertMentions(f, "confidence", Long.toString(confidence), "0 to 100");
        }

        @ParameterizedTest(name = "confidence {0}")
        @ValueSource(longs = {0, 100})
        void confidenceAtEitherBoundIsValid(long confidence) {
            Example.of("relationship").with("confidence", confidence).validate().isClean();
        }

        @Test
        void confidenceMustBeAnInteger() {
            Example.of("campaign").withJson("confidence", "50.5").validate().onlyError("type-mismatch", "/confidence");
            Example.of("campaign").with("confidence", "high").validate().onlyError("type-mismatch", "/confidence");
        }

        @Test
        void revokedMustBeABoolean() {
            Example.of("campaign").with("revoked", "false").validate().onlyError("type-mismatch", "/revoked");
            Example.of("campaign").with("revoked", true).validate().isClean();
        }

        @Test
        void langIsAString() {
            Example.of("campaign").with("lang", "en").validate().isClean();
        }
    }

    @Nested
    class ExternalReferences {

        private Outcome withReference(String json) {
            return Example.of("attack-pattern").withJson("external_references", "[" + json + "]").validate();
        }

        @Test
        void aCapecReferenceWithItsIdIsValid() {
            withReference("{'source_name': 'capec', 'external_id': 'CAPEC-163', "
                    + "'url': 'https://capec.mitre.org/data/definitions/163.html'}").isClean();
        }

        @Test
        void aSourceNameIsRequired() {
            withReference("{'url': 'https://example.com/report'}")
                    .onlyError("required-missing", "/external_references/0/source_name");
        }

        @Test
        void aSourceNameAloneIsNotEnough() {
            Finding f = withReference("{'source_name': 'ACME Threat Intel'}")
                    .onlyError("at-least-one", "/external_references/0");
            assertMentions(f, "description", "url", "external_id");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"description", "url", "external_id"})
        void anyOneOfDescriptionUrlOrExternalIdIsEnough(String property) {
            String value = property.equals("url") ? "https://example.com/r/1" : "ACME-1";
            withReference("{'source_name': 'ACME Threat Intel', '" + property + "': '" + value + "'}").isClean();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"163", "capec-163", "CAPEC 163", "CAPEC-"})
        void aCapecExternalIdMustReadCapecDashNumber(String externalId) {
            Finding f = withReference("{'source_name': 'capec', 'external_id': '" + externalId + "'}")
                    .onlyError("external-reference", "/external_references/0/external_id");
            assertMentions(f, externalId, "CAPEC-<number>");
        }

        @Test
        void aCapecReferenceMustGiveItsExternalId() {
            Finding f = withReference("{'source_name': 'capec', 'url': 'https://capec.mitre.org/'}")
                    .onlyError("external-reference", "/external_references/0/external_id");
            assertMentions(f, "capec", "external_id");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"CVE-2016-1234", "CVE-2021-44228", "CVE-2014-0160"})
        void aCveExternalIdOfYearAndNumberIsValid(String externalId) {
            Example.of("vulnerability").withJson("external_references",
                    "[{'source_name': 'cve', 'external_id': '" + externalId + "'}]").validate().isClean();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"CVE-16-1234", "cve-2016-1234", "CVE-2016-123", "2016-1234"})
        void aCveExternalIdInAnyOtherFormIsAnError(String externalId) {
            Finding f = Example.of("vulnerability").withJson("external_references",
                    "[{'source_name': 'cve', 'external_id': '" + externalId + "'}]").validate()
                    .onlyError("external-reference", "/external_references/0/external_id");
            assertMentions(f, "CVE-<year>-<number>");
        }

        @Test
        void aUrlMustBeAbsolute() {
            withReference("{'source_name': 'ACME', 'url': 'www.example.com/report'}")
                    .onlyError("url-invalid", "/external_references/0/url");
        }

        @Test
        void hashesInAReferenceAreCheckedPerAlgorithm() {
            withReference("{'source_name': 'ACME', 'url': 'https://example.com/report.pdf', 'hashes': "
                    + "{'SHA-256': '6db12788c37247f2316052e142f42f4b259d6561751e5f401a1ae2a6df9c674b', "
                    + "'MD5': '3773a88f65a5e780c8dff9cdc3a056f3'}}").isClean();
            Finding f = withReference("{'source_name': 'ACME', 'url': 'https://example.com/report.pdf', "
                    + "'hashes': {'SHA-256': '6db12788c37247f2'}}")
                    .onlyError("hash-invalid", "/external_references/0/hashes/SHA-256");
            assertMentions(f, "SHA-256", "64 hexadecimal digits");
        }

        @Test
        void anMd5OfTheWrongLengthIsInvalid() {
            withReference("{'source_name': 'ACME', 'url': 'https://example.com/r.pdf', "
                    + "'hashes': {'MD5': '6db12788c37247f2316052e142f42f4b259d6561'}}")
                    .onlyError("hash-invalid", "/external_references/0/hashes/MD5");
        }

        @Test
        void anUnknownPropertyInAReferenceIsAWarning() {
            withReference("{'source_name': 'ACME', 'url': 'https://example.com/r', 'x_page': 7}")
                    .onlyWarning("custom-property", "/external_references/0/x_page");
        }
    }

    @Nested
    class GranularMarkings {

        private Outcome withMarkings(Example example, String json) {
            return example.withJson("granular_markings", "[" + json + "]").validate();
        }

        private Example attackPatternWithPhases() {
            return Example.of("attack-pattern").withJson("kill_chain_phases",
                    "[{'kill_chain_name': 'lockheed-martin-cyber-kill-chain', 'phase_name': 'delivery'}]");
        }

        @Test
        void aMarkingRefWithSelectorsThatResolveIsValid() {
            withMarkings(Example.of("attack-pattern"),
                    "{'marking_ref': '" + Ids.MARKING + "', 'selectors': ['name', 'type']}").isClean();
        }

        @Test
        void aLangWithSelectorsIsValid() {
            withMarkings(Example.of("attack-pattern"), "{'lang': 'de', 'selectors': ['name']}").isClean();
        }

        @Test
        void langAndMarkingRefTogetherIsAnError() {
            Finding f = withMarkings(Example.of("attack-pattern"),
                    "{'lang': 'de', 'marking_ref': '" + Ids.MARKING + "', 'selectors': ['name']}")
                    .onlyError("exactly-one", "/granular_markings/0");
            assertMentions(f, "lang", "marking_ref");
        }

        @Test
        void neitherLangNorMarkingRefIsAnError() {
            withMarkings(Example.of("attack-pattern"), "{'selectors': ['name']}")
                    .onlyError("exactly-one", "/granular_markings/0");
        }

        @Test
        void selectorsAreRequired() {
            withMarkings(Example.of("attack-pattern"), "{'marking_ref': '" + Ids.MARKING + "'}")
                    .onlyError("required-missing", "/granular_markings/0/selectors");
        }

        @Test
        void selectorsMustNotBeEmpty() {
            withMarkings(Example.of("attack-pattern"), "{'marking_ref': '" + Ids.MARKING + "', 'selectors': []}")
                    .onlyError("list-empty", "/granular_markings/0/selectors");
        }

        @Test
        void markingRefMustPointAtAMarkingDefinition() {
            withMarkings(Example.of("attack-pattern"),
                    "{'marking_ref': '" + Ids.INDICATOR + "', 'selectors': ['name']}")
                    .onlyError("ref-type", "/granular_markings/0/marking_ref");
        }

        @Test
        void aSelectorForAnAbsentPropertyDoesNotResolve() {
            Finding f = withMarkings(Example.of("attack-pattern"),
                    "{'marking_ref': '" + Ids.MARKING + "', 'selectors': ['name', 'description']}")
                    .onlyError("selector-unresolved", "/granular_markings/0/selectors/1");
            assertMentions(f, "'description'");
        }

        @Test
        void aSelectorIntoAListItemResolves() {
            withMarkings(attackPatternWithPhases(), "{'marking_ref': '" + Ids.MARKING + "', "
                    + "'selectors': ['kill_chain_phases.[0].phase_name', 'kill_chain_phases.[0]', "
                    + "'kill_chain_phases']}")
                    .isClean();
        }

        @Test
        void aSelectorWithAListIndexOutOfRangeDoesNotResolve() {
            Finding f = withMarkings(attackPatternWithPhases(),
                    "{'marking_ref': '" + Ids.MARKING + "', 'selectors': ['kill_chain_phases.[1].phase_name']}")
                    .onlyError("selector-unresolved", "/granular_markings/0/selectors/0");
            assertMentions(f, "kill_chain_phases.[1].phase_name", "[1]");
        }

        @Test
        void aSelectorIntoAPropertyOfAnAbsentSubPropertyDoesNotResolve() {
            withMarkings(attackPatternWithPhases(),
                    "{'marking_ref': '" + Ids.MARKING + "', 'selectors': ['kill_chain_phases.[0].kill_chain']}")
                    .onlyError("selector-unresolved", "/granular_markings/0/selectors/0");
        }

        @Test
        void anEmptySelectorDoesNotResolve() {
            withMarkings(Example.of("attack-pattern"), "{'marking_ref': '" + Ids.MARKING + "', 'selectors': ['']}")
                    .onlyError("selector-unresolved", "/granular_markings/0/selectors/0");
        }
    }

    @Nested
    class CustomProperties {

        @Test
        void anUndeclaredCustomPropertyIsOnlyAWarning() {
            Finding f = Example.of("campaign").with("x_acme_priority", 3).validate()
                    .onlyWarning("custom-property", "/x_acme_priority");
            assertMentions(f, "x_acme_priority", "toplevel-property-extension");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"Bad-Name", "ab", "x-acme-priority", "x_acme_Priority", "x_acme priority", "x_äcme"})
        void aCustomPropertyNameOutsideTheAllowedCharactersOrLengthIsAnError(String name) {
            Finding f = Example.of("campaign").with(name, 3).validate()
                    .onlyError("custom-property-name", "/" + name);
            assertMentions(f, name, "3 to 250 characters");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"_acme_priority", "1st_priority", "007"})
        void aCustomPropertyNameMustBeginWithALetter(String name) {
            Finding f = Example.of("campaign").with(name, 3).validate().onlyError("custom-property-name", "/" + name);
            assertMentions(f, name, "begin with a letter");
        }

        @Test
        void aCustomPropertyNameOf250CharactersIsAllowedButNot251() {
            String name = "x_" + "a".repeat(248);
            Example.of("campaign").with(name, 1).validate().onlyWarning("custom-property", "/" + name);
            Example.of("campaign").with(name + "a", 1).validate().onlyError("custom-property-name", "/" + name + "a");
        }

        @Test
        void aPointerToAPropertyWithASlashInItsNameIsEscaped() {
            Example.of("campaign").with("x/y", 1).validate().onlyError("custom-property-name", "/x~1y");
        }

        @Test
        void aCustomPropertyEndingInRefMustHoldAnIdentifier() {
            Finding f = Example.of("campaign").with("x_acme_owner_ref", "ACME Corp").validate()
                    .onlyError("id-invalid", "/x_acme_owner_ref");
            assertMentions(f, "ACME Corp");
            Example.of("campaign").with("x_acme_owner_ref", Ids.IDENTITY).validate()
                    .onlyWarning("custom-property", "/x_acme_owner_ref");
        }

        @Test
        void aCustomPropertyEndingInRefsMustHoldAListOfIdentifiers() {
            Example.of("campaign").withJson("x_acme_seen_refs", "['" + Ids.IPV4 + "', 'ipv4']").validate()
                    .onlyError("id-invalid", "/x_acme_seen_refs/1");
            Example.of("campaign").with("x_acme_seen_refs", Ids.IPV4).validate()
                    .onlyError("type-mismatch", "/x_acme_seen_refs");
        }

        @Test
        void aCustomPropertyMustNotBeNullOrAnEmptyList() {
            Example.of("campaign").withJson("x_acme_tags", "null").validate().onlyError("null-value", "/x_acme_tags");
            Example.of("campaign").withJson("x_acme_tags", "[]").validate().onlyError("list-empty", "/x_acme_tags");
        }

        @Test
        void aCustomPropertyMayHoldAnyNestedJson() {
            Example.of("campaign").withJson("x_acme_scoring", "{'impact': 'high', 'votes': [1, 2.5, {'by': 'ann'}]}")
                    .validate().onlyWarning("custom-property", "/x_acme_scoring");
        }

        @Test
        void aToplevelPropertyExtensionDeclaresTheCustomProperties() {
            Example.of("campaign").withJson("extensions",
                    "{'" + EXTENSION + "': {'extension_type': 'toplevel-property-extension'}}")
                    .with("x_acme_priority", 3).with("acme_region", "emea").validate().isClean();
        }

        @Test
        void aPropertyExtensionDoesNotDeclareTopLevelProperties() {
            Example.of("campaign").withJson("extensions",
                    "{'" + EXTENSION + "': {'extension_type': 'property-extension', 'priority': 3}}")
                    .with("x_acme_priority", 3).validate().onlyWarning("custom-property", "/x_acme_priority");
        }

        @Test
        void aToplevelPropertyExtensionDoesNotExcuseBadNames() {
            Example.of("campaign").withJson("extensions",
                    "{'" + EXTENSION + "': {'extension_type': 'toplevel-property-extension'}}")
                    .with("Priority", 3).validate().onlyError("custom-property-name", "/Priority");
        }
    }

    @Nested
    class Extensions {

        @Test
        void anExtensionDefinedByAnExtensionDefinitionMayCarryAnyContent() {
            Example.of("indicator").withJson("extensions", "{'" + EXTENSION + "': {'extension_type': "
                    + "'property-extension', 'rank': 1, 'nested': {'deep': [true, 'x', 1.25]}}}").validate().isClean();
        }

        @Test
        void anExtensionKeyMustBeAValidExtensionDefinitionId() {
            String key = "extension-definition--d83fce45";
            Example.of("indicator").withJson("extensions", "{'" + key + "': {'extension_type': 'property-extension'}}")
                    .validate().onlyError("id-invalid", "/extensions/" + key);
        }

        @Test
        void anExtensionTypeOutsideTheEnumerationIsAnError() {
            Finding f = Example.of("indicator")
                    .withJson("extensions", "{'" + EXTENSION + "': {'extension_type': 'new-property'}}").validate()
                    .onlyError("vocabulary-closed", "/extensions/" + EXTENSION + "/extension_type");
            assertMentions(f, "new-property", "toplevel-property-extension");
        }

        @Test
        void anExtensionWithoutItsTypeIsAWarning() {
            Example.of("indicator").withJson("extensions", "{'" + EXTENSION + "': {'rank': 1}}").validate()
                    .onlyWarning("extension-type-missing", "/extensions/" + EXTENSION + "/extension_type");
        }

        @Test
        void anEmptyExtensionsDictionaryIsAnError() {
            Example.of("indicator").withJson("extensions", "{}").validate()
                    .onlyError("dictionary-empty", "/extensions");
        }

        @Test
        void anExtensionMustBeAnObject() {
            Example.of("indicator").withJson("extensions", "{'" + EXTENSION + "': 'property-extension'}").validate()
                    .onlyError("type-mismatch", "/extensions/" + EXTENSION);
        }

        @Test
        void anExtensionNamedOtherwiseIsAWarning() {
            Finding f = Example.of("indicator").withJson("extensions", "{'x-acme-ext': {'rank': 1}}").validate()
                    .onlyWarning("custom-extension", "/extensions/x-acme-ext");
            assertMentions(f, "extension-definition");
        }

        @Test
        void aPredefinedScoExtensionDoesNotBelongOnAnSdo() {
            Finding f = Example.of("indicator").withJson("extensions", "{'archive-ext': {'contains_refs': ['"
                    + Ids.FILE + "']}}").validate().onlyError("extension-misplaced", "/extensions/archive-ext");
            assertMentions(f, "file", "indicator");
        }
    }

    @Nested
    class CustomObjects {

        private static final String WIDGET = "{'type': 'x-acme-widget', 'spec_version': '2.1', 'id': '" + Ids.CUSTOM
                + "', 'created': '" + Example.CREATED + "', 'modified': '" + Example.MODIFIED + "', "
                + "'name': 'Turnstile', 'x_gate_count': 4}";

        private static final String NEW_SDO = "{'" + EXTENSION + "': {'extension_type': 'new-sdo'}}";

        @Test
        void aCustomObjectWithoutAnExtensionIsValidWithACustomObjectWarning() {
            Finding f = Example.parse(WIDGET).validate().onlyWarning("custom-object", "/type");
            assertMentions(f, "x-acme-widget", "new-sdo");
        }

        @Test
        void aCustomObjectDeclaredByANewSdoExtensionHasNoFindings() {
            Example.parse(WIDGET).withJson("extensions", NEW_SDO).validate().isClean();
        }

        @Test
        void aCustomObjectWithCreatedIsCheckedAsAnSdo() {
            Outcome outcome = Example.parse(WIDGET).with("created", "2016-04-06T20:03:00Z").validate();
            outcome.onlyError("timestamp-precision", "/created");
            outcome.warning("custom-object", "/type");
        }

        @Test
        void aCustomObjectDeclaredAsNewSdoStillObeysTheCommonRules() {
            Example.parse(WIDGET).withJson("extensions", NEW_SDO).with("modified", "2016-01-01T00:00:00.000Z")
                    .validate().onlyError("timestamp-order", "/modified");
            Example.parse(WIDGET).withJson("extensions", NEW_SDO).without("modified")
                    .validate().onlyError("required-missing", "/modified");
            Example.parse(WIDGET).withJson("extensions", NEW_SDO).with("created_by_ref", Ids.TOOL)
                    .validate().onlyError("ref-type", "/created_by_ref");
        }

        @Test
        void aCustomObjectMustNotHaveMalformedPropertyNames() {
            Example.parse(WIDGET).withJson("extensions", NEW_SDO).with("GateCount", 4).validate()
                    .onlyError("custom-property-name", "/GateCount");
        }

        @Test
        void aCustomObjectIdMustMatchItsType() {
            Example.parse(WIDGET).withJson("extensions", NEW_SDO)
                    .with("id", "x-acme-gadget--2c7f3c1a-6a1e-4cbb-9a3c-0c2b3e1f9e10")
                    .validate().onlyError("id-type-mismatch", "/id");
        }

        @Test
        void aCustomTypeNameWithADoubleHyphenIsAnError() {
            Finding f = Example.parse(WIDGET).withJson("extensions", NEW_SDO).with("type", "x--acme-widget")
                    .with("id", "x--acme-widget--2c7f3c1a-6a1e-4cbb-9a3c-0c2b3e1f9e10").validate()
                    .error("type-name", "/type");
            assertMentions(f, "x--acme-widget", "hyphen");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"X-Acme-Widget", "xy", "x_acme_widget", "1x-widget", "-x-widget"})
        void aCustomTypeNameOutsideTheAllowedCharactersOrLengthIsAnError(String type) {
            Finding f = Example.parse(WIDGET).withJson("extensions", NEW_SDO).with("type", type)
                    .with("id", type + "--2c7f3c1a-6a1e-4cbb-9a3c-0c2b3e1f9e10").validate()
                    .onlyError("type-name", "/type");
            assertMentions(f, type, "3 to 250 characters");
        }
    }
}
