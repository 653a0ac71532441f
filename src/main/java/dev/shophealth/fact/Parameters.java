package dev.shophealth.fact;

import dev.shophealth.outcome.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Every threshold, window and limit the rules use, read from {@code rules/parameters.yaml} and inserted as a fact:
 * rules write {@code $p : Parameters()} and compare with {@code $p.cancelRateWarning()}, never with literals.
 * Ranges are enforced when a ruleset loads; the yaml file says what each value means and where it comes from.
 */
public record Parameters(
        @Range(min = 10, max = 100_000) int maxRuleFirings,
        Verdict defaultVerdict,
        @Range(min = 1, max = 90) int qualityEvidenceDays,
        @Range(min = 1, max = 60) int logisticsEvidenceDays,
        @Range(min = 5, max = 500) int otherDetailMinLength,
        @Range(min = 1, max = 30) int shortWindowDays,
        @Range(min = 7, max = 180) int longWindowDays,
        @Range(min = 1, max = 10_000) int minOrdersForRate,
        @Range(min = 0, max = 1) double cancelRateWarning,
        @Range(min = 0, max = 1) double cancelRateCritical,
        @Range(min = 2, max = 100) int repeatedReasonCount) {

    /** Faults no single range can see: thresholds and windows that contradict each other. */
    public List<String> inconsistencies() {
        List<String> faults = new ArrayList<>();
        if (cancelRateWarning >= cancelRateCritical) {
            faults.add("cancelRateWarning must be below cancelRateCritical");
        }
        if (shortWindowDays >= longWindowDays) {
            faults.add("shortWindowDays must be below longWindowDays");
        }
        return faults;
    }
}
