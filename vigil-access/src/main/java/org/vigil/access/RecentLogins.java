package org.vigil.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short while, credentials that passed the slow password check, so that a TAXII client
 * sending HTTP Basic on every request does not pay for the key derivation each time. Only a keyed hash of the
 * credentials is kept, under a key that lives in this process alone; an entry holds only while the user's stored
 * password hash is the one it was checked against.
 */
final class RecentLogins {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final byte[] key = new byte[32];
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(String passwordHash, Instant until) {
    }

    RecentLogins() {
        new SecureRandom().nextBytes(key);
    }

    String key(String name, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }

    boolean confirms(String key, String passwordHash, Instant now) {
        Entry e = entries.get(key);
        return e != null && now.isBefore(e.until) && e.passwordHash.equals(passwordHash);
    }

    void remember(String key, String passwordHash, Instant now) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(passwordHash, now.plus(TTL)));
    }
}
