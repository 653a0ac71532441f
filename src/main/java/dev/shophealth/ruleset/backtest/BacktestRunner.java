package dev.shophealth.ruleset.backtest;

import dev.shophealth.decision.Decisions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shophealth.cancellation.Cancellation;
import dev.shophealth.cancellation.CancellationStatus;
import dev.shophealth.decisionlog.DecisionLogEntry;
import dev.shophealth.fact.Given;
import dev.shophealth.fact.ShopWindowFact;
import dev.shophealth.outcome.Verdict;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.engine.Evaluation;
import dev.shophealth.shophealth.HealthReports;
import dev.shophealth.shophealth.HealthWindows;
import dev.shophealth.shophealth.MetricsQueries;
import dev.shophealth.shophealth.RiskLevel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The work of one backtest: replay screenings page by page, then every shop's health at a few dates. */
@ApplicationScoped
public class BacktestRunner {

    static final int PAGE = 500;
    /** Health is evaluated at most at this many dates of the period, evenly spread. */
    static final int MAX_DATES = 8;

    @Inject
    ObjectMapper json;
    @Inject
    MetricsQueries metrics;
    @Inject
    HealthReports reports;
    @Inject
    Decisions decisions;

    BacktestReport run(BacktestJob job, CompiledRuleset active, CompiledRuleset candidate, Instant from, Instant to) {
        long screenings = QuarkusTransaction.requiringNew().call(() -> DecisionLogEntry.count(
                "kind = 'SCREENING' and decidedAt >= ?1 and decidedAt < ?2", from, to));
        List<Instant> dates = dates(from, to);
        List<String> shopIds = QuarkusTransaction.requiringNew().call(() -> dev.shophealth.order.Shop
                .<dev.shophealth.order.Shop>listAll().stream().map(s -> s.id).toList());
        job.total = screenings + dates.size() * Math.max(1, shopIds.size());
        Map<Verdict, Long> activeVerdicts = new EnumMap<>(Verdict.class);
        Map<Verdict, Long> candidateVerdicts = new EnumMap<>(Verdict.class);
        List<BacktestReport.ChangedDecision> changed = new ArrayList<>();
        long[] activeAgreement = new long[3];
        long[] candidateAgreement = new long[3];
        for (int page = 0; !job.cancelled.get(); page++) {
            int p = page;
            List<DecisionLogEntry> rows = QuarkusTransaction.requiringNew().call(() -> DecisionLogEntry
                    .<DecisionLogEntry>find("kind = 'SCREENING' and decidedAt >= ?1 and decidedAt < ?2 "
                            + "order by decidedAt, decisionId", from, to).page(p, PAGE).list());
            Map<String, Verdict> human = humanVerdicts(rows);
            for (DecisionLogEntry row : rows) {
                Given given = read(row.input);
                Evaluation a = decisions.evaluate(active, r -> given).evaluation();
                Evaluation c = decisions.evaluate(candidate, r -> given).evaluation();
                activeVerdicts.merge(a.verdict(), 1L, Long::sum);
                candidateVerdicts.merge(c.verdict(), 1L, Long::sum);
                Verdict person = human.get(row.decisionId);
                if (person != null) {
                    score(activeAgreement, a.verdict(), person);
                    score(candidateAgreement, c.verdict(), person);
                }
                if (a.verdict() != c.verdict()) {
                    changed.add(new BacktestReport.ChangedDecision(row.decisionId, row.subject, row.decidedAt,
                            a.verdict(), c.verdict(), a.rulesFiredInOnlyOne(c)));
                }
                job.step();
            }
            if (rows.size() < PAGE) {
                break;
            }
        }
        Map<RiskLevel, Long> activeLevels = new EnumMap<>(RiskLevel.class);
        Map<RiskLevel, Long> candidateLevels = new EnumMap<>(RiskLevel.class);
        List<BacktestReport.ChangedLevel> levels = new ArrayList<>();
        for (Instant date : dates) {
            if (job.cancelled.get()) {
                break;
            }
            // each ruleset is judged on windows of its own lengths (counted once when they agree)
            HealthWindows activeLengths = HealthWindows.of(active.parameters().parameters());
            HealthWindows candidateLengths = HealthWindows.of(candidate.parameters().parameters());
            Map<String, List<ShopWindowFact>> all = QuarkusTransaction.requiringNew()
                    .call(() -> metrics.windows(null, date, activeLengths));
            Map<String, List<ShopWindowFact>> allCandidate = candidateLengths.equals(activeLengths) ? all
                    : QuarkusTransaction.requiringNew().call(() -> metrics.windows(null, date, candidateLengths));
            for (String shopId : shopIds) {
                Evaluation a = reports.evaluate(active, all.getOrDefault(shopId, MetricsQueries.empty(activeLengths)));
                Evaluation c = reports.evaluate(candidate,
                        allCandidate.getOrDefault(shopId, MetricsQueries.empty(candidateLengths)));
                RiskLevel la = reports.level(active, a);
                RiskLevel lc = reports.level(candidate, c);
                activeLevels.merge(la, 1L, Long::sum);
                candidateLevels.merge(lc, 1L, Long::sum);
                if (la != lc) {
                    levels.add(new BacktestReport.ChangedLevel(shopId, date, la, lc, a.score(), c.score()));
                }
                job.step();
            }
        }
        return new BacktestReport(active.revision(), candidate.revision(), from, to, screenings, activeVerdicts,
                candidateVerdicts, changed, dates, activeLevels, candidateLevels, levels,
                BacktestReport.Agreement.of(activeAgreement[0], activeAgreement[1], activeAgreement[2]),
                BacktestReport.Agreement.of(candidateAgreement[0], candidateAgreement[1], candidateAgreement[2]));
    }

    /** The verdicts reviewers gave on the requests these screenings sent to a person, by decision id. */
    private static Map<String, Verdict> humanVerdicts(List<DecisionLogEntry> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        List<String> ids = rows.stream().map(r -> r.decisionId).toList();
        return QuarkusTransaction.requiringNew().call(() -> Cancellation.<Cancellation>list(
                "decisionId in ?1 and status in ?2", ids, List.of(CancellationStatus.APPROVED, CancellationStatus.REJECTED))
                .stream().collect(java.util.stream.Collectors.toMap(c -> c.decisionId,
                        c -> c.status == CancellationStatus.APPROVED ? Verdict.APPROVE : Verdict.REJECT, (x, y) -> x)));
    }

    /** Counts [agreed, disagreed, deferred] of a ruleset's verdict against a reviewer's. */
    private static void score(long[] counts, Verdict rules, Verdict person) {
        counts[rules == person ? 0 : rules == Verdict.MANUAL_REVIEW ? 2 : 1]++;
    }

    static List<Instant> dates(Instant from, Instant to) {
        List<Instant> dates = new ArrayList<>();
        long span = Duration.between(from, to).toMillis();
        int n = (int) Math.min(MAX_DATES, Math.max(1, Duration.between(from, to).toDays() / 7 + 1));
        for (int i = 0; i < n; i++) {
            dates.add(n == 1 ? to : from.plusMillis(span * (i + 1) / n));
        }
        return dates;
    }

    private Given read(String input) {
        try {
            return json.readValue(input, Given.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A recorded decision cannot be read", e);
        }
    }
}
