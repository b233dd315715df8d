package org.vigil.stix.pattern;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer fuzz target: no input, however malformed, may make {@link Pattern#check} throw.
 */
final class PatternFuzzTest {

    // Under plain mvn verify this runs in regression mode over the seeds in
    // src/test/resources/org/vigil/stix/pattern/PatternFuzzTestInputs/neverThrows;
    // with JAZZER_FUZZ=1 it fuzzes for real, for at most a minute.
    @FuzzTest(maxDuration = "60s")
    void neverThrows(byte[] input) {
        // UTF-8 decoding replaces invalid bytes, so every byte sequence becomes some Java string.
        String pattern = new String(input, StandardCharsets.UTF_8);
        PatternCheck check = Pattern.check(pattern);
        assertNotNull(check.problems());
        assertNotNull(check.objectTypes());
    }
}
