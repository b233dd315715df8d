package org.vigil.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    @Test
    void passwordHashesVerifyAndAreSalted() {
        String a = Passwords.hash("correct horse".toCharArray());
        String b = Passwords.hash("correct horse".toCharArray());
        assertNotEquals(a, b);
        assertTrue(a.startsWith("pbkdf2-sha256$600000$"));
        assertTrue(Passwords.verify("correct horse".toCharArray(), a));
        assertFalse(Passwords.verify("correct horsf".toCharArray(), a));
    }

    @Test
    void unusableHashMatchesNothing() {
        assertFalse(Passwords.verify("".toCharArray(), Passwords.unusable()));
        assertFalse(Passwords.verify("none".toCharArray(), Passwords.unusable()));
    }

    @Test
    void tokensCarryAtLeast256BitsAndOnlyTheirHashIsNeeded() {
        String t = Tokens.generate();
        assertTrue(Tokens.looksLikeToken(t), t);
        assertEquals(4 + 43, t.length());
        assertNotEquals(t, Tokens.generate());
        assertEquals(64, Tokens.hash(t).length());
        assertEquals(Tokens.hash(t), Tokens.hash(t));
    }

    @Test
    void repeatedFailedLoginsAreSlowedDownAndSuccessClearsThem() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, throttle.delayFor("alice"));
            throttle.failed("alice");
        }
        Duration first = throttle.delayFor("alice");
        throttle.failed("alice");
        assertTrue(throttle.delayFor("alice").compareTo(first) > 0);
        assertEquals(Duration.ZERO, throttle.delayFor("bob"));
        throttle.succeeded("alice");
        assertEquals(Duration.ZERO, throttle.delayFor("alice"));
    }
}
