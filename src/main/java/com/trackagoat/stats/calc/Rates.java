package com.trackagoat.stats.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Exact division of integers, rounded half-up (docs/reference/stats-and-metrics.md §6 and §4), emitted as doubles. */
public final class Rates {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Rates() {
    }

    /** numerator × 100 / denominator, 2 decimals; null when the denominator is 0. */
    public static Double percent(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(HUNDRED).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP).doubleValue();
    }

    /** numerator / denominator with the given decimals; null when the denominator is 0. */
    public static Double ratio(long numerator, long denominator, int decimals) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
