package org.vigil.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API tokens: 256 random bits shown to the user once, of which only a SHA-256 hash is stored. A slow KDF is
 * not needed here, since a token has full entropy; looking a token up by its hash also keeps the check from
 * depending on how much of a guess was right.
 */
public final class Tokens {

    /** Tokens start with this, so that leaked ones are easy to recognise in logs and scanners. */
    public static final String PREFIX = "vgl_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** A new random token: the prefix and 32 random bytes in base64url. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hash under which a token is stored and looked up. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** Whether a presented string looks like a Vigil token at all (cheap pre-check before any lookup). */
    public static boolean looksLikeToken(String s) {
        return s != null && s.startsWith(PREFIX) && s.length() == PREFIX.length() + 43;
    }
}
