package org.vigil.picture.detection;

/** Upper tail probabilities of the negative binomial distribution, parameterised by its mean and size. */
final class NegativeBinomial {

    private NegativeBinomial() {
    }

    /**
     * P(X >= y) for X negative binomial with mean {@code mean} and size {@code size} (variance mean + mean²/size);
     * an infinite size is the Poisson distribution.
     */
    static double upperTail(int y, double mean, double size) {
        if (y <= 0) {
            return 1.0;
        }
        if (mean <= 0) {
            return 0.0;
        }
        // P(X <= y-1) by the pmf recurrence, which is exact and cheap for the small counts of daily reporting.
        double below = 0;
        double pmf;
        if (Double.isInfinite(size)) {
            pmf = Math.exp(-mean);
            for (int k = 0; k < y; k++) {
                below += pmf;
                pmf *= mean / (k + 1);
            }
        } else {
            double p = size / (size + mean);
            pmf = Math.exp(size * Math.log(p));
            double q = 1 - p;
            for (int k = 0; k < y; k++) {
                below += pmf;
                pmf *= (k + size) / (k + 1) * q;
            }
        }
        return Math.max(0.0, Math.min(1.0, 1.0 - below));
    }
}
