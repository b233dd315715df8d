package org.vigil.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.access.Principal;
import org.vigil.stix.StixObject;
import org.vigil.store.Collection;
import org.vigil.store.EmbeddedPostgresServer;
import org.vigil.store.StoreConfig;

/** Counting from memory against reading row by row, on a real PostgreSQL server. */
final class PostgresCountingTest extends CountingContract {

    @Override
    StoreConfig newConfig() {
        return EmbeddedPostgresServer.newSchema();
    }

    /**
     * PostgreSQL hands out the change log's numbers before commit, so a writer can commit a lower number after a
     * higher one has been read. The copy must look for the skipped number again and count what it brings.
     */
    @Test
    void aChangeCommittedAfterAHigherNumberIsStillCounted() throws Exception {
        Principal analyst = accounts.get(0).principal();
        Collection shared = collections.get(0);
        String city = cities.get(0);
        LocalDate day = START.plusDays(3);
        int index = (int) (day.toEpochDay() - START.toEpochDay());
        int before = count(analyst, city, index);
        int nextBefore = count(analyst, city, index + 1);
        String held = "report--" + UUID.randomUUID();
        try (Connection slow = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password())) {
            slow.setAutoCommit(false);
            try (PreparedStatement links = slow.prepareStatement("INSERT INTO place_links (collection_id, object_id,"
                    + " item_id, item_type, place_id, day) VALUES (?, ?, ?, 'report', ?, ?)");
                 PreparedStatement change = slow.prepareStatement("INSERT INTO place_index_changes (collection_id,"
                         + " object_id, changed_at) VALUES (?, ?, ?)")) {
                links.setObject(1, shared.id());
                links.setString(2, held);
                links.setString(3, held);
                links.setString(4, city);
                links.setLong(5, day.toEpochDay());
                links.executeUpdate();
                change.setObject(1, shared.id());
                change.setString(2, held);
                change.setLong(3, Instant.now().toEpochMilli() * 1000);
                change.executeUpdate();
            }
            // Another collection: writers to one collection queue on its row, so only writers to different
            // collections can commit out of order.
            hub.post(accounts.get(0), collections.get(1), List.of(report(city, day.plusDays(1))));
            assertEquals(before, count(analyst, city, index), "the held transaction has not committed");
            assertEquals(nextBefore + 1, count(analyst, city, index + 1), "the later writer's report counts at once");
            slow.commit();
        }
        assertEquals(before + 1, count(analyst, city, index), "the skipped number was looked for again");
    }

    private int count(Principal p, String place, int index) {
        int[] daily = hub.reads.placeCounts(p, START, END, Set.of(), "test").stories().get(place);
        return daily == null ? 0 : daily[index];
    }

    private static StixObject report(String place, LocalDate day) {
        String at = day + "T09:00:00.000Z";
        return StixObject.builder("report", "report--" + UUID.randomUUID()).put("created", at).put("modified", at)
                .put("name", "Later report").put("published", at).put("report_types", List.of("threat-report"))
                .put("object_refs", List.of(place)).build();
    }
}
