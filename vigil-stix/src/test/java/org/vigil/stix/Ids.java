package org.vigil.stix;

/** Well-formed identifiers the specification tests point at, one per type they need. */
final class Ids {

    static final String ATTACK_PATTERN = "attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061";
    static final String CAMPAIGN = "campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
    static final String COURSE_OF_ACTION = "course-of-action--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
    static final String GROUPING = "grouping--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3";
    static final String IDENTITY = "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff";
    static final String INCIDENT = "incident--e9fe3a8c-e52c-4c1f-8f1a-4a2e9f5e3f36";
    static final String INDICATOR = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
    static final String INFRASTRUCTURE = "infrastructure--38c47d93-d984-4fd9-b87b-d69d0841628d";
    static final String INTRUSION_SET = "intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29";
    static final String LOCATION = "location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64";
    static final String MALWARE = "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b";
    static final String MALWARE_ANALYSIS = "malware-analysis--d25167b7-fed0-4068-9ccd-a73dd2c5b07c";
    static final String NOTE = "note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061";
    static final String OBSERVED_DATA = "observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf";
    static final String OPINION = "opinion--b01efc25-77b4-4003-b18b-f6e24b5cd9f7";
    static final String REPORT = "report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3";
    static final String THREAT_ACTOR = "threat-actor--56f3f0db-b5d5-431c-ae56-c18f02caf500";
    static final String TOOL = "tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
    static final String VULNERABILITY = "vulnerability--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061";
    static final String RELATIONSHIP = "relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad";
    static final String SIGHTING = "sighting--ee20065d-2555-424f-ad9e-0f8428623c75";
    static final String MARKING = "marking-definition--a4d70b75-6f4a-4d19-9a6c-1b5c1d4e8f21";
    static final String LANGUAGE_CONTENT = "language-content--b86bd89f-98bb-4fa9-8cb2-9ad421da981d";
    static final String EXTENSION_DEFINITION = "extension-definition--9c59fd79-4215-4ba2-920d-3e4f320e1e62";
    static final String IPV4 = "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd";
    static final String FILE = "file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d";
    static final String SOFTWARE = "software--a1827f6d-ca53-5605-9e93-4316cd22a00a";
    static final String URL = "url--c1477287-23ac-5971-a010-5c287877fa60";
    static final String CUSTOM = "x-acme-widget--2c7f3c1a-6a1e-4cbb-9a3c-0c2b3e1f9e10";
    static final String BUNDLE = "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d";

    private Ids() {
    }
}
