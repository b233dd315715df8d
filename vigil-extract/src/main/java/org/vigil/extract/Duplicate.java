package org.vigil.extract;

/**
 * The earlier report an article nearly repeats, with how much of their stories' word 5-shingles they share:
 * {@code containment}, the share of the shorter story's shingles found in the longer one (what decides), and
 * {@code resemblance}, the share of all their shingles that both hold (Jaccard).
 */
public record Duplicate(String reportId, double containment, double resemblance) {
}
