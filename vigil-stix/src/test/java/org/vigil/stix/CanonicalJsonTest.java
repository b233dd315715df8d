package org.vigil.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** RFC 8785 number serialization, which deterministic SCO ids depend on when a float contributes. */
class CanonicalJsonTest {

    @Test
    void writesFloatsAsEcmaScriptDoes() {
        assertEquals("0.0005", CanonicalJson.ecmaScript(0.0005));
        assertEquals("0.000001", CanonicalJson.ecmaScript(0.000001));
        assertEquals("1e-7", CanonicalJson.ecmaScript(1e-7));
        assertEquals("0.1", CanonicalJson.ecmaScript(0.1));
        assertEquals("0.061089", CanonicalJson.ecmaScript(0.061089));
        assertEquals("-2.5", CanonicalJson.ecmaScript(-2.5));
        assertEquals("7", CanonicalJson.ecmaScript(7.0));
        assertEquals("10000000", CanonicalJson.ecmaScript(1e7));
        assertEquals("12345678.5", CanonicalJson.ecmaScript(12345678.5));
        assertEquals("333333333.3333333", CanonicalJson.ecmaScript(333333333.3333333));
        assertEquals("100000000000000000000", CanonicalJson.ecmaScript(1e20));
        assertEquals("1e+21", CanonicalJson.ecmaScript(1e21));
        assertEquals("1.7976931348623157e+308", CanonicalJson.ecmaScript(Double.MAX_VALUE));
        assertEquals("5e-324", CanonicalJson.ecmaScript(Double.MIN_VALUE));
        assertEquals("0", CanonicalJson.ecmaScript(-0.0));
    }

    @Test
    void writesShortestDigitsEvenWhereDoubleToStringDoesNot() {
        // Java 17's Double.toString gives 2.82879384806159008E17 here (JDK-4511638).
        assertEquals("282879384806159000", CanonicalJson.ecmaScript(2.82879384806159E17));
    }

    @Test
    void writesFloatNodesInCanonicalForm() {
        assertEquals("{\"a\":0.0005,\"b\":4096,\"c\":[1e+21,7]}",
                CanonicalJson.write(StixJson.parse("{\"c\": [1e21, 7.0], \"b\": 4096, \"a\": 5E-4}").json()));
    }
}
