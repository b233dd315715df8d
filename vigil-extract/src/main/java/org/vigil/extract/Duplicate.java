package org.vigil.extract;

/** The earlier report an article nearly repeats, with the estimated Jaccard similarity of their texts. */
public record Duplicate(String reportId, double similarity) {
}
