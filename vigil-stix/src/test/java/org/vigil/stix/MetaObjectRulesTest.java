package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vigil.stix.Outcome.assertMentions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The STIX 2.1 meta objects (section 7): marking-definition with statement, TLP 1.0 and TLP 2.0 markings,
 * language-content and extension-definition; and the bundle's own properties.
 */
class MetaObjectRulesTest {

    private static final String TLP2 = Tlp.TLP2_EXTENSION;
    private static final String TLP2_LEVEL = "/extensions/" + TLP2 + "/tlp_2_0";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"marking-definition", "language-content", "extension-definition"})
    void completeExampleOfEveryMetaObjectHasNoFindings(String type) {
        Example.of(type).validate().isClean();
    }

    @Nested
    class StatementMarkings {

        @ParameterizedTest(name = "without {0}")
        @ValueSource(strings = {"type", "spec_version", "id", "created"})
        void theCommonPropertiesOfAMarkingAreRequired(String property) {
            Example.of("marking-definition").without(property).validate()
                    .onlyError("required-missing", "/" + property);
        }

        @Test
        void aMarkingWithoutDefinitionOrExtensionIsAnError() {
            Finding f = Example.of("marking-definition").without("definition").validate()
                    .onlyError("marking-definition", "/definition");
            assertMentions(f, "definition_type", "definition");
        }

        @Test
        void aMarkingWithoutDefinitionTypeIsAnError() {
            Example.of("marking-definition").without("definition_type").validate()
                    .onlyError("marking-definition", "/definition_type");
        }

        @Test
        void aStatementMarkingNeedsItsStatement() {
            Example.of("marking-definition").withJson("definition", "{'text': 'Copyright 2016'}").validate()
                    .onlyError("required-missing", "/definition/statement");
        }

        @Test
        void theStatementIsAString() {
            Example.of("marking-definition").withJson("definition", "{'statement': 2016}").validate()
                    .onlyError("type-mismatch", "/definition/statement");
        }

        @Test
        void theDefinitionIsAnObject() {
            Example.of("marking-definition").with("definition", "Copyright 2016").validate()
                    .onlyError("type-mismatch", "/definition");
        }

        @Test
        void aDefinitionTypeStixDoesNotDefineIsAWarning() {
            Finding f = Example.of("marking-definition").with("definition_type", "acme-handling")
                    .withJson("definition", "{'handling': 'internal only'}").validate()
                    .onlyWarning("marking-definition-type", "/definition_type");
            assertMentions(f, "acme-handling", "statement", "tlp");
        }

        @Test
        void createdMustBePreciseToTheMillisecond() {
            Example.of("marking-definition").with("created", "2016-08-01T00:00:00Z").validate()
                    .onlyError("timestamp-precision", "/created");
        }

        @Test
        void createdByRefMustPointAtAnIdentity() {
            Example.of("marking-definition").with("created_by_ref", Ids.IDENTITY).validate().isClean();
            Example.of("marking-definition").with("created_by_ref", Ids.TOOL).validate()
                    .onlyError("ref-type", "/created_by_ref");
        }

        @Test
        void aMarkingDefinedByAnExtensionNeedsNoDefinition() {
            Example.of("marking-definition").without("definition_type", "definition").with("name", "PAP:GREEN")
                    .withJson("extensions", "{'extension-definition--f8d78575-edfd-406e-8e84-6162a8450f5b': "
                            + "{'extension_type': 'property-extension', 'pap': 'green'}}")
                    .validate().isClean();
        }
    }

    @Nested
    class TlpOneMarkings {

        private Example tlp1(String id, String level) {
            return Example.parse("{'type': 'marking-definition', 'spec_version': '2.1', 'id': '" + id + "', "
                    + "'created': '2017-01-20T00:00:00.000Z', 'definition_type': 'tlp', "
                    + "'name': 'TLP:" + level.toUpperCase() + "', 'definition': {'tlp': '" + level + "'}}");
        }

        @ParameterizedTest(name = "TLP:{1}")
        @CsvSource({
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9, white",
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da, green",
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82, amber",
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed, red",
        })
        void thePredefinedTlpMarkingsWithTheirExactContentAreValid(String id, String level) {
            tlp1(id, level).validate().isClean();
        }

        @Test
        void aPredefinedTlpIdWithAnotherLevelIsAnError() {
            Finding f = tlp1("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "amber").validate()
                    .onlyError("tlp-definition", "/definition");
            assertMentions(f, "TLP:GREEN", "{\"tlp\": \"green\"}");
        }

        @Test
        void aPredefinedTlpMarkingWithAnotherCreatedIsAnError() {
            Finding f = tlp1("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "red")
                    .with("created", "2017-01-20T00:00:00.001Z").validate().onlyError("tlp-definition", "/created");
            assertMentions(f, "2017-01-20T00:00:00.000Z");
        }

        @Test
        void aTlpLevelOutsideTheFourLevelsOfTlpOneIsAnError() {
            tlp1("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "white")
                    .withJson("definition", "{'tlp': 'clear'}").validate()
                    .error("vocabulary-closed", "/definition/tlp");
        }

        @Test
        void aTlpDefinitionNeedsItsLevel() {
            tlp1("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "green")
                    .withJson("definition", "{'level': 'green'}").validate()
                    .error("required-missing", "/definition/tlp");
        }

        @Test
        void aTlpMarkingUnderAnIdOtherThanThePredefinedOnesIsAnError() {
            Finding f = tlp1("marking-definition--a4d70b75-6f4a-4d19-9a6c-1b5c1d4e8f21", "green").validate()
                    .onlyError("tlp-definition", "/id");
            assertMentions(f, "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da");
        }
    }

    @Nested
    class TlpTwoMarkings {

        private Example tlp2(String id, String level) {
            return Example.parse("{'type': 'marking-definition', 'spec_version': '2.1', 'id': '" + id + "', "
                    + "'created': '2022-10-01T00:00:00.000Z', 'name': 'TLP:" + level.toUpperCase() + "', "
                    + "'extensions': {'" + TLP2 + "': {'extension_type': 'property-extension', "
                    + "'tlp_2_0': '" + level + "'}}}");
        }

        @ParameterizedTest(name = "TLP:{1}")
        @CsvSource({
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487, clear",
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb, green",
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421, amber",
            "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003, amber+strict",
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1, red",
        })
        void theTlpTwoMarkingsOfAllFiveLevelsAreValid(String id, String level) {
            tlp2(id, level).validate().isClean();
        }

        @Test
        void everyTlpLevelKnowsItsTlpTwoMarkingId() {
            for (Tlp level : Tlp.values()) {
                tlp2(level.markingId(), level.label()).validate().isClean();
                assertEquals(level, Tlp.ofMarking(level.markingId()).orElseThrow());
            }
        }

        @Test
        void aTlpTwoIdWithAnotherLevelIsAnError() {
            Finding f = tlp2("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "red").validate()
                    .onlyError("tlp-definition", TLP2_LEVEL);
            assertMentions(f, "TLP:CLEAR", "'red'");
        }

        @Test
        void aTlpTwoMarkingWithAnotherCreatedIsAnError() {
            Finding f = tlp2("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "red")
                    .with("created", "2022-10-02T00:00:00.000Z").validate().onlyError("tlp-definition", "/created");
            assertMentions(f, "2022-10-01T00:00:00.000Z");
        }

        @Test
        void aLevelThatTlpTwoDoesNotHaveIsAnError() {
            Finding f = tlp2("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "white").validate()
                    .onlyError("tlp-level", TLP2_LEVEL);
            assertMentions(f, "'white'", "amber+strict");
        }

        @Test
        void anOwnMarkingMayUseTheTlpTwoExtension() {
            tlp2(Ids.MARKING, "amber").with("created", "2023-03-01T00:00:00.000Z").validate().isClean();
        }
    }

    @Nested
    class LanguageContent {

        @ParameterizedTest(name = "without {0}")
        @ValueSource(strings = {"type", "spec_version", "id", "created", "modified", "object_ref", "contents"})
        void everyRequiredPropertyIsRequired(String property) {
            Example.of("language-content").without(property).validate()
                    .onlyError("required-missing", "/" + property);
        }

        @Test
        void contentsMustNotBeEmpty() {
            Example.of("language-content").withJson("contents", "{}").validate()
                    .onlyError("dictionary-empty", "/contents");
        }

        @Test
        void theContentsOfALanguageAreADictionary() {
            Finding f = Example.of("language-content").withJson("contents", "{'de': 'Bank Angriff 1'}").validate()
                    .onlyError("type-mismatch", "/contents/de");
            assertMentions(f, "de", "JSON object");
        }

        @Test
        void objectModifiedMustBePreciseToTheMillisecond() {
            Example.of("language-content").with("object_modified", "2017-02-08T21:31:22Z").validate()
                    .onlyError("timestamp-precision", "/object_modified");
        }

        @Test
        void modifiedBeforeCreatedIsAnError() {
            Example.of("language-content").with("modified", "2016-01-01T00:00:00.000Z").validate()
                    .onlyError("timestamp-order", "/modified");
        }

        @Test
        void objectRefMustBeAnIdentifier() {
            Example.of("language-content").with("object_ref", "campaign").validate()
                    .onlyError("id-invalid", "/object_ref");
        }
    }

    @Nested
    class ExtensionDefinition {

        @ParameterizedTest(name = "without {0}")
        @ValueSource(strings = {"spec_version", "id", "created", "modified", "created_by_ref", "name", "schema",
            "version", "extension_types"})
        void everyRequiredPropertyIsRequired(String property) {
            Finding f = Example.of("extension-definition").without(property).validate()
                    .onlyError("required-missing", "/" + property);
            assertMentions(f, property, "extension-definition");
        }

        @Test
        void modifiedBeforeCreatedIsAnError() {
            Example.of("extension-definition").with("modified", "2016-04-06T20:02:00.000Z").validate()
                    .onlyError("timestamp-order", "/modified");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"new-sdo", "new-sco", "new-sro", "property-extension", "toplevel-property-extension"})
        void everyExtensionTypeOfTheEnumerationIsValid(String extensionType) {
            Example.of("extension-definition").withJson("extension_types", "['" + extensionType + "']").validate()
                    .isClean();
        }

        @Test
        void anExtensionTypeOutsideTheEnumerationIsAnError() {
            Finding f = Example.of("extension-definition").withJson("extension_types", "['new-sdo', 'new-smo']")
                    .validate().onlyError("vocabulary-closed", "/extension_types/1");
            assertMentions(f, "new-smo", "extension-type-enum");
        }

        @Test
        void extensionTypesMustNotBeEmpty() {
            Example.of("extension-definition").withJson("extension_types", "[]").validate()
                    .onlyError("list-empty", "/extension_types");
        }

        @Test
        void createdByRefMustPointAtAnIdentity() {
            Example.of("extension-definition").with("created_by_ref", Ids.INDICATOR).validate()
                    .onlyError("ref-type", "/created_by_ref");
        }

        @Test
        void aToplevelPropertyExtensionListsItsProperties() {
            Example.of("extension-definition").withJson("extension_types", "['toplevel-property-extension']")
                    .withJson("extension_properties", "['x_acme_priority']").validate().isClean();
        }
    }

    @Nested
    class BundleHeader {

        private Outcome header(String json) {
            return new Outcome(Validator.standard().validateBundleHeader((ObjectNode) Example.value(json)));
        }

        @Test
        void aBundleWithTypeAndIdIsValid() {
            header("{'type': 'bundle', 'id': '" + Ids.BUNDLE + "'}").isClean();
        }

        @Test
        void aSpecVersionOnABundleIsAWarning() {
            Finding f = header("{'type': 'bundle', 'id': '" + Ids.BUNDLE + "', 'spec_version': '2.1'}")
                    .onlyWarning("bundle-spec-version", "/spec_version");
            assertMentions(f, "2.0");
        }

        @Test
        void aBundleIdWithAMalformedUuidIsAnError() {
            header("{'type': 'bundle', 'id': 'bundle--5d0092c5-5f74-4287-9642'}").onlyError("id-invalid", "/id");
        }

        @Test
        void aBundleIdOfAnotherTypeIsAMismatch() {
            header("{'type': 'bundle', 'id': '" + Ids.REPORT + "'}").onlyError("id-type-mismatch", "/id");
        }

        @Test
        void aBundleNeedsAnId() {
            header("{'type': 'bundle'}").onlyError("required-missing", "/id");
        }

        @Test
        void aBundleHeaderOfAnotherTypeIsAnError() {
            header("{'type': 'report', 'id': '" + Ids.BUNDLE + "'}").onlyError("bundle-type", "/type");
        }

        @Test
        void aBundleIsNotAnObjectInItsOwnRight() {
            Example.parse("{'type': 'bundle', 'id': '" + Ids.BUNDLE + "', 'objects': []}").validate()
                    .onlyError("bundle-nested", "/type");
        }
    }
}
