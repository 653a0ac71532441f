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
        @Range(min = 10, max = 60_000) int evaluationTimeoutMillis,
        Verdict defaultVerdict,
        @Range(min = 1, max = 90) int qualityEvidenceDays,
        @Range(min = 1, max = 60) int logisticsEvidenceDays,
        @Range(min = 1, max = 90) int stockCountMaxAgeDays,
        @Range(min = 0, max = 14) int disruptionLeadDays,
        @Range(min = 5, max = 500) int otherDetailMinContent,
        @Range(min = 1, max = 5) int cjkCharacterWeight,
        @Range(min = 1, max = 500) int contactSummaryMinContent,
        boolean requireBuyerContact,
        @Range(min = 1, max = 30) int shortWindowDays,
        @Range(min = 7, max = 180) int longWindowDays,
        @Range(min = 30, max = 365) int ratingWindowDays,
        @Range(min = 1, max = 10_000) int minOrdersForRate,
        @Range(min = 0, max = 1) double cancelRateWarning,
        @Range(min = 0, max = 1) double cancelRateCritical,
        @Range(min = 2, max = 100) int repeatedReasonCount,
        @Range(min = 1, max = 10_000) int minOrdersForRating,
        @Range(min = 0, max = 4) double rateConfidenceZ,
        @Range(min = 1, max = 100) int minCancellationsForRate,
        @Range(min = 0, max = 1) double causeShareWarning,
        @Range(min = 1, max = 1000) int failedInspectionsPattern,
        @Range(min = 0, max = 1) double logisticsIncidentShareWarning,
        @Range(min = 0, max = 1) double complaintRateWarning,
        @Range(min = 0, max = 1) double complaintRateCritical,
        @Range(min = 0, max = 1) double negativeReviewRateWarning,
        @Range(min = 1, max = 10_000) int minReviewsForRate,
        @Range(min = 0, max = 1) double noContactShareWarning,
        @Range(min = 0, max = 1) double compensatedShareGood,
        @Range(min = 0, max = 100) int weightCompensationCredit,
        @Range(min = 0, max = 100) int weightCancelRateWarning,
        @Range(min = 0, max = 100) int weightCancelRateCritical,
        @Range(min = 0, max = 100) int weightStockTrouble,
        @Range(min = 0, max = 100) int weightQualityTrouble,
        @Range(min = 0, max = 100) int weightLogisticsTrouble,
        @Range(min = 0, max = 100) int weightComplaints,
        @Range(min = 0, max = 100) int weightComplaintsCritical,
        @Range(min = 0, max = 100) int weightNegativeReviews,
        @Range(min = 0, max = 100) int weightNoContact,
        @Range(min = 1, max = 100) int riskMediumFrom,
        @Range(min = 1, max = 100) int riskHighFrom,
        @Range(min = 1, max = 100) int riskCriticalFrom) {

    /**
     * Points graded between two levels, so a score ranks shops instead of sorting them into a few steps:
     * {@code pointsFrom} at {@code from}, rising linearly to {@code pointsTo} at {@code to} and staying there.
     */
    public int graded(double value, double from, double to, int pointsFrom, int pointsTo) {
        if (value >= to || to <= from) {
            return pointsTo;
        }
        double share = Math.max(0, (value - from) / (to - from));
        return (int) Math.round(pointsFrom + share * (pointsTo - pointsFrom));
    }

    /** The length in days of {@code window}. */
    public int days(Window window) {
        return switch (window) {
            case SHORT -> shortWindowDays;
            case LONG -> longWindowDays;
            case RATING -> ratingWindowDays;
        };
    }

    /** Faults no single range can see: thresholds and windows that contradict each other. */
    public List<String> inconsistencies() {
        List<String> faults = new ArrayList<>();
        if (cancelRateWarning >= cancelRateCritical) {
            faults.add("cancelRateWarning must be below cancelRateCritical");
        }
        if (complaintRateWarning >= complaintRateCritical) {
            faults.add("complaintRateWarning must be below complaintRateCritical");
        }
        if (shortWindowDays >= longWindowDays) {
            faults.add("shortWindowDays must be below longWindowDays");
        }
        if (longWindowDays >= ratingWindowDays) {
            faults.add("longWindowDays must be below ratingWindowDays");
        }
        if (riskMediumFrom >= riskHighFrom || riskHighFrom >= riskCriticalFrom) {
            faults.add("risk bands must rise: riskMediumFrom < riskHighFrom < riskCriticalFrom");
        }
        return faults;
    }
}
