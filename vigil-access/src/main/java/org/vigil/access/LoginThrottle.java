package org.vigil.access;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down repeated failed logins for one account name: after a few free attempts each further failure
 * doubles the wait (up to a cap), and a success clears the count. Keyed by the name tried, so guessing
 * against one account from many addresses is slowed too.
 */
public final class LoginThrottle {

    private static final int FREE_FAILURES = 3;
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    private record Failures(int count, long lastMillis) {
    }

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long a login attempt for {@code name} must wait before it is checked. */
    public Duration delayFor(String name) {
        Failures f = failures.get(name);
        if (f == null || f.count < FREE_FAILURES) {
            return Duration.ZERO;
        }
        long millis = Math.min(MAX_DELAY.toMillis(), 250L << Math.min(20, f.count - FREE_FAILURES));
        long since = clock.millis() - f.lastMillis;
        if (since > MAX_DELAY.toMillis() * 10) {
            failures.remove(name);
            return Duration.ZERO;
        }
        return Duration.ofMillis(millis);
    }

    public void failed(String name) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear();
        }
        failures.merge(name, new Failures(1, clock.millis()),
                (old, one) -> new Failures(old.count + 1, clock.millis()));
    }

    public void succeeded(String name) {
        failures.remove(name);
    }
}
