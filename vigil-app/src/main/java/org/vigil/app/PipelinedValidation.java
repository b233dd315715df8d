package org.vigil.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.vigil.stix.BundleReader;
import org.vigil.stix.Finding;
import org.vigil.stix.StixFormatException;
import org.vigil.stix.StixObject;
import org.vigil.stix.Validator;

/**
 * Validates what a reader yields on two threads: this one parses while a worker checks the objects parsed
 * before, in batches, and hands their findings to the sink in input order (one worker, so the sink is only ever
 * called by one thread at a time, and its work is not added to the parsing, the longer half). Parsing and checking
 * each take about half of a run, so on two free cores a file is done in a little more than half the time.
 * Memory stays bounded: at most {@link #AHEAD} batches wait for the worker.
 */
final class PipelinedValidation {

    private static final int BATCH = 256;
    private static final int AHEAD = 2;

    /** Where findings go, with the line on which their object begins (0 if unknown). */
    interface Sink {
        void accept(Finding f, int line);
    }

    private final Validator validator = Validator.standard();
    private final ArrayDeque<Future<?>> pending = new ArrayDeque<>();
    private final Sink sink;
    private long errors;
    private long warnings;

    private PipelinedValidation(Sink sink) {
        this.sink = sink;
    }

    /** Validates everything {@code reader} yields; a format error ends the run after the findings before it. */
    static Validator.Summary run(BundleReader reader, Sink sink) {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return Validator.standard().validate(reader, f -> sink.accept(f, reader.line()));
        }
        return new PipelinedValidation(sink).validate(reader);
    }

    private Validator.Summary validate(BundleReader reader) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vigil-validate");
            t.setDaemon(true);
            return t;
        });
        long objects = 0;
        try {
            List<StixObject> batch = new ArrayList<>(BATCH);
            int[] lines = new int[BATCH];
            try {
                for (StixObject o = reader.next(); o != null; o = reader.next()) {
                    lines[batch.size()] = reader.line();
                    batch.add(o);
                    objects++;
                    if (batch.size() == BATCH) {
                        pending.add(worker.submit(check(batch, lines)));
                        batch = new ArrayList<>(BATCH);
                        lines = new int[BATCH];
                        awaitBatches(AHEAD);
                    }
                }
            } catch (StixFormatException e) {
                pending.add(worker.submit(check(batch, lines)));
                awaitBatches(0);
                throw e;
            }
            pending.add(worker.submit(check(batch, lines)));
            awaitBatches(0);
        } finally {
            worker.shutdownNow();
        }
        reader.problems().forEach(f -> accept(f, 0));
        ObjectNode header = reader.header();
        if ("bundle".equals(header.path("type").asText(null))) {
            validator.validateBundleHeader(header).forEach(f -> accept(f, 0));
        }
        return new Validator.Summary(objects, errors, warnings);
    }

    private Runnable check(List<StixObject> batch, int[] lines) {
        return () -> {
            for (int i = 0; i < batch.size(); i++) {
                for (Finding f : validator.validate(batch.get(i))) {
                    accept(f, lines[i]);
                }
            }
        };
    }

    /** Waits for the oldest batches until at most {@code keep} are pending; their findings have been handed on. */
    private void awaitBatches(int keep) {
        while (pending.size() > keep) {
            try {
                pending.removeFirst().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("validation was interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private void accept(Finding f, int line) {
        if (f.isError()) {
            errors++;
        } else {
            warnings++;
        }
        sink.accept(f, line);
    }
}
