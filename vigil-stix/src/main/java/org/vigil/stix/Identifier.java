package org.vigil.stix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** STIX identifiers: {@code type--uuid}, lowercase, with an RFC 4122 UUID. */
public final class Identifier {

    /** The namespace STIX 2.1 fixes for deterministic cyber-observable ids (section 2.9). */
    public static final UUID SCO_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

    private Identifier() {
    }

    /** The type part of an id, or null when the id has no {@code --}. */
    public static String typeOf(String id) {
        int sep = id.indexOf("--");
        return sep < 0 ? null : id.substring(0, sep);
    }

    /**
     * Why {@code id} is not a valid STIX identifier, or null when it is. The UUID must be lowercase
     * hexadecimal in 8-4-4-4-12 form with an RFC 4122 variant.
     */
    public static String problem(String id) {
        int sep = id.indexOf("--");
        if (sep <= 0) {
            return "'" + id + "' is not a STIX identifier; it must look like type--uuid, e.g. "
                    + "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
        }
        String uuid = id.substring(sep + 2);
        if (uuid.length() != 36 || !isLowerHexUuid(uuid)) {
            return "the UUID part '" + uuid + "' is not a lowercase UUID in 8-4-4-4-12 form";
        }
        char variant = uuid.charAt(19);
        if (variant != '8' && variant != '9' && variant != 'a' && variant != 'b') {
            return "the UUID part '" + uuid + "' does not have the RFC 4122 variant (character 20 must be 8, 9, a or b)";
        }
        return null;
    }

    private static boolean isLowerHexUuid(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** The UUID version digit of a well-formed id. */
    static int uuidVersion(String id) {
        return Character.digit(id.charAt(id.indexOf("--") + 2 + 14), 16);
    }

    /** A name-based (version 5) identifier: the same type and name always give the same id. */
    public static String deterministic(String type, UUID namespace, String name) {
        return type + "--" + uuidV5(namespace, name);
    }

    static UUID uuidV5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(namespace));
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (hash[i] & 0xff);
                lsb = (lsb << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java runtime", e);
        }
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] out = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (msb >>> (56 - 8 * i));
            out[i + 8] = (byte) (lsb >>> (56 - 8 * i));
        }
        return out;
    }
}
