package org.vigil.picture.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NegativeBinomialTest {

    @Test
    void poissonTailMatchesKnownValues() {
        // P(X >= 3) for Poisson(1) = 1 - e^-1 (1 + 1 + 1/2)
        assertEquals(1 - Math.exp(-1) * 2.5, NegativeBinomial.upperTail(3, 1, Double.POSITIVE_INFINITY), 1e-12);
        assertEquals(1.0, NegativeBinomial.upperTail(0, 4, Double.POSITIVE_INFINITY));
    }

    @Test
    void negativeBinomialTailMatchesTheGeometricCase() {
        // size 1 is the geometric distribution: P(X >= y) = q^y with q = mean / (1 + mean)
        double q = 2.0 / 3.0;
        assertEquals(Math.pow(q, 4), NegativeBinomial.upperTail(4, 2, 1), 1e-12);
    }

    @Test
    void aLargerSizeApproachesThePoissonTail() {
        assertEquals(NegativeBinomial.upperTail(7, 3, Double.POSITIVE_INFINITY), NegativeBinomial.upperTail(7, 3, 1e7),
                1e-6);
    }

    @Test
    void overdispersionMakesHighCountsLessSurprising() {
        double poisson = NegativeBinomial.upperTail(10, 3, Double.POSITIVE_INFINITY);
        double dispersed = NegativeBinomial.upperTail(10, 3, 2);
        assertEquals(true, dispersed > poisson * 10, poisson + " vs " + dispersed);
    }
}
