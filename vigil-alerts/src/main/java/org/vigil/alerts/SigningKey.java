package org.vigil.alerts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The hub's key for signing CAP messages: an RSA key pair kept in the data directory as {@value #FILE} (PKCS#8,
 * readable by its owner only), made on first use. Back it up with the data, and give every server of one store
 * the same file, so that receivers see one signer.
 */
public final class SigningKey {

    public static final String FILE = "alerts-signing.key";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key in {@code dataDir}, made there first if it does not exist. */
    public static SigningKey in(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the alert signing key " + file + ": "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the alert signing key " + file + " is not an RSA private key in PKCS#8 "
                    + "form (" + e.getMessage() + "); restore it from a backup, or remove it to make a new one "
                    + "(receivers must then fetch the new public key)", e);
        }
    }

    private static SigningKey of(byte[] pkcs8) throws GeneralSecurityException {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        PublicKey pub = rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        return new SigningKey(key, pub);
    }

    /** Written to a private temporary file and linked into place: never readable by others, never half-written. */
    private static void create(Path file) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            pair = g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make RSA keys", e);
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(file.getParent(), ".key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            tmp = Files.createTempFile(file.getParent(), ".key", ".tmp");
        }
        try {
            Files.write(tmp, pair.getPrivate().getEncoded());
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException e) {
            // Another process made it first; theirs is the key.
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as PEM (SubjectPublicKeyInfo), for receivers to verify signatures with. */
    public String publicPem() {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(publicKey.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    }
}
