package org.vigil.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.vigil.web.internal.SealedOutcome.Outcome;

class SealedOutcomeTest {

    private static final String SESSION = "s3ss10n-cookie-value-of-forty-or-so-random-characters";

    @Test
    void opensWithNothingButTheCookieAndTheSessionSoAnyServerCanShowIt() {
        Outcome made = new Outcome("token-form", true, "Token 42 made for ana.", "vgl_secret");
        assertEquals(made, SealedOutcome.open(SealedOutcome.seal(made, SESSION), SESSION).orElseThrow());
        Outcome refused = new Outcome("org-form", false, "An organisation named <b>x</b> exists already.", null);
        assertEquals(refused, SealedOutcome.open(SealedOutcome.seal(refused, SESSION), SESSION).orElseThrow());
    }

    @Test
    void keepsTheSecretFromAnyoneWithoutTheSession() {
        String sealed = SealedOutcome.seal(new Outcome("token-form", true, "made", "vgl_secret"), SESSION);
        assertFalse(new String(Base64.getUrlDecoder().decode(sealed), StandardCharsets.ISO_8859_1)
                .contains("vgl_secret"));
        assertTrue(SealedOutcome.open(sealed, SESSION + "x").isEmpty(), "another session cannot open it");
    }

    @Test
    void refusesAnAlteredOrMalformedCookie() {
        String sealed = SealedOutcome.seal(new Outcome("verify-form", true, "Intact.", null), SESSION);
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);
        assertTrue(SealedOutcome.open(altered, SESSION).isEmpty());
        assertTrue(SealedOutcome.open("not base64 !", SESSION).isEmpty());
        assertTrue(SealedOutcome.open("", SESSION).isEmpty());
    }
}
