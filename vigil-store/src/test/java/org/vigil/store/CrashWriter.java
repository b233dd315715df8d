package org.vigil.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vigil.stix.StixObject;

/**
 * The child process of {@link SqliteCrashDurabilityTest}: adds batches of objects to a SQLite store, one after
 * the other, and prints each batch's ids only after {@code add} has returned, until it is killed.
 */
public final class CrashWriter {

    /** The line prefix of a batch report: {@code BATCH <n> <id> <id> ... END}. */
    static final String BATCH = "BATCH";

    /**
     * The last word of a whole report. A kill can land while a report of 400 ids is being written, and the parent
     * then reads a cut-off line that must not count as a report.
     */
    static final String END = "END";

    private CrashWriter() {
    }

    /** Arguments: data directory, collection id, first batch number, batch size. */
    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        UUID collection = UUID.fromString(args[1]);
        int first = Integer.parseInt(args[2]);
        int size = Integer.parseInt(args[3]);
        try (Store store = Store.open(StoreConfig.sqlite(dataDir))) {
            for (int b = first; ; b++) {
                List<StixObject> batch = batch(b, size);
                store.add(collection, batch);
                StringBuilder line = new StringBuilder(BATCH).append(' ').append(b);
                batch.forEach(o -> line.append(' ').append(o.id()));
                System.out.println(line.append(' ').append(END));
                System.out.flush();
            }
        }
    }

    /** The objects of batch {@code b}: their ids follow from the batch number, so the parent knows them too. */
    static List<StixObject> batch(int b, int size) {
        List<StixObject> objects = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            UUID uuid = UUID.nameUUIDFromBytes(("batch-" + b + "-" + i).getBytes(StandardCharsets.UTF_8));
            objects.add(TestObjects.indicator("indicator--" + uuid, TestObjects.time(b)));
        }
        return objects;
    }
}
