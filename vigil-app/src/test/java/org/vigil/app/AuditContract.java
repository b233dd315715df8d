package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Taxii.Reply;
import org.vigil.app.TestVigil.Account;
import org.vigil.stix.StixObject;
import org.vigil.store.AuditQuery;
import org.vigil.store.AuditRecord;

/**
 * The audit log over HTTP: each read request is one record naming every object returned, writes and failed
 * logins are recorded, and {@code vigil audit verify} finds a record altered or deleted in the database by
 * someone who dropped its protective triggers.
 */
abstract class AuditContract {

    private TestVigil vigil;
    private Account alice;
    private Account bob;
    private java.util.UUID intel;
    private List<StixObject> posted;

    abstract StoreKind store();

    /** Drops the triggers that keep the audit table append-only, as an attacker with database access would. */
    abstract void dropProtection(Statement st) throws SQLException;

    @BeforeEach
    void startVigil(@TempDir Path dir) {
        vigil = TestVigil.create(store(), dir.resolve("data"));
        vigil.org("Acme", true);
        alice = vigil.user("alice", "Acme", "analyst");
        bob = vigil.user("bob", "Acme", "reader");
        intel = vigil.collection("Intel", "intel");
        vigil.grant(intel, alice, "read");
        vigil.grant(intel, alice, "write");
        vigil.grant(intel, bob, "read");
        vigil.start();
        posted = List.of(Stix.indicator("one"), Stix.indicator("two"), Stix.malware("three"));
        assertEquals(3, vigil.as(alice).add(intel, posted).json().path("success_count").asInt());
    }

    @AfterEach
    void stopVigil() {
        vigil.close();
    }

    private long lastSeq() {
        List<AuditRecord> all = vigil.hub().audit.list(AuditQuery.all(100_000));
        return all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
    }

    /** The records appended since {@code seq}. */
    private List<AuditRecord> since(long seq) {
        return vigil.hub().audit.list(AuditQuery.all(1000).afterSeq(seq));
    }

    private AuditRecord onlyRecordOf(Runnable request) {
        long before = lastSeq();
        request.run();
        List<AuditRecord> records = since(before);
        assertEquals(1, records.size(), () -> "one record per request: " + records);
        return records.get(0);
    }

    @Test
    void eachReadRequestIsOneRecordNamingEveryObjectReturned() {
        Reply[] page = new Reply[1];
        AuditRecord read = onlyRecordOf(() -> page[0] = vigil.as(bob).get(Taxii.objects(intel), "limit", "2"));
        assertEquals(bob.id(), read.actor());
        assertEquals("read", read.action());
        assertEquals(Taxii.objects(intel), read.path());
        assertEquals(page[0].ids(), read.objectIds());
        assertEquals(2, read.objectIds().size());

        AuditRecord manifest = onlyRecordOf(() -> vigil.as(bob).get(Taxii.manifest(intel)));
        assertEquals("read-manifest", manifest.action());
        assertEquals(posted.stream().map(StixObject::id).toList(), manifest.objectIds());

        String id = posted.get(0).id();
        AuditRecord object = onlyRecordOf(() -> vigil.as(bob).get(Taxii.object(intel, id)));
        assertEquals(List.of(id), object.objectIds());
        AuditRecord versions = onlyRecordOf(() -> vigil.as(bob).get(Taxii.versions(intel, id)));
        assertEquals("read-versions", versions.action());
        assertEquals(List.of(id), versions.objectIds());
    }

    @Test
    void writesDeletionsAndFailedLoginsAreRecorded() {
        StixObject o = Stix.indicator("recorded");
        AuditRecord add = onlyRecordOf(() -> vigil.as(alice).add(intel, o));
        assertEquals("add", add.action());
        assertEquals(alice.id(), add.actor());
        assertEquals(List.of(o.id()), add.objectIds());
        AuditRecord delete = onlyRecordOf(() -> vigil.as(alice).delete(Taxii.object(intel, o.id()),
                "match[version]", "all"));
        assertEquals("delete", delete.action());
        assertEquals(List.of(o.id()), delete.objectIds());
        AuditRecord failed = onlyRecordOf(() -> vigil.anonymous().bearer("vgl_" + "B".repeat(43))
                .get(Taxii.collections()));
        assertEquals("login-failed", failed.action());
        String show = vigil.cli("audit", "show", "--user", "alice").ok();
        assertTrue(show.contains("\tadd\t") && show.contains("\tdelete\t"), show);
    }

    @Test
    void revokingDisablingAndResettingAtTheCommandLineAreRecordedAndTakeEffect() {
        assertEquals(200, vigil.as(bob).get(Taxii.objects(intel)).status());
        AuditRecord revoke = onlyRecordOf(() -> vigil.cli("collection", "revoke", "intel", "bob", "read").ok());
        assertEquals("admin:collection revoke", revoke.action());
        assertTrue(revoke.path().startsWith("vigil collection revoke (os user "), revoke.path());
        assertEquals(404, vigil.as(bob).get(Taxii.objects(intel)).status(), "bob may no longer read Intel");
        TestVigil.Run again = vigil.cli("collection", "revoke", "intel", "bob", "read");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("bob may not read Intel already"), again.err());

