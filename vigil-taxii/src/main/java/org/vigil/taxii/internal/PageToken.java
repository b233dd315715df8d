package org.vigil.taxii.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TAXII {@code next} tokens: opaque to clients and tamper-proof. A token carries where the previous page
 * stopped, bound by an HMAC to the query it belongs to and the reader who asked, so that it cannot be edited,
 * replayed with other filters, or handed to another user.
 */
public final class PageToken {

    private final byte[] key;

    public PageToken(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the token key must have at least 256 bits");
        }
        this.key = key.clone();
    }

    /** A token for {@code position}, valid only with the same {@code binding} (query and reader). */
    public String issue(String position, String binding) {
        byte[] payload = position.getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload) + "." + b64.encodeToString(mac(payload, binding));
    }

    /** The position a token carries; a forged, edited or misplaced token is a 400 error. */
    public String open(String token, String binding) {
        int dot = token.indexOf('.');
        try {
            if (dot > 0) {
                byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
                byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
                if (MessageDigest.isEqual(given, mac(payload, binding))) {
                    return new String(payload, StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException malformed) {
            // Falls through to the same answer as a bad signature: the client learns nothing more.
        }
        throw TaxiiException.badRequest("the next token is not one this server issued for this request; "
                + "send it back unchanged, with the same filters, or start again without next");
    }

    private byte[] mac(byte[] payload, String binding) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(binding.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }
}
