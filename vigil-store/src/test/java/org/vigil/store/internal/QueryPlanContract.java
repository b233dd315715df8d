package org.vigil.store.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.store.TestObjects.indicator;
import static org.vigil.store.TestObjects.inSpec;
import static org.vigil.store.TestObjects.newId;
import static org.vigil.store.TestObjects.sdo;
import static org.vigil.store.TestObjects.time;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vigil.stix.StixObject;
import java.util.Set;
import org.vigil.stix.Tlp;
import org.vigil.store.ApiRoot;
import org.vigil.store.Audience;
import org.vigil.store.Collection;
import org.vigil.store.Cursor;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.VersionMatch;

/**
 * The object queries are served by indexes: the database's own query plans for them never scan the objects
 * table, and the TAXII defaults walk an index in date_added order without sorting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueryPlanContract {

    static final String[] TYPES = {"indicator", "malware", "attack-pattern", "campaign", "tool"};

    StoreConfig config;
    Dialect dialect;
    UUID collection;
    String someId;

    abstract StoreConfig newConfig();

    /** The lines of the plan the database chooses for a statement. */
    abstract List<String> plan(Connection c, SqlQuery query) throws SQLException;

    /** Whether a plan line reads the whole objects table or a whole index of it. */
    abstract boolean isFullScan(String line);

    /** Whether a plan line sorts rows instead of reading them in index order. */
    abstract boolean isSort(String line);

    @BeforeAll
    void load() {
        config = newConfig();
        dialect = Dialect.of(config.jdbcUrl());
        try (Store store = Store.open(config)) {
            store.putApiRoot(new ApiRoot("api1", "root", null, 1_000_000));
            for (int c = 0; c < 3; c++) {
                UUID id = UUID.randomUUID();
                store.putCollection(Collection.of(id, "api1", "c" + c));
                fill(store, id);
                collection = id;
            }
        }
        execute("ANALYZE");
    }

    private void fill(Store store, UUID id) {
        for (int batch = 0; batch < 4; batch++) {
            List<StixObject> objects = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String type = TYPES[i % TYPES.length];
                String objectId = newId(type);
                someId = objectId;
                objects.add(type.equals("indicator") ? indicator(objectId, time(1)) : sdo(type, objectId, time(1)));
                if (i % 10 == 0) {
                    objects.add(sdo(type, objectId, time(2)));
                    objects.add(inSpec(sdo(type, objectId, time(0)), "2.0"));
                }
            }
            store.add(id, objects);
        }
    }

    private void execute(String sql) {
        try (Connection c = connect(); var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    }

    List<String> explain(ObjectQuery query, String columns) {
        try (Connection c = connect()) {
            return plan(c, ObjectSql.select(dialect, columns, query, true));
        } catch (SQLException e) {
            throw new IllegalStateException("EXPLAIN failed for " + query, e);
        }
    }

    static List<String> lines(PreparedStatement ps, int column) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                lines.add(rs.getString(column));
            }
        }
        return lines;
    }

    ObjectQuery.Builder query() {
        return ObjectQuery.in(collection).limit(100);
    }

    List<ObjectQuery> filteredQueries() {
        Cursor cursor = Cursor.afterMicros(Micros.now() - 3_600_000_000L);
        return List.of(
                query().build(),
                query().after(cursor).build(),
                query().addedAfter("2024-01-01T00:00:00Z").build(),
                query().types("malware").build(),
                query().types("malware", "tool").after(cursor).build(),
                query().ids(someId).build(),
                query().ids(someId, newId("tool")).versions(VersionMatch.ALL).build(),
                query().versions(VersionMatch.ALL).build(),
                query().versions(VersionMatch.FIRST).build(),
                query().versions(VersionMatch.parse("first,last")).build(),
                query().versions(VersionMatch.exactly(List.of(time(1)))).build(),
                query().specVersions("2.0").build(),
                query().specVersions("2.0", "2.1").versions(VersionMatch.FIRST).types("tool").build(),
                query().types("tool").versions(VersionMatch.ALL).specVersions("2.1").build());
    }

    void assertNoFullScan(ObjectQuery query, List<String> plan) {
        assertFalse(plan.stream().anyMatch(this::isFullScan), () -> "full scan for " + query + ":\n" + plan);
    }

    void assertWalksIndexInOrder(ObjectQuery query, String index) {
        List<String> plan = explain(query, ObjectSql.OBJECT_COLUMNS);
        assertNoFullScan(query, plan);
        assertTrue(plan.stream().anyMatch(line -> line.contains(index)), () -> index + " unused:\n" + plan);
        assertFalse(plan.stream().anyMatch(this::isSort), () -> "sorts for " + query + ":\n" + plan);
    }

    @Test
    void theDefaultPageWalksTheLatestIndex() {
        assertWalksIndexInOrder(query().build(), "objects_latest");
        assertWalksIndexInOrder(query().after(Cursor.afterMicros(Micros.now() - 60_000_000L)).build(),
                "objects_latest");
    }

    @Test
    void aTypeFilterWalksTheTypeIndex() {
        assertWalksIndexInOrder(query().types("attack-pattern").build(), "objects_type");
    }

    @Test
    void everyVersionWalksTheDateAddedIndex() {
        assertWalksIndexInOrder(query().versions(VersionMatch.ALL).build(), "objects_added");
    }

    /** A partner: the open levels of a community member, its organisation's AMBER+STRICT rows and its RED rows. */
    static final Audience PARTNER = new Audience(Set.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER), Tlp.AMBER,
            "identity--00000000-0000-4000-8000-00000000000a", UUID.fromString("00000000-0000-4000-8000-00000000000b"),
            "00000000-0000-4000-8000-00000000000b");

    List<ObjectQuery> audienceQueries() {
        Cursor cursor = Cursor.afterMicros(Micros.now() - 3_600_000_000L);
        return List.of(
                query().audience(PARTNER).build(),
                query().audience(PARTNER).after(cursor).build(),
                query().audience(PARTNER).addedAfter("2024-01-01T00:00:00Z").build(),
                query().audience(PARTNER).types("malware").build(),
                query().audience(PARTNER).types("malware", "tool").versions(VersionMatch.ALL).build(),
                query().audience(PARTNER).versions(VersionMatch.ALL).build(),
                query().audience(PARTNER).ids(someId).build());
    }

    /**
     * A page for a reader who may not see every level reads one index range per level it may see, its
     * organisation's AMBER+STRICT rows and its own RED rows, each in date_added order and each cut at the page's
     * length, so that what is sorted or merged is never more than those short ranges.
     */
    @Test
    void anAudiencesPageReadsOneIndexRangePerPartOfIt() {
        for (ObjectQuery q : audienceQueries()) {
            for (String columns : List.of(ObjectSql.OBJECT_COLUMNS, ObjectSql.MANIFEST_COLUMNS)) {
                List<String> plan = explainWithoutSeqScans(q, columns);
                assertFalse(plan.stream().anyMatch(this::isTableScan),
                        () -> "reads a whole table for " + q + ":\n" + String.join("\n", plan));
                if (q.ids().isEmpty()) {
                    // The unmarked rows' range is left out: here every row is unmarked, and PostgreSQL then rightly
                    // reads them through the newest-versions index instead.
                    for (String index : List.of(q.types().isEmpty() ? "objects_level" : "objects_type_level",
                            "objects_source", "objects_poster", "object_recipients")) {
                        assertTrue(plan.stream().anyMatch(line -> line.contains(index)),
                                () -> index + " unused for " + q + ":\n" + String.join("\n", plan));
                    }
                }
                if (System.getProperty("vigil.plans") != null) {
                    System.out.println("PLAN " + q + "\n" + String.join("\n", plan));
                }
            }
        }
    }

    /**
     * Whether a plan line reads a whole table or index of objects or recipients (rather than a subquery's own
     * few rows).
     */
    abstract boolean isTableScan(String line);

    @Test
    void noFilteredPageScansTheObjectsTable() {
        for (ObjectQuery q : filteredQueries()) {
            for (String columns : List.of(ObjectSql.OBJECT_COLUMNS, ObjectSql.MANIFEST_COLUMNS,
                    ObjectSql.VERSION_COLUMNS)) {
                assertNoFullScan(q, explainWithoutSeqScans(q, columns));
            }
        }
    }

    @Test
    void theLookupOfAnAddsObjectsProbesThePrimaryKey() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add(newId("malware"));
        }
        ids.set(0, someId);
        assertProbesPrimaryKey(config, ObjectVersions.lookup(dialect, collection, ids));
    }

    void assertProbesPrimaryKey(StoreConfig where, SqlQuery lookup) {
        try (Connection c = DriverManager.getConnection(where.jdbcUrl(), where.user(), where.password())) {
            List<String> plan = plan(c, lookup);
            assertFalse(plan.stream().anyMatch(this::isFullScan), () -> "full scan:\n" + plan);
            assertTrue(plan.stream().anyMatch(line -> line.contains(primaryKey())), () -> "no key probe:\n" + plan);
            assertFalse(plan.stream().anyMatch(line -> line.contains("objects_added") || line.contains("objects_type")
                    || line.contains("objects_latest")), () -> "reads a collection-wide index:\n" + plan);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name of the objects table's primary key index. */
    abstract String primaryKey();

    /** The plan when the database is told to avoid whole-table reads wherever any index could serve. */
    abstract List<String> explainWithoutSeqScans(ObjectQuery query, String columns);
}
