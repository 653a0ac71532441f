package dev.shophealth.cancellation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The reviewers' queue as Prometheus gauges, read from the database at each scrape:
 * {@code shophealth_review_queue} (requests waiting for a person) and
 * {@code shophealth_review_oldest_waiting_seconds} (how long the oldest has waited; 0 when none waits).
 * When the database cannot be read the gauges report NaN rather than a stale number.
 */
@Startup
@ApplicationScoped
public class ReviewQueueMetrics {

    private static final Logger LOG = Logger.getLogger(ReviewQueueMetrics.class);

    @Inject
    MeterRegistry registry;

    @PostConstruct
    void register() {
        Gauge.builder("shophealth.review.queue", this, ReviewQueueMetrics::waiting)
                .description("Cancellation requests waiting for a reviewer").register(registry);
        Gauge.builder("shophealth.review.oldest.waiting", this, ReviewQueueMetrics::oldestWaitingSeconds)
                .description("How long the oldest waiting request has waited").baseUnit("seconds").register(registry);
    }

    double waiting() {
        try {
            return QuarkusTransaction.requiringNew().call(
                    () -> Cancellation.count("status", CancellationStatus.PENDING_REVIEW));
        } catch (RuntimeException e) {
            LOG.debug("Queue length not readable", e);
            return Double.NaN;
        }
    }

    double oldestWaitingSeconds() {
        try {
            Instant oldest = QuarkusTransaction.requiringNew().call(() -> Cancellation.getEntityManager()
                    .createQuery("select min(c.submittedAt) from Cancellation c where c.status = ?1", Instant.class)
                    .setParameter(1, CancellationStatus.PENDING_REVIEW).getSingleResult());
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toSeconds());
        } catch (RuntimeException e) {
            LOG.debug("Oldest waiting request not readable", e);
            return Double.NaN;
        }
    }
}
