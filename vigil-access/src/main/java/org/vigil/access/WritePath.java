package org.vigil.access;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vigil.stix.Finding;
import org.vigil.stix.StixObject;
import org.vigil.stix.Validator;
import org.vigil.store.AddResult;
import org.vigil.store.FeedProgress;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Role;
import org.vigil.store.Status;
import org.vigil.store.Store;
import org.vigil.store.VersionEntry;

/**
 * The one way objects enter Vigil (TAXII posts, {@code vigil ingest}, the demo, federation): validation, the
 * source rules for created_by_ref, then one durable batch, a stored status resource and an audit record.
 * Valid objects of an envelope are stored even when others in it fail.
 */
public final class WritePath {

    /** Types that may carry created_by_ref; cyber-observables and bundles may not. */
    private static final Set<String> NO_CREATOR = Set.of("bundle");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Store store;
    private final AuditLog audit;
    private final Clock clock;

    public WritePath(Store store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** One item of an add request: the object as read, or why it could not be read. */
    public record Item(StixObject object, String id, String problem) {

        public static Item of(StixObject object) {
            return new Item(object, object.id(), null);
        }

        /** An item that is not an object at all; {@code where} names it (objects[3], say). */
        public static Item unreadable(String where, String problem) {
            return new Item(null, where, problem);
        }
    }

    /**
     * Adds objects for {@code p}, who must be able to write {@code c}; returns the stored status resource. The
     * caller checks write permission first, so that a refusal can look like a missing collection.
     */
    public Status add(Principal p, CollectionView c, List<Item> items, String path) {
        return add(p, c, items, path, null);
    }

    /**
     * Adds objects like {@link #add(Principal, CollectionView, List, String)}, and, when {@code progress} is given,
     * moves a federation feed's state in the same store transaction as the objects (even when none is accepted),
     * so that a feed's cursor never runs ahead of, or behind, what it brought in. The status returned is not kept.
     */
    public Status add(Principal p, CollectionView c, List<Item> items, String path, FeedProgress progress) {
        if (!c.canWrite()) {
            throw new IllegalStateException(p + " may not write to collection " + c.collection().id());
        }
        String requested = MICROS.format(clock.instant());
        // Validation is the costly step and every object stands alone, so it runs on all cores; order is kept.
        List<Verdict> verdicts = items.parallelStream().map(this::judge).toList();
        List<Status.Detail> failures = new ArrayList<>();
        List<StixObject> accepted = new ArrayList<>();
        Claims claims = new Claims(p);
        for (Verdict v : verdicts) {
            StixObject object = v.failure() != null ? null : settleSource(p, claims, v.object(), failures);
            if (v.failure() != null) {
                failures.add(v.failure());
            } else if (object != null) {
                accepted.add(object);
            }
        }
        UUID statusId = UUID.randomUUID();
        Function<List<AddResult>, Status> status = results -> status(statusId, c, p, requested, items.size(),
                results, failures);
        List<AddResult> results = List.of();
        if (progress != null) {
            // A feed's batches keep no status resource: no TAXII client will ask for it, and it would cost each
            // page another durable write. The feed's state and the log say what became of them.
            results = store.add(c.collection().id(), p.userId(), accepted, progress);
        } else if (!accepted.isEmpty()) {
            // The status is written in the objects' transaction: one durable commit for both.
            results = store.add(c.collection().id(), p.userId(), accepted, status);
        } else {
            store.putStatus(status.apply(results));
        }
        Status done = status.apply(results);
        audit.record(p, "add", path, done.successes().stream().map(Status.Detail::id).toList(),
                failures.isEmpty() ? null : failures.size() + " refused");
        return done;
    }

    private static Status status(UUID id, CollectionView c, Principal p, String requested, int total,
                                 List<AddResult> results, List<Status.Detail> failures) {
        List<Status.Detail> successes = new ArrayList<>(results.size());
        for (AddResult r : results) {
            successes.add(new Status.Detail(r.id(), r.version(), r.outcome() == AddResult.Outcome.ALREADY_PRESENT
                    ? "already held at this version" : null));
        }
        return new Status(id, c.collection().apiRoot(), p.userId(), Status.State.COMPLETE, requested, total,
                successes.size(), failures.size(), 0, successes, failures, List.of());
    }

    /** What validation made of one item: the object, or why it is refused. */
    private record Verdict(StixObject object, Status.Detail failure) {
    }

    private Verdict judge(Item item) {
        String id = item.id() == null ? "(no id)" : item.id();
        if (item.problem() != null) {
            return new Verdict(null, new Status.Detail(id, null, item.problem()));
        }
        StixObject object = item.object();
        List<Finding> errors = Validator.standard().validate(object).stream().filter(Finding::isError).toList();
        if (!errors.isEmpty()) {
            return new Verdict(null, new Status.Detail(id, object.version().orElse(null), describe(errors)));
        }
        return new Verdict(object, null);
    }

    private static String describe(List<Finding> errors) {
        return errors.stream().map(f -> (f.pointer().isEmpty() ? "/" : f.pointer()) + ": " + f.message())
                .collect(Collectors.joining("; "));
    }

    /**
     * Only a federation account may post as another organisation; others may sign with their organisation's
     * identity or one it has claimed. A missing created_by_ref becomes the poster's organisation, for the object
     * types that carry one, except from a federation account: what it relays came without a source and stays so.
     */
    private StixObject settleSource(Principal p, Claims claims, StixObject object, List<Status.Detail> failures) {
        String creator = object.text("created_by_ref");
        if (creator == null) {
            return carriesCreator(object) && p.organisationIdentity() != null && p.role() != Role.FEDERATION
                    ? object.with("created_by_ref", p.organisationIdentity()) : object;
        }
        if (p.signsAs(creator) || p.role() == Role.FEDERATION || claims.contains(creator)) {
            return object;
        }
        failures.add(new Status.Detail(object.id(), object.version().orElse(null), "created_by_ref " + creator
                + " is not your organisation's identity (" + p.organisationIdentity() + ") nor one it claims; "
                + "only a federation account may post on behalf of another source, so leave created_by_ref out, set "
                + "it to yours, or have an administrator run vigil org set ORG --identity " + creator));
        return null;
    }

    /** The identity ids the poster's organisation claims, read from the store once per add and only if needed. */
    private final class Claims {
        private final Principal poster;
        private Set<String> ids;

        Claims(Principal poster) {
            this.poster = poster;
        }

        boolean contains(String identityId) {
            if (poster.organisationId() == null) {
                return false;
            }
            if (ids == null) {
                ids = Set.copyOf(store.claimedIdentities(poster.organisationId()));
            }
            return ids.contains(identityId);
        }
    }

    /** SDOs, SROs and the meta objects carry created_by_ref; SCOs (which have no created) do not. */
    private static boolean carriesCreator(StixObject object) {
        return object.has("created") && !NO_CREATOR.contains(object.type());
    }

    /** Deletes the matching versions of one object for a writer; returns what was deleted. */
    public List<VersionEntry> delete(Principal p, CollectionView c, ObjectQuery q, String path) {
        if (!c.canWrite()) {
            throw new IllegalStateException(p + " may not delete from collection " + c.collection().id());
        }
        List<VersionEntry> deleted = store.delete(q);
        audit.record(p, "delete", path, deleted.stream().map(VersionEntry::id).distinct().toList(),
                deleted.size() + " versions");
        return deleted;
    }
}
