package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The official ATT&CK for ICS 18.1 bundle, judged on its merits. */
class IcsAttackBundleTest {

    private static List<Finding> validateBundle(List<Finding> findings) throws Exception {
        try (InputStream in = IcsAttackBundleTest.class.getResourceAsStream("/data/ics-attack-18.1.json");
             BundleReader reader = BundleReader.open(in, "ics-attack-18.1.json")) {
            Validator.Summary s = Validator.standard().validate(reader, findings::add);
            assertEquals(1826, s.objects());
        }
        return findings;
    }

    @Test
    void itsOnlyErrorsAreEmptyDataSourceReferences() throws Exception {
        List<Finding> errors = validateBundle(new ArrayList<>()).stream().filter(Finding::isError).toList();
        assertEquals(5, errors.size(), errors.toString());
        for (Finding f : errors) {
            assertEquals("id-invalid", f.code());
            assertEquals("/x_mitre_data_source_ref", f.pointer());
            assertTrue(f.objectId().startsWith("x-mitre-data-component--"));
        }
    }

    @Test
    void itsWarningsAreAboutCustomContentAndMissingRecommendations() throws Exception {
        Map<String, Integer> byCode = new TreeMap<>();
        for (Finding f : validateBundle(new ArrayList<>())) {
            if (!f.isError()) {
                byCode.merge(f.code(), 1, Integer::sum);
            }
        }
        assertEquals(Map.of("custom-object", 250, "custom-property", 5516, "recommended-missing", 30), byCode);
    }
}