        AuditRecord disable = onlyRecordOf(() -> vigil.cli("user", "set", "alice", "--disabled").ok());
        assertEquals("admin:user disable", disable.action());
        assertEquals(401, vigil.as(alice).get(Taxii.objects(intel)).status(), "a disabled user's token is refused");
        vigil.cli("user", "set", "alice", "--no-disabled").ok();
        assertEquals(200, vigil.as(alice).get(Taxii.objects(intel)).status(), "and works again once enabled");

        AuditRecord password = onlyRecordOf(() -> vigil.cliWithInput("a new password\n", "user", "set", "bob",
                "--password").ok());
        assertEquals("admin:user password", password.action());
        assertTrue(org.vigil.access.Passwords.verify("a new password".toCharArray(),
                vigil.hub().store.userByName("bob").orElseThrow().passwordHash()));
    }

    @Test
    void aUserRefusedACollectionIsRecordedWithWhatTheyWereTold() {
        UUID secret = UUID.randomUUID();
        AuditRecord hidden = onlyRecordOf(() -> vigil.as(bob).get(Taxii.objects(secret)));
        assertEquals("refused", hidden.action());
        assertEquals(bob.id(), hidden.actor());
        assertEquals("GET " + Taxii.objects(secret), hidden.path());
        assertTrue(hidden.detail().startsWith("404: "), hidden.detail());
        AuditRecord write = onlyRecordOf(() -> vigil.as(bob).add(intel, Stix.indicator("not allowed")));
        assertEquals("refused", write.action());
        assertTrue(write.detail().startsWith("403: ") && write.detail().contains("write grant"), write.detail());
        assertEquals(List.of(), write.objectIds());
    }

    @Test
    void showSaysWhoReceivedAnObjectAndCanListTheIds() {
        String id = posted.get(2).id();
        vigil.as(bob).get(Taxii.objects(intel));
        String show = vigil.cli("audit", "show", "--object", id, "--ids").ok();
        List<String> lines = show.lines().toList();
        int read = lines.indexOf(lines.stream().filter(l -> l.contains("\tbob\tread\t")).findFirst().orElseThrow());
        assertTrue(lines.get(read).contains("\t3 objects"), show);
        assertTrue(lines.subList(read + 1, read + 4).contains("\t" + id), show);
        String admin = vigil.cli("audit", "show").ok();
        assertTrue(admin.contains("vigil org add (os user " + System.getProperty("user.name") + ")"), admin);
    }

    @Test
    void verifySaysIntactThenNamesARecordAlteredInTheDatabase() throws SQLException {
        AuditRecord read = onlyRecordOf(() -> vigil.as(bob).get(Taxii.objects(intel)));
        vigil.as(bob).get(Taxii.manifest(intel));
        TestVigil.Run intact = vigil.cli("audit", "verify");
        assertEquals(0, intact.code(), intact::toString);
        assertTrue(intact.out().contains("intact"), intact.out());

        try (Connection c = connect(); Statement st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE audit SET detail = 'x' WHERE seq = "
                    + read.seq()), "the store's triggers refuse changes");
            dropProtection(st);
            byte[] ids;
            try (ResultSet rs = st.executeQuery("SELECT object_ids FROM audit WHERE seq = " + read.seq())) {
                rs.next();
                ids = rs.getBytes(1);
            }
            // Names another object than the one returned: the last UUID of the packed ids, one bit off.
            ids[ids.length - 1] ^= 1;
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit SET object_ids = ? WHERE seq = ?")) {
                ps.setBytes(1, ids);
                ps.setLong(2, read.seq());
                assertEquals(1, ps.executeUpdate());
            }
        }
        assertBrokenAt(read.seq());
    }

    @Test
    void verifyNamesARecordWhoseObjectIdsWereGarbled() throws SQLException {
        AuditRecord read = onlyRecordOf(() -> vigil.as(bob).get(Taxii.objects(intel)));
        try (Connection c = connect(); Statement st = c.createStatement()) {
            dropProtection(st);
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit SET object_ids = ? WHERE seq = ?")) {
                ps.setBytes(1, new byte[] {1, (byte) 0xff});
                ps.setLong(2, read.seq());
                assertEquals(1, ps.executeUpdate());
            }
        }
        assertBrokenAt(read.seq(), "changed");
    }

    @Test
    void verifyNamesTheFirstRecordOfASharedIdListAlteredInTheDatabase() throws SQLException {
        List<StixObject> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(Stix.indicator("many " + i));
        }
        vigil.as(alice).add(intel, many);
        AuditRecord first = onlyRecordOf(() -> vigil.as(bob).get(Taxii.objects(intel)));
        AuditRecord again = onlyRecordOf(() -> vigil.as(bob).get(Taxii.objects(intel)));
        assertEquals(first.objectIds(), again.objectIds());
        assertEquals(0, vigil.cli("audit", "verify").code());
        try (Connection c = connect(); Statement st = c.createStatement()) {
            dropProtection(st);
            assertEquals(1, st.executeUpdate("DELETE FROM audit_id_lists WHERE digest = "
                    + "(SELECT id_list FROM audit WHERE seq = " + again.seq() + ")"));
        }
        assertBrokenAt(first.seq());
    }

    @Test
    void verifyNamesARecordDeletedFromTheDatabase() throws SQLException {
        AuditRecord read = onlyRecordOf(() -> vigil.as(bob).get(Taxii.objects(intel)));
        vigil.as(bob).get(Taxii.manifest(intel));
        assertEquals(0, vigil.cli("audit", "verify").code());
        try (Connection c = connect(); Statement st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM audit WHERE seq = " + read.seq()),
                    "the store's triggers refuse deletions");
            dropProtection(st);
            assertEquals(1, st.executeUpdate("DELETE FROM audit WHERE seq = " + read.seq()));
        }
        assertBrokenAt(read.seq(), "missing");
    }

    @Test
    void verifyNamesTheLastRecordDeletedFromTheDatabase() throws SQLException {
        vigil.as(bob).get(Taxii.objects(intel));
        assertEquals(0, vigil.cli("audit", "verify").code());
        long last = deleteLastRecord();
        assertBrokenAt(last, "deleted");
    }

    @Test
    void aLastRecordDeletedFromTheDatabaseStaysFoundAfterLaterRequests() throws SQLException {
        vigil.as(bob).get(Taxii.objects(intel));
        long last = deleteLastRecord();
        vigil.as(bob).get(Taxii.objects(intel));
        vigil.as(bob).get(Taxii.manifest(intel));
        assertBrokenAt(last, "missing");
    }

    @Test
    void verifyNamesALogCutBackInTheDatabaseHeadAndAll() throws SQLException {
        vigil.as(bob).get(Taxii.objects(intel));
        vigil.as(bob).get(Taxii.manifest(intel));
        assertTrue(vigil.cli("audit", "verify").ok().contains("head sealed"));
        long last = deleteLastRecord();
        AuditRecord before = vigil.hub().audit.list(AuditQuery.all(1).afterSeq(last - 2)).get(0);
        try (Connection c = connect(); Statement st = c.createStatement()) {
            // The chain and the head agree again: only the seal, made with a key the database never held, tells.
            assertEquals(1, st.executeUpdate("UPDATE audit_head SET seq = " + before.seq() + ", hash = '"
                    + before.hash() + "' WHERE id = 1"));
        }
        assertBrokenAt(before.seq(), "seal", "audit.key");
        vigil.as(bob).get(Taxii.objects(intel));
        assertBrokenAt(before.seq() + 1, "seal", "audit.key");
        TestVigil.Run sealed = vigil.cli("audit", "seal", "--reason", "restored from last night's backup");
        assertEquals(0, sealed.code(), sealed::toString);
        assertTrue(vigil.cli("audit", "verify").ok().contains("head sealed"));
        String show = vigil.cli("audit", "show").ok();
        assertTrue(show.contains("admin:audit seal") && show.contains("restored from last night's backup"), show);
    }

    @Test
    void theAuditKeyLivesOutsideTheDatabaseReadableByItsOwnerOnly() throws IOException {
        Path key = vigil.data().resolve("audit.key");
        assertEquals(32, Files.size(key));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertTrue(Files.notExists(vigil.data().resolve("audit.key.new")));
    }

    /** Runs vigil audit verify and checks that it names this record as the first broken one, saying why. */
    private void assertBrokenAt(long seq, String... why) {
        TestVigil.Run broken = vigil.cli("audit", "verify");
        assertEquals(1, broken.code(), broken::toString);
        assertTrue(broken.out().contains("BROKEN at record " + seq + ":"), broken.out());
        for (String word : why) {
            assertTrue(broken.out().contains(word), broken.out());
        }
    }

    /** Deletes the log's last record behind the store's back and returns its number. */
    private long deleteLastRecord() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            dropProtection(st);
            long last;
            try (var rs = st.executeQuery("SELECT MAX(seq) FROM audit")) {
                rs.next();
                last = rs.getLong(1);
            }
            assertEquals(1, st.executeUpdate("DELETE FROM audit WHERE seq = " + last));
            return last;
        }
    }

    private Connection connect() throws SQLException {
        String url = vigil.hub().settings.get("store.url");
        if (url == null) {
            return DriverManager.getConnection("jdbc:sqlite:" + vigil.data().resolve("vigil.db"));
        }
        return DriverManager.getConnection(url, "postgres", null);
    }
}
