package org.vigil.taxii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vigil.taxii.internal.PageToken;
import org.vigil.taxii.internal.TaxiiException;

class PageTokenTest {

    private final PageToken tokens = new PageToken(key());

    private static byte[] key() {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) 7);
        return k;
    }

    @Test
    void roundTripsAPosition() {
        String t = tokens.issue("2020-01-01T00:00:00.000001Z|42", "alice|match[type]=indicator");
        assertEquals("2020-01-01T00:00:00.000001Z|42", tokens.open(t, "alice|match[type]=indicator"));
    }

    @Test
    void rejectsAnEditedToken() {
        String t = tokens.issue("pos-1", "b");
        String edited = "cG9zLTI" + t.substring(t.indexOf('.'));
        TaxiiException e = assertThrows(TaxiiException.class, () -> tokens.open(edited, "b"));
        assertEquals(400, e.status());
    }

    @Test
    void rejectsATokenUsedWithOtherFiltersOrByAnotherReader() {
        String t = tokens.issue("pos", "alice|type=a");
        assertThrows(TaxiiException.class, () -> tokens.open(t, "alice|type=b"));
        assertThrows(TaxiiException.class, () -> tokens.open(t, "bob|type=a"));
        assertThrows(TaxiiException.class, () -> tokens.open("garbage", "x"));
        assertThrows(TaxiiException.class, () -> tokens.open("!!.??", "x"));
    }
}
