package dev.shophealth.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shophealth.common.AfterCommit;
import dev.shophealth.common.ShopHealthConfig;
import dev.shophealth.decisionlog.DecisionLog;
import dev.shophealth.decisionlog.DecisionRecord;
import dev.shophealth.fact.Given;
import dev.shophealth.ruleset.engine.Evaluation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Forwards every recorded decision as an event to a sink ({@code shophealth.decision-log.forward.url}), like OPA's
 * decision-log plugin: only once its transaction has committed (a decision rolled back was never made), in NDJSON
 * batches from a bounded buffer by one background sender, retried with a doubling pause while the sink is away; when
 * the buffer is full the oldest events are dropped and counted, so a dead sink never slows or fails a decision.
 * Delivery is at least once. Series: {@code shophealth_decisions_forwarded_total{outcome=sent|dropped}},
 * {@code shophealth_decisions_forward_failures_total}, {@code shophealth_decisions_forward_buffer}.
 */
@ApplicationScoped
public class DecisionForwarder {

    private static final Logger LOG = Logger.getLogger(DecisionForwarder.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    @Inject
    ShopHealthConfig config;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry meters;

    private volatile BlockingQueue<String> buffer;
    private volatile Thread sender;
    private volatile boolean stopping;
    private HttpClient http;
    private Counter sent;
    private Counter dropped;
    private Counter failures;

    void onStart(@Observes StartupEvent event) {
        ShopHealthConfig.Forward forward = config.decisionLog().forward();
        if (forward.url().isEmpty()) {
            return;
        }
        buffer = new ArrayBlockingQueue<>(forward.buffer());
        http = HttpClient.newBuilder().connectTimeout(forward.timeout()).build();
        sent = Counter.builder("shophealth.decisions.forwarded").tag("outcome", "sent")
                .description("Recorded decisions forwarded to the decision-log sink, or dropped from a full buffer")
                .register(meters);
        dropped = Counter.builder("shophealth.decisions.forwarded").tag("outcome", "dropped").register(meters);
        failures = Counter.builder("shophealth.decisions.forward.failures")
                .description("POSTs to the decision-log sink that failed and were retried").register(meters);
        Gauge.builder("shophealth.decisions.forward.buffer", buffer, BlockingQueue::size)
                .description("Recorded decisions waiting to be forwarded").register(meters);
        sender = new Thread(() -> send(forward.url().get(), forward), "decision-forwarder");
        sender.setDaemon(true);
        sender.start();
        LOG.infof("Forwarding recorded decisions to %s", forward.url().get());
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (sender != null) {
            sender.interrupt();
        }
    }

    /** Queues a recorded decision for the sink once the caller's transaction commits; nothing when not configured. */
    void recorded(String decisionId, DecisionLog.Kind kind, String subject, Instant at, Given given,
            Evaluation evaluation) {
        BlockingQueue<String> queue = buffer;
        if (queue == null) {
            return;
        }
        String line = event(decisionId, kind, subject, at, given, evaluation);
        AfterCommit.run(transactions, () -> offer(queue, line));
    }

    private void offer(BlockingQueue<String> queue, String line) {
        while (!queue.offer(line)) {
            if (queue.poll() != null) {
                dropped.increment();
            }
        }
    }

    private String event(String decisionId, DecisionLog.Kind kind, String subject, Instant at, Given given,
            Evaluation evaluation) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("decisionId", decisionId);
        e.put("decidedAt", at);
        e.put("kind", kind.name());
        e.put("subject", subject);
        e.put("rulesetRevision", evaluation.rulesetRevision());
        e.put("verdict", evaluation.verdict());
        e.put("score", evaluation.score());
        e.put("input", given);
        e.put("result", DecisionRecord.of(evaluation));
        try {
            return json.writeValueAsString(e);
        } catch (JsonProcessingException failure) {
            throw new IllegalStateException("A decision cannot be written as an event", failure);
        }
    }

    private void send(URI url, ShopHealthConfig.Forward forward) {
        Duration backoff = FIRST_BACKOFF;
        List<String> batch = new ArrayList<>();
        while (!stopping) {
            try {
                if (batch.isEmpty()) {
                    String first = buffer.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    buffer.drainTo(batch, forward.batch() - 1);
                }
                if (post(url, batch, forward.timeout())) {
                    sent.increment(batch.size());
                    batch.clear();
                    backoff = FIRST_BACKOFF;
                } else {
                    failures.increment();
                    Thread.sleep(backoff.toMillis());
                    backoff = backoff.multipliedBy(2).compareTo(forward.maxBackoff()) > 0 ? forward.maxBackoff()
                            : backoff.multipliedBy(2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean post(URI url, List<String> batch, Duration timeout) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", batch) + "\n")).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return true;
            }
            LOG.debugf("The decision-log sink answered %d; retrying %d decisions", status, batch.size());
        } catch (java.io.IOException e) {
            LOG.debugf("The decision-log sink is unreachable (%s); retrying %d decisions", e, batch.size());
        }
        return false;
    }
}
