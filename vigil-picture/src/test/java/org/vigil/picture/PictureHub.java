package org.vigil.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.vigil.access.AuditLog;
import org.vigil.access.Authenticator;
import org.vigil.access.CollectionView;
import org.vigil.access.Passwords;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.access.WritePath;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.ApiRoot;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.Status;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.User;
import org.vigil.taxii.Hub;
import org.vigil.taxii.TaxiiConfig;
import org.vigil.taxii.TaxiiServer;

/**
 * A hub under test for the picture: a real store, the real access layer, and the real HTTP server with the
 * picture's API on a free loopback port. Accounts sign in with passwords over HTTP Basic, as partners do.
 */
final class PictureHub implements AutoCloseable {

    static final String ROOT = "api1";
    private static final ObjectMapper JSON = new ObjectMapper();

    final Store store;
    final AuditLog audit;
    final ReadPath reads;
    final WritePath writes;
    private final TaxiiServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    /** A user the tests act as. */
    record Account(User user, Organisation organisation, String password) {
        Principal principal() {
            return Principal.of(user, organisation);
        }
    }

    PictureHub(StoreConfig config) {
        store = Store.open(config);
        store.putApiRoot(new ApiRoot(ROOT, "Vigil under test", null, 10_000_000));
        audit = new AuditLog(store);
        reads = new ReadPath(store, audit);
        writes = new WritePath(store, audit, Clock.systemUTC());
        Authenticator auth = new Authenticator(store, audit, Clock.systemUTC());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Clock fixed = Clock.fixed(Instant.parse("2014-02-10T12:00:00Z"), ZoneOffset.UTC);
        Picture picture = new Picture(reads, fixed);
        server = TaxiiServer.start(new Hub(auth, reads, writes),
                new TaxiiConfig("127.0.0.1", 0, "Vigil under test", "", null, null, 1000, key),
                List.of(new PictureApi(picture, fixed)));
    }

    Organisation organisation(String name) {
        Organisation o = new Organisation(UUID.randomUUID(), name, "identity--" + UUID.randomUUID(), true);
        store.putOrganisation(o);
        return o;
    }

    Account user(String name, Organisation org) {
        String password = "pw-" + name;
        User u = new User(UUID.randomUUID(), name, org.id(), Role.ANALYST, Passwords.hash(password.toCharArray()));
        store.putUser(u);
        return new Account(u, org, password);
    }

    Collection collection(String title, boolean isPublic, Tlp defaultMarking) {
        Collection c = new Collection(UUID.randomUUID(), ROOT, title, null, null,
                List.of(Collection.STIX_MEDIA_TYPE), isPublic, defaultMarking);
        store.putCollection(c);
        return c;
    }

    void grant(Account a, Collection c, boolean read, boolean write) {
        store.putGrant(new Grant(a.user().id(), c.id(), read, write));
    }

    /** Posts objects through the write path as the account, which must be able to write the collection. */
    void post(Account a, Collection c, List<StixObject> objects) {
        List<WritePath.Item> items = new ArrayList<>();
        objects.forEach(o -> items.add(WritePath.Item.of(o)));
        Status s = writes.add(a.principal(), new CollectionView(c, true, true, false), items, "test");
        assertEquals(0, s.failureCount(), () -> "refused: " + s.failures());
    }

    /** A GET of Vigil's API, as the account (null for anonymous); the answer's status and JSON body. */
    Answer get(Account a, String pathAndQuery) {
        return get(a, pathAndQuery, "application/json");
    }

    Answer get(Account a, String pathAndQuery, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (a != null) {
            String basic = a.user().name() + ":" + a.password();
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.body().isEmpty() ? null : JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer. */
    record Answer(int status, String contentType, JsonNode body) {
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
