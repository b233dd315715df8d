package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.TestVigil.Account;

/**
 * {@code vigil serve} over TLS, turned on by pointing tls.keystore at a PKCS#12 keystore: a client that trusts
 * the certificate talks TAXII over HTTPS with TLS 1.2 or 1.3, and older protocols are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeTlsTest {

    private static final String PASSWORD = "keystore-secret";

    private VigilProcess server;
    private SSLContext trusting;
    private Account alice;

    @BeforeAll
    void serveOverTls(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "vigil", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String keytoolOutput = new String(keytool.getInputStream().readAllBytes());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, keytoolOutput);

        Path data = dir.resolve("data");
        try (TestVigil admin = TestVigil.create(StoreKind.SQLITE, data,
                Map.of("tls.keystore", keystore.toString(), "tls.password", PASSWORD))) {
            admin.org("Acme", true);
            alice = admin.user("alice", "Acme", "analyst");
        }
        server = VigilProcess.serve(data);
        trusting = trustOnly(keystore);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    /** An SSL context that trusts exactly the certificate in the server's keystore. */
    private static SSLContext trustOnly(Path keystore) throws Exception {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            server.load(in, PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("vigil", server.getCertificate("vigil"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.base().resolve(path)).header("Accept", Taxii.MEDIA_TYPE)
                .header("Authorization", alice.bearer()).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient clientSpeaking(String protocol) {
        SSLParameters parameters = trusting.getDefaultSSLParameters();
        parameters.setProtocols(new String[] {protocol});
        return HttpClient.newBuilder().sslContext(trusting).sslParameters(parameters)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Test
    void servesTaxiiOverHttpsToAClientThatTrustsTheCertificate() throws Exception {
        assertEquals("https", server.base().getScheme());
        HttpResponse<String> discovery = get(clientSpeaking("TLSv1.3"), "/taxii2/");
        assertEquals(200, discovery.statusCode(), discovery::body);
        assertTrue(discovery.body().contains("\"https://127.0.0.1:" + server.base().getPort() + "/api1/\""),
                discovery.body());
        HttpResponse<String> collections = get(clientSpeaking("TLSv1.3"), Taxii.collections());
        assertEquals(200, collections.statusCode(), collections::body);
    }

    @Test
    void speaksTls12AndTls13() throws Exception {
        for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
            assertEquals(200, get(clientSpeaking(protocol), "/taxii2/").statusCode(), protocol);
            try (SSLSocket socket = (SSLSocket) trusting.getSocketFactory().createSocket("127.0.0.1",
                    server.base().getPort())) {
                socket.setEnabledProtocols(new String[] {protocol});
                socket.startHandshake();
                assertEquals(protocol, socket.getSession().getProtocol());
            }
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsNotServed() {
        HttpClient untrusting = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertThrows(IOException.class, () -> get(untrusting, "/taxii2/"));
    }

    @Test
    void plainHttpOnTheTlsPortIsNotServed() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.base().getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET /taxii2/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " + Taxii.MEDIA_TYPE
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertFalse(answer.contains("api_roots"), answer);
        } catch (SocketException reset) {
            // The server hung up on a client that does not speak TLS: not served, as required.
        }
    }

    @Test
    void tls11AndOlderAreRefused() throws IOException {
        for (int minor : List.of(1, 2)) {
            try (Socket socket = new Socket("127.0.0.1", server.base().getPort())) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(legacyClientHello(minor));
                out.flush();
                assertTrue(refused(socket.getInputStream()), "TLS 1." + (minor - 1) + " must be refused");
            }
        }
    }

    /**
     * A ClientHello offering only TLS 1.0 ({@code minor} 1) or 1.1 ({@code minor} 2), with cipher suites those
     * versions know and no supported_versions extension, so that a server can only answer in that version or
     * refuse.
     */
    private static byte[] legacyClientHello(int minor) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(3);
        body.write(minor);
        body.writeBytes(new byte[32]);
        body.write(0);
        int[] suites = {0xC013, 0xC014, 0xC009, 0xC00A, 0x002F, 0x0035};
        body.write(0);
        body.write(suites.length * 2);
        for (int s : suites) {
            body.write(s >> 8);
            body.write(s & 0xFF);
        }
        body.write(1);
        body.write(0);
        byte[] extensions = {
            0x00, 0x0a, 0x00, 0x04, 0x00, 0x02, 0x00, 0x17,
            0x00, 0x0b, 0x00, 0x02, 0x01, 0x00,
        };
        body.write(0);
        body.write(extensions.length);
        body.writeBytes(extensions);
        byte[] hello = body.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(new byte[] {0x16, 3, 1});
        int handshakeLength = hello.length + 4;
        record.write(handshakeLength >> 8);
        record.write(handshakeLength & 0xFF);
        record.write(1);
        record.write(0);
        record.write(hello.length >> 8);
        record.write(hello.length & 0xFF);
        record.writeBytes(hello);
        return record.toByteArray();
    }

    /** Whether the server answered with an alert or hung up, rather than with a ServerHello. */
    private static boolean refused(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            int contentType = data.readUnsignedByte();
            return contentType == 0x15;
        } catch (EOFException | SocketException closed) {
            return true;
        }
    }
}
