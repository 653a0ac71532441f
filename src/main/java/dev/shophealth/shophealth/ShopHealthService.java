package dev.shophealth.shophealth;

import dev.shophealth.decision.Decision;
import dev.shophealth.decision.Decisions;

import dev.shophealth.common.ProblemException;
import dev.shophealth.decisionlog.DecisionLog;
import dev.shophealth.fact.ShopWindowFact;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.engine.Evaluation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A shop's health now or at a past date, and its trend; each report is recorded in the decision log. */
@ApplicationScoped
public class ShopHealthService {

    /** A trend has at most this many points. */
    static final int MAX_POINTS = 400;

    /** One point of a trend. */
    public record TrendPoint(Instant asOf, int riskScore, RiskLevel riskLevel) {
    }

    /** A shop's trend, all points computed with one ruleset. */
    public record Trend(String shopId, String rulesetRevision, List<TrendPoint> points) {
    }

    @Inject
    RawMetrics raw;
    @Inject
    HealthReports reports;
    @Inject
    Decisions decisions;
    @Inject
    dev.shophealth.order.ShopScope scope;
    @Inject
    ShopHeads heads;
    @Inject
    KeptWindows kept;

    /** When a health report becomes a row of the decision log. */
    public enum Recording {
        /** A report at a past date: a view of history, not a decision. */
        NONE,
        /** The current report: recorded when the shop's outcome differs from its last recorded one. */
        ON_CHANGE,
        /** An explicit snapshot: always recorded. */
        ALWAYS
    }

    @Inject
    DecisionLog log;

    /**
     * A shop's report. A read is a read: the decision log gets a row when the outcome (revision, score, findings,
     * consequences, error) differs from the shop's last recorded one, or on an explicit snapshot — not per view.
     * An unchanged report carries the id of the row that recorded that outcome. Reading takes no transaction; only
     * a recording writes, in its own. A read is one statement, the shop, its latest row's id and its number of changes
     * ({@link ShopHeads}), and a second when the shop's window facts kept do not hold ({@link KeptWindows}). The
     * latest id and the number are read before the metrics on purpose: if another instance records between the two,
     * this read records its own (newer) outcome again rather than calling an older outcome unchanged; if a write
     * commits between them, the facts read are newer than the number, and the next read reads them again.
     */
    public HealthReport report(String shopId, Instant asOf, Recording recording, Locale locale) {
        ShopHead head = heads.read(shopId);
        scope.requireShop(shopId, head.exists());
        CompiledRuleset ruleset = decisions.active();
        Decision decision = reports.decide(ruleset,
                kept.of(shopId, head.changes(), asOf, HealthWindows.of(ruleset.parameters().parameters())));
        if (recording == Recording.ALWAYS) {
            decision = record(shopId, decision);
        } else if (recording == Recording.ON_CHANGE) {
            String unchanged = lastRecorded(shopId, head.latestDecisionId(), decision.evaluation());
            decision = unchanged != null
                    ? new Decision(decision.ruleset(), decision.given(), decision.evaluation(), unchanged)
                    : record(shopId, decision);
        }
        return reports.report(shopId, asOf, decision, locale);
    }

    private Decision record(String shopId, Decision decision) {
        Decision recorded = QuarkusTransaction.joiningExisting().call(
                () -> decisions.record(DecisionLog.Kind.SHOP_HEALTH, shopId, decision, Instant.now()));
        recordedOutcomes.put(shopId, new RecordedOutcome(recorded.decisionId(), decision.evaluation()));
        return recorded;
    }

    /** The outcome last recorded for a shop, by id: reading and parsing a row's JSON is needed only when it changed. */
    private record RecordedOutcome(String decisionId, Evaluation evaluation) {
    }

    /** Bounds the outcomes remembered; past it the least recently used are forgotten (and read from the log again). */
    static final int MAX_REMEMBERED = 50_000;

    private final com.github.benmanes.caffeine.cache.Cache<String, RecordedOutcome> recordedOutcomes =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).build();

    /**
     * {@code latest} (the id of the shop's latest decision-log row, read by this request: another instance may have
     * recorded since the last read) when that row recorded the same outcome as {@code evaluation}, else null. Its
     * outcome is parsed from the row only when this instance does not know it already.
     */
    private String lastRecorded(String shopId, String latest, Evaluation evaluation) {
        if (latest == null) {
            return null;
        }
        RecordedOutcome known = recordedOutcomes.getIfPresent(shopId);
        if (known == null || !known.decisionId().equals(latest)) {
            known = new RecordedOutcome(latest, log.output(latest));
            recordedOutcomes.put(shopId, known);
        }
        return sameOutcome(known.evaluation(), evaluation) ? latest : null;
    }

    static boolean sameOutcome(Evaluation a, Evaluation b) {
        return java.util.Objects.equals(a.rulesetRevision(), b.rulesetRevision()) && a.score() == b.score()
                && codes(a.findings().stream().map(f -> f.code())).equals(codes(b.findings().stream().map(f -> f.code())))
                && codes(a.consequences().stream().map(c -> c.code()))
                        .equals(codes(b.consequences().stream().map(c -> c.code())))
                && java.util.Objects.equals(a.error(), b.error());
    }

    private static java.util.Set<String> codes(java.util.stream.Stream<String> codes) {
        return codes.collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    @Transactional
    public Trend history(String shopId, Instant from, Instant to, Duration step) {
        scope.requireShop(shopId);
        if (from.isAfter(to)) {
            throw ProblemException.badRequest("from", "must not be after 'to'");
        }
        if (Duration.between(from, to).dividedBy(step) >= MAX_POINTS) {
            throw ProblemException.badRequest("step", "gives more than " + MAX_POINTS + " points; take a longer step");
        }
        CompiledRuleset ruleset = decisions.active();
        List<Instant> dates = new ArrayList<>();
        for (Instant at = from; !at.isAfter(to); at = at.plus(step)) {
            dates.add(at);
        }
        // every date's windows in one statement; then the rules judge each date
        List<List<ShopWindowFact>> windows = raw.series(shopId, dates,
                HealthWindows.of(ruleset.parameters().parameters()));
        List<TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            Evaluation e = reports.evaluate(ruleset, windows.get(i));
            points.add(new TrendPoint(dates.get(i), e.score(), reports.level(ruleset, e)));
        }
        return new Trend(shopId, ruleset.revision(), points);
    }

}
