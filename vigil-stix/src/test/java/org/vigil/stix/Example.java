package org.vigil.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid STIX 2.1 object written out as JSON, which a test changes one property at a time before validating
 * it. Every base example is complete: it carries the properties the specification requires and those it
 * recommends, so the validator finds nothing in it.
 *
 * <p>In {@link #withJson} values, and in the catalogue below, single quotes stand for double quotes so that
 * JSON reads cleanly inside Java strings; a literal single quote is written as the JSON escape
 * {@code \\u0027}.
 */
final class Example {

    static final String CREATED = "2016-04-06T20:03:00.000Z";
    static final String MODIFIED = "2016-04-06T20:03:48.000Z";

    /** The 19 SDOs of STIX 2.1. */
    static final List<String> SDO_TYPES = List.of("attack-pattern", "campaign", "course-of-action", "grouping",
            "identity", "incident", "indicator", "infrastructure", "intrusion-set", "location", "malware",
            "malware-analysis", "note", "observed-data", "opinion", "report", "threat-actor", "tool",
            "vulnerability");

    /** The 2 SROs of STIX 2.1. */
    static final List<String> SRO_TYPES = List.of("relationship", "sighting");

    private static final Map<String, String> CATALOGUE = new LinkedHashMap<>();

    static {
        sdo("attack-pattern", Ids.ATTACK_PATTERN, "'name': 'Spear Phishing as Practiced by Adversary X'");
        sdo("campaign", Ids.CAMPAIGN, "'name': 'Green Group Attacks Against Finance'");
        sdo("course-of-action", Ids.COURSE_OF_ACTION, "'name': 'Add TCP port 80 filter rule to firewalls'");
        sdo("grouping", Ids.GROUPING, "'name': 'Suspicious activity on the ticketing site', "
                + "'context': 'suspicious-activity', 'object_refs': ['" + Ids.INDICATOR + "', '" + Ids.IPV4 + "']");
        sdo("identity", Ids.IDENTITY, "'name': 'ACME Widget, Inc.', 'identity_class': 'organization'");
        sdo("incident", Ids.INCIDENT, "'name': 'Ticketing site defacement'");
        sdo("indicator", Ids.INDICATOR, "'name': 'Ticket scam landing page', "
                + "'indicator_types': ['malicious-activity'], "
                + "'pattern': '[ipv4-addr:value = \\u0027198.51.100.1\\u0027]', 'pattern_type': 'stix', "
                + "'valid_from': '2016-01-01T00:00:00Z'");
        sdo("infrastructure", Ids.INFRASTRUCTURE, "'name': 'Poison Ivy C2', "
                + "'infrastructure_types': ['command-and-control']");
        sdo("intrusion-set", Ids.INTRUSION_SET, "'name': 'Bobcat Breakin'");
        sdo("location", Ids.LOCATION, "'region': 'northern-europe'");
        sdo("malware", Ids.MALWARE, "'name': 'Cryptolocker', 'is_family': true, 'malware_types': ['ransomware']");
        sdo("malware-analysis", Ids.MALWARE_ANALYSIS, "'product': 'microsoft', 'result': 'malicious'");
        sdo("note", Ids.NOTE, "'content': 'This note indicates the various steps taken by the analyst.', "
                + "'object_refs': ['" + Ids.CAMPAIGN + "']");
        sdo("observed-data", Ids.OBSERVED_DATA, "'first_observed': '2015-12-21T19:00:00Z', "
                + "'last_observed': '2015-12-21T19:00:00Z', 'number_observed': 50, "
                + "'object_refs': ['" + Ids.IPV4 + "']");
        sdo("opinion", Ids.OPINION, "'opinion': 'strongly-disagree', 'explanation': 'This is not malicious.', "
                + "'object_refs': ['" + Ids.RELATIONSHIP + "']");
        sdo("report", Ids.REPORT, "'name': 'The Black Vine Cyberespionage Group', "
                + "'report_types': ['campaign'], 'published': '2016-01-20T17:00:00.000Z', "
                + "'object_refs': ['" + Ids.INDICATOR + "', '" + Ids.CAMPAIGN + "']");
        sdo("threat-actor", Ids.THREAT_ACTOR, "'name': 'Evil Org', 'threat_actor_types': ['crime-syndicate']");
        sdo("tool", Ids.TOOL, "'name': 'VNC', 'tool_types': ['remote-access']");
        sdo("vulnerability", Ids.VULNERABILITY, "'name': 'CVE-2016-1234'");
        sdo("relationship", Ids.RELATIONSHIP, "'relationship_type': 'uses', "
                + "'source_ref': '" + Ids.THREAT_ACTOR + "', 'target_ref': '" + Ids.MALWARE + "'");
        sdo("sighting", Ids.SIGHTING, "'sighting_of_ref': '" + Ids.INDICATOR + "'");
        CATALOGUE.put("marking-definition", "{'type': 'marking-definition', 'spec_version': '2.1', "
                + "'id': '" + Ids.MARKING + "', 'created': '" + CREATED + "', "
                + "'definition_type': 'statement', "
                + "'definition': {'statement': 'Copyright 2016, Example Corp'}}");
        CATALOGUE.put("language-content", "{'type': 'language-content', 'spec_version': '2.1', "
                + "'id': '" + Ids.LANGUAGE_CONTENT + "', 'created': '" + CREATED + "', "
                + "'modified': '" + MODIFIED + "', 'object_ref': '" + Ids.CAMPAIGN + "', "
                + "'object_modified': '2017-02-08T21:31:22.007Z', "
                + "'contents': {'de': {'name': 'Bank Angriff 1', 'description': 'Weitere Informationen'}}}");
        CATALOGUE.put("extension-definition", "{'type': 'extension-definition', 'spec_version': '2.1', "
                + "'id': '" + Ids.EXTENSION_DEFINITION + "', 'created_by_ref': '" + Ids.IDENTITY + "', "
                + "'created': '" + CREATED + "', 'modified': '" + MODIFIED + "', "
                + "'name': 'Extension My Favorite SDO and Sub-Comp', "
                + "'schema': 'https://www.example.com/schema-my-favorite-sdo-1/v1/', 'version': '1.2.1', "
                + "'extension_types': ['new-sdo']}");
    }

    private static void sdo(String type, String id, String properties) {
        CATALOGUE.put(type, "{'type': '" + type + "', 'spec_version': '2.1', 'id': '" + id + "', "
                + "'created': '" + CREATED + "', 'modified': '" + MODIFIED + "', " + properties + "}");
    }

    private final ObjectNode json;

    private Example(ObjectNode json) {
        this.json = json;
    }

    /** The complete, valid example of a STIX-defined type (SDO, SRO or meta object). */
    static Example of(String type) {
        String text = CATALOGUE.get(type);
        if (text == null) {
            throw new IllegalArgumentException("no example of " + type + "; known: " + CATALOGUE.keySet());
        }
        return parse(text);
    }

    /** An example from JSON text, in which single quotes stand for double quotes. */
    static Example parse(String json) {
        return new Example(StixJson.parse(quotes(json)).json());
    }

    /** Sets a property to a string. */
    Example with(String property, String text) {
        ObjectNode copy = json.deepCopy();
        copy.put(property, text);
        return new Example(copy);
    }

    /** Sets a property to a number. */
    Example with(String property, long number) {
        ObjectNode copy = json.deepCopy();
        copy.put(property, number);
        return new Example(copy);
    }

    /** Sets a property to a boolean. */
    Example with(String property, boolean value) {
        ObjectNode copy = json.deepCopy();
        copy.put(property, value);
        return new Example(copy);
    }

    /** Sets a property to any JSON value, written with single quotes for double quotes. */
    Example withJson(String property, String value) {
        ObjectNode copy = json.deepCopy();
        copy.set(property, value(value));
        return new Example(copy);
    }

    /** Leaves properties out. */
    Example without(String... properties) {
        ObjectNode copy = json.deepCopy();
        copy.remove(List.of(properties));
        return new Example(copy);
    }

    StixObject object() {
        return StixObject.of(json);
    }

    String id() {
        return json.path("id").asText();
    }

    /** The findings of the standard validator for this object. */
    Outcome validate() {
        return new Outcome(Validator.standard().validate(object()));
    }

    /** A JSON value from text in which single quotes stand for double quotes. */
    static JsonNode value(String text) {
        return StixJson.parse(quotes("{\"v\": " + text + "}")).tree().get("v");
    }

    /** Single quotes become double quotes; write a literal single quote as the JSON escape \\u0027. */
    private static String quotes(String text) {
        return text.replace('\'', '"');
    }
}
