package org.vigil.federation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remote passwords and tokens at rest: AES-256-GCM under a key kept outside the database (feed.key in the data
 * directory), so that a copy of the database alone does not give away the credentials of partner servers. The
 * feed's name is bound in as associated data, so a sealed secret cannot be moved to another feed.
 */
public final class FeedSecrets {

    private static final String FORMAT = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public FeedSecrets(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the feed key must have 256 bits; it has " + key.length * 8);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** The secret encrypted for the feed named {@code feed}; null stays null. */
    public String seal(String feed, String secret) {
        if (secret == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, feed, secret.getBytes(StandardCharsets.UTF_8));
        return FORMAT + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv)
                .put(sealed).array());
    }

    /**
     * The secret a {@link #seal} made for this feed; null stays null.
     *
     * @throws IllegalStateException if it was sealed under another key or for another feed, or altered
     */
    public String open(String feed, String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(FORMAT)) {
            throw new IllegalStateException("the stored secret of feed " + feed + " is not in a form Vigil writes");
        }
        byte[] all = Base64.getDecoder().decode(sealed.substring(FORMAT.length()));
        byte[] iv = java.util.Arrays.copyOf(all, IV_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(all, IV_BYTES, all.length);
        return new String(run(Cipher.DECRYPT_MODE, iv, feed, body), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] iv, String feed, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(feed.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the secret of feed " + feed + " cannot be opened with this feed.key "
                    + "(another installation's key, or an altered value); set it again with vigil feed remove and "
                    + "vigil feed add", e);
        }
    }
}
