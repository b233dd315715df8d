package org.vigil.taxii;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vigil.taxii.internal.MediaTypes;

class MediaTypesTest {

    @Test
    void acceptsTaxii21WithOrWithoutVersionAndWildcards() {
        assertTrue(MediaTypes.accepts("application/taxii+json;version=2.1"));
        assertTrue(MediaTypes.accepts("application/taxii+json"));
        assertTrue(MediaTypes.accepts("application/taxii+json; version=\"2.1\""));
        assertTrue(MediaTypes.accepts("text/html, */*;q=0.1"));
        assertTrue(MediaTypes.accepts(null));
    }

    @Test
    void refusesOtherVersionsAndTypes() {
        assertFalse(MediaTypes.accepts("application/taxii+json;version=2.0"));
        assertFalse(MediaTypes.accepts("application/json"));
        assertFalse(MediaTypes.accepts("application/vnd.oasis.taxii+json; version=2.0"));
        assertFalse(MediaTypes.accepts("application/taxii+json;version=2.1;q=0"));
    }

    @Test
    void takesOnlyTaxii21Bodies() {
        assertTrue(MediaTypes.isTaxiiBody("application/taxii+json;version=2.1"));
        assertTrue(MediaTypes.isTaxiiBody("application/taxii+json; charset=utf-8"));
        assertFalse(MediaTypes.isTaxiiBody("application/json"));
        assertFalse(MediaTypes.isTaxiiBody("application/taxii+json;version=2.0"));
        assertFalse(MediaTypes.isTaxiiBody(null));
    }
}
