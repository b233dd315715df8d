package org.vigil.alerts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature: {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}, keyed with
 * the base64 bytes after {@code whsec_} in the secret.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String sign(String secret, String id, long timestamp, String body) {
        if (!secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("a webhook secret starts with whsec_");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
            byte[] sig = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
