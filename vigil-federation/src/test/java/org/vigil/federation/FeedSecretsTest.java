package org.vigil.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeedSecretsTest {

    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    @Test
    void aSealedSecretOpensForItsFeedAndDoesNotShowInClear() {
        FeedSecrets secrets = new FeedSecrets(key(1));
        String sealed = secrets.seal("partner", "s3cret-token");
        assertFalse(sealed.contains("s3cret"));
        assertNotEquals(sealed, secrets.seal("partner", "s3cret-token"), "a fresh nonce each time");
        assertEquals("s3cret-token", secrets.open("partner", sealed));
    }

    @Test
    void aSecretMovedToAnotherFeedOrOpenedWithAnotherKeyIsRefused() {
        String sealed = new FeedSecrets(key(1)).seal("partner", "s3cret");
        assertThrows(IllegalStateException.class, () -> new FeedSecrets(key(1)).open("other", sealed));
        assertThrows(IllegalStateException.class, () -> new FeedSecrets(key(2)).open("partner", sealed));
    }

    @Test
    void noSecretStaysNoSecret() {
        FeedSecrets secrets = new FeedSecrets(key(1));
        assertNull(secrets.seal("anonymous", null));
        assertNull(secrets.open("anonymous", null));
    }
}
