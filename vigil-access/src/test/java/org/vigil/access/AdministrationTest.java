package org.vigil.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.stix.Tlp;
import org.vigil.store.ApiRoot;
import org.vigil.store.AuditQuery;
import org.vigil.store.AuditRecord;
import org.vigil.store.Collection;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/** The rules of administration the command line and the administration page share, on a real SQLite store. */
final class AdministrationTest {

    private static final UUID DIRECTORY = UUID.randomUUID();

    @TempDir
    Path dir;
    private Store store;
    private AuditLog audit;
    private Administration admin;
    private Administration.Actor cli;

    @BeforeEach
    void open() {
        store = Store.open(StoreConfig.sqlite(dir));
        store.putApiRoot(new ApiRoot("api1", "test", null, 1_000_000));
        store.putCollection(new Collection(DIRECTORY, "api1", "Directory", null, "directory",
                List.of(Collection.STIX_MEDIA_TYPE), false, Tlp.GREEN));
        audit = new AuditLog(store);
        admin = new Administration(store, audit, "api1", DIRECTORY);
        cli = new Administration.Actor(Principal.anonymous(), "vigil test");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNewUserReadsTheDirectoryAndGetsATokenWhoseSecretIsNotStored() {
        Organisation org = admin.addOrganisation(cli, "Police", true);
        Administration.NewUser u = admin.addUser(cli, "ana", org, Role.ANALYST, "ana's password".toCharArray());
        assertTrue(store.grant(u.user().id(), DIRECTORY).orElseThrow().read());
        assertTrue(store.tokenByHash(Tokens.hash(u.token().secret())).isPresent());
        assertTrue(store.tokens(u.user().id()).stream().noneMatch(t -> t.sha256().equals(u.token().secret())));
        Authenticator auth = new Authenticator(store, audit, Clock.systemUTC());
        assertTrue(auth.token(u.token().secret(), "test").isPresent());
        assertThrows(Administration.Refused.class, () -> admin.addUser(cli, "ana", org, Role.READER, new char[0]));
        assertThrows(Administration.Refused.class, () -> admin.addOrganisation(cli, "Police", false));
        assertThrows(Administration.Refused.class, () -> admin.addOrganisation(cli, "  ", false));
    }

    @Test
    void aRightIsRevokedOnlyWhereItIsHeldAndEveryChangeIsAudited() {
        Organisation org = admin.addOrganisation(cli, "Police", true);
        var ana = admin.addUser(cli, "ana", org, Role.ANALYST, new char[0]).user();
        Collection c = admin.addCollection(cli, null, "Intel", "what we know", "intel");
        assertEquals("what we know", store.collection(c.id()).orElseThrow().description());
        assertThrows(Administration.Refused.class, () -> admin.addCollection(cli, null, "Other", null, "intel"));
        admin.grant(cli, c, ana, true, true);
        admin.revoke(cli, c, ana, false, true);
        assertTrue(store.grant(ana.id(), c.id()).orElseThrow().read());
        assertFalse(store.grant(ana.id(), c.id()).orElseThrow().write());
        Administration.Refused twice = assertThrows(Administration.Refused.class,
                () -> admin.revoke(cli, c, ana, false, true));
        assertEquals("ana may not write Intel already", twice.getMessage());
        List<String> actions = audit.list(AuditQuery.all(100)).stream().map(AuditRecord::action)
                .toList();
        assertEquals(List.of("admin:org add", "admin:user add", "admin:collection add", "admin:collection grant",
                "admin:collection revoke"), actions);
    }

    @Test
    void aDisabledUserIsRefusedEverywhereAndNobodyDisablesThemselves() {
        Organisation org = admin.addOrganisation(cli, "Police", true);
        var root = admin.addUser(cli, "root", org, Role.ADMIN, new char[0]);
        var ana = admin.addUser(cli, "ana", org, Role.ANALYST, "ana's password".toCharArray());
        Administration.Actor rootActor = new Administration.Actor(Principal.of(root.user(), org), "POST test");
        assertThrows(Administration.Refused.class, () -> admin.setDisabled(rootActor, root.user(), true));
        admin.setDisabled(rootActor, ana.user(), true);
        Authenticator auth = new Authenticator(store, audit, Clock.systemUTC());
        assertTrue(auth.token(ana.token().secret(), "test").isEmpty());
        assertTrue(auth.password("ana", "ana's password".toCharArray(), "test").isEmpty());
        assertThrows(Administration.Refused.class, () -> admin.setDisabled(rootActor, ana.user(), true));
        admin.setDisabled(rootActor, ana.user(), false);
        assertTrue(auth.token(ana.token().secret(), "test").isPresent());
    }

    @Test
    void theAuditLogIsPagedNewestFirstFilteredByUserAndActionAcrossWindows() {
        Organisation org = admin.addOrganisation(cli, "Police", true);
        var ana = admin.addUser(cli, "ana", org, Role.ANALYST, new char[0]).user();
        Principal p = Principal.of(ana, org);
        for (int i = 0; i < 2_500; i++) {
            audit.record(p, i % 500 == 0 ? "admin:rare" : "read", "GET /x", List.of(), String.valueOf(i));
            audit.record(Principal.anonymous(), "read", "GET /y", List.of(), null);
        }
        Administration.AuditPage rare = admin.auditPage(0, 3, ana.id(), "admin:");
        assertEquals(List.of("2000", "1500", "1000"), rare.records().stream().map(AuditRecord::detail).toList(),
                "newest first, across several windows of the log");
        Administration.AuditPage rest = admin.auditPage(rare.olderBefore(), 3, ana.id(), "admin:");
        assertEquals(List.of("500", "0"), rest.records().stream().map(AuditRecord::detail).toList());
        assertFalse(rest.hasOlder());
        List<Long> seqs = new ArrayList<>();
        long before = 0;
        for (int page = 0; page < 3; page++) {
            Administration.AuditPage all = admin.auditPage(before, 50, null, null);
            all.records().forEach(r -> seqs.add(r.seq()));
            before = all.olderBefore();
        }
        long head = store.auditHead().seq();
        for (int i = 0; i < seqs.size(); i++) {
            assertEquals(head - i, seqs.get(i), "pages follow on without a gap");
        }
    }

    @Test
    void aScopedTokenCoversOnlyItsCollectionsAndAnExpiryIsReadAsTheCommandLineReadsIt() {
        Organisation org = admin.addOrganisation(cli, "Police", true);
        var ana = admin.addUser(cli, "ana", org, Role.ANALYST, new char[0]).user();
        Collection c = admin.addCollection(cli, null, "Intel", null, null);
        var t = admin.issueToken(cli, ana, Set.of(c.id()), Administration.expiry("P1D"));
        assertTrue(t.token().scope().covers(c.id()));
        assertFalse(t.token().scope().covers(DIRECTORY));
        assertThrows(Administration.Refused.class, () -> Administration.expiry("tomorrow"));
        admin.revokeToken(cli, t.token().id());
        assertThrows(Administration.Refused.class, () -> admin.revokeToken(cli, UUID.randomUUID()));
    }
}
