package dev.shophealth.sample;

import dev.shophealth.cancellation.CancellationRequest;
import dev.shophealth.cancellation.CancellationService;
import dev.shophealth.cancellation.CancellationStatus;
import dev.shophealth.cancellation.ReviewRequest;
import dev.shophealth.cancellation.ReviewService;
import dev.shophealth.dataimport.Row;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Submits the sample's cancellation requests in time order through the real intake, so the active rules screen
 * each one as of its own time. Requests left for review more than {@link #REVIEWED_AFTER} ago were decided by a
 * reviewer the next day (the sample's reviewer approves them); recent ones wait in the queue.
 */
@ApplicationScoped
public class SampleCancellations {

    static final Duration REVIEWED_AFTER = Duration.ofDays(2);
    static final String REVIEWER = "sample-reviewer";
    static final int FLUSH_EVERY = 200;

    @Inject
    CancellationService cancellations;

    @Inject
    ReviewService reviews;

    /** Submits every row; returns how many ended in each status. */
    Map<CancellationStatus, Integer> submit(List<Row> rows, Instant now) {
        Map<CancellationStatus, Integer> counts = new EnumMap<>(CancellationStatus.class);
        List<Row> ordered = rows.stream()
                .sorted(Comparator.comparing((Row r) -> OffsetDateTime.parse(r.values().get("submittedAt")))).toList();
        for (Row row : ordered) {
            Map<String, String> v = row.values();
            Instant at = OffsetDateTime.parse(v.get("submittedAt")).toInstant();
            var response = cancellations.submit("sample-" + v.get("orderNo"), body(v), Locale.ENGLISH, at).response();
            CancellationStatus status = response.status();
            if (status == CancellationStatus.PENDING_REVIEW && at.isBefore(now.minus(REVIEWED_AFTER))) {
                status = reviews.reviewAs(REVIEWER, response.id(), new ReviewRequest("APPROVE",
                        "Checked with the buyer's messages and the merchant's records"), Locale.ENGLISH,
                        at.plus(Duration.ofHours(20))).status();
            }
            counts.merge(status, 1, Integer::sum);
            if (counts.values().stream().mapToInt(Integer::intValue).sum() % FLUSH_EVERY == 0) {
                // the whole load is one transaction: keep the persistence context small (large data sets)
                Panache.getEntityManager().flush();
                Panache.getEntityManager().clear();
            }
        }
        return counts;
    }

    private static CancellationRequest body(Map<String, String> v) {
        CancellationRequest.BuyerContactRequest contact = v.get("contactChannel") == null ? null
                : new CancellationRequest.BuyerContactRequest(v.get("contactChannel"), v.get("contactedAt"),
                        v.get("contactSummary"), v.get("compensationType") == null ? null
                                : new CancellationRequest.Compensation(v.get("compensationType"),
                                        v.get("compensationAmount") == null ? null
                                                : new BigDecimal(v.get("compensationAmount"))));
        return new CancellationRequest(v.get("orderNo"), v.get("reason"), v.get("detail"), null, contact);
    }
}
