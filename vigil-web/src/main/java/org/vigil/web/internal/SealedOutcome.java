package org.vigil.web.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a POST on the administration page came to, carried to the page it redirects to in a cookie of the browser's
 * own, so that the page shows it whichever server behind the load balancer answers. The outcome (a new token's
 * secret among them) is encrypted and authenticated with AES-GCM under a key derived from the session cookie, which
 * only that browser holds (the store keeps only its hash): no server keeps it, no other session can open it, and an
 * altered one is refused.
 */
final class SealedOutcome {

    /** The form it answers, whether the change was made, what to tell the person, and a secret shown once. */
    record Outcome(String form, boolean ok, String message, String secret) {
    }

    private static final byte[] PURPOSE = "vigil administration outcome v1".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedOutcome() {
    }

    /** The outcome sealed for the session whose cookie is {@code session}, as a cookie value. */
    static String seal(Outcome outcome, String session) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed;
        try {
            sealed = cipher(Cipher.ENCRYPT_MODE, session, iv, bytes(outcome));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no AES-GCM or HMAC-SHA256, which every Java 17 has", e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                .put(iv).put(sealed).array());
    }

    /** The outcome in a cookie value {@link #seal} made for this session; empty if it was made for another or altered. */
    static Optional<Outcome> open(String value, String session) {
        try {
            byte[] all = Base64.getUrlDecoder().decode(value);
            if (all.length <= IV_BYTES) {
                return Optional.empty();
            }
            byte[] plain = cipher(Cipher.DECRYPT_MODE, session, Arrays.copyOf(all, IV_BYTES),
                    Arrays.copyOfRange(all, IV_BYTES, all.length));
            return Optional.of(outcome(plain));
        } catch (IllegalArgumentException | GeneralSecurityException | IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] cipher(int mode, String session, byte[] iv, byte[] input) throws GeneralSecurityException {
        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(session.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(derive.doFinal(PURPOSE), "AES"), new GCMParameterSpec(TAG_BITS, iv));
        return cipher.doFinal(input);
    }

    private static byte[] bytes(Outcome o) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeUTF(o.form());
            out.writeBoolean(o.ok());
            out.writeUTF(o.message());
            out.writeBoolean(o.secret() != null);
            out.writeUTF(o.secret() == null ? "" : o.secret());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static Outcome outcome(byte[] plain) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            String form = in.readUTF();
            boolean ok = in.readBoolean();
            String message = in.readUTF();
            boolean hasSecret = in.readBoolean();
            String secret = in.readUTF();
            return new Outcome(form, ok, message, hasSecret ? secret : null);
        }
    }
}
