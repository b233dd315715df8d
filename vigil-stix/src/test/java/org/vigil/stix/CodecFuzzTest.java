package org.vigil.stix;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

/**
 * Fuzzes the codec and the validator behind it: any bytes either read as STIX (and validate without throwing)
 * or fail with a {@link StixFormatException}. Under {@code mvn verify} this replays the seeds in
 * {@code CodecFuzzTestInputs}; set JAZZER_FUZZ=1 to search for new inputs.
 */
class CodecFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void readsOrRejectsAnyBytes(byte[] input) {
        try (BundleReader reader = BundleReader.open(new ByteArrayInputStream(input), "fuzz")) {
            for (StixObject o = reader.next(); o != null; o = reader.next()) {
                Validator.standard().validate(o);
                StixJson.parse(o.toJson());
            }
        } catch (StixFormatException expected) {
            // Rejecting malformed input with a message is the correct outcome.
        }
    }
}
