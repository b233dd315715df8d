package org.vigil.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.User;

/** Browser sessions on a real (SQLite) store: the idle timeout, the absolute lifetime, and another node. */
class SessionsTest {

    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration LIFETIME = Duration.ofHours(12);

    @TempDir
    Path dir;

    private Store store;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private Sessions sessions;
    private Sessions otherNode;

    @BeforeEach
    void open() {
        store = Store.open(StoreConfig.sqlite(dir));
        Organisation org = new Organisation(UUID.randomUUID(), "org", "identity--" + UUID.randomUUID(), true);
        store.putOrganisation(org);
        store.putUser(new User(UUID.randomUUID(), "ana", org.id(), Role.ANALYST,
                Passwords.hash("a long passphrase".toCharArray())));
        AuditLog audit = new AuditLog(store);
        sessions = new Sessions(store, new Authenticator(store, audit, clock), clock, IDLE, LIFETIME);
        otherNode = new Sessions(store, new Authenticator(store, audit, clock), clock, IDLE, LIFETIME);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String signIn() {
        return sessions.signIn("ana", "a long passphrase".toCharArray(), "POST /ui/login").orElseThrow().cookie();
    }

    @Test
    void endsAfterThirtyMinutesUnused() {
        String cookie = signIn();
        clock.advance(IDLE.minusSeconds(1));
        assertTrue(sessions.current(cookie).isPresent(), "29:59 after sign-in");
        String unused = signIn();
        clock.advance(IDLE);
        assertTrue(sessions.current(unused).isEmpty(), "30 minutes without use");
    }

    @Test
    void useOnAnyNodeKeepsItAlive() {
        String cookie = signIn();
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofMinutes(20));
            Sessions node = i % 2 == 0 ? otherNode : sessions;
            assertTrue(node.current(cookie).isPresent(), "used every 20 minutes, round " + i);
        }
        clock.advance(IDLE.plusSeconds(1));
        assertTrue(sessions.current(cookie).isEmpty());
    }

    @Test
    void endsAtItsLifetimeHoweverBusy() {
        String cookie = signIn();
        Instant signedIn = clock.instant();
        while (clock.instant().plus(Duration.ofMinutes(10)).isBefore(signedIn.plus(LIFETIME))) {
            clock.advance(Duration.ofMinutes(10));
            assertTrue(sessions.current(cookie).isPresent(), "busy at " + clock.instant());
        }
        clock.advance(Duration.ofMinutes(10));
        assertTrue(sessions.current(cookie).isEmpty(), "12 hours after sign-in");
    }

    @Test
    void useIsNotedAtMostOncePerMinute() {
        String cookie = signIn();
        Instant signedIn = clock.instant();
        clock.advance(Duration.ofSeconds(30));
        sessions.current(cookie);
        assertEquals(signedIn, store.sessionByHash(Tokens.hash(cookie)).orElseThrow().lastSeen());
        clock.advance(Duration.ofSeconds(40));
        sessions.current(cookie);
        assertEquals(clock.instant(), store.sessionByHash(Tokens.hash(cookie)).orElseThrow().lastSeen());
    }

    @Test
    void rejectsAnIdleTimeoutLongerThanTheLifetime() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Sessions(store,
                new Authenticator(store, new AuditLog(store), clock), clock, Duration.ofHours(13), LIFETIME));
        assertTrue(e.getMessage().contains("at most its lifetime"), e.getMessage());
    }

    /** A clock the test moves on. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
