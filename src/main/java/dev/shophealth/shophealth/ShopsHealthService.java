package dev.shophealth.shophealth;

import dev.shophealth.decision.Decisions;

import dev.shophealth.common.PageResponse;
import dev.shophealth.fact.ShopWindowFact;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.engine.Evaluation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Every shop's risk at once, for reviewers and analysts: the metrics of all shops come from the same grouped
 * aggregate queries as a single report (a handful of queries in all), then each shop is evaluated in memory.
 * Only the summary of each shop is kept, never its history.
 */
@ApplicationScoped
public class ShopsHealthService {

    /** One shop's line in the list. */
    public record ShopRisk(String shopId, String name, int riskScore, RiskLevel riskLevel, int orders30d,
            double cancellationRate30d, List<String> findings) {
    }

    /** How to order the list. */
    public enum SortBy {
        riskScore, shopId
    }

    @Inject
    MetricsQueries metrics;
    @Inject
    HealthReports reports;
    @Inject
    Decisions decisions;
    @Inject
    EntityManager em;

    @Transactional
    public PageResponse<ShopRisk> list(RiskLevel level, SortBy sort, int page, int size, Instant asOf) {
        CompiledRuleset ruleset = decisions.active();
        HealthWindows lengths = HealthWindows.of(ruleset.parameters().parameters());
        Map<String, List<ShopWindowFact>> all = metrics.windows(null, asOf, lengths);
        List<ShopRisk> risks = new ArrayList<>();
        for (Object[] shop : em.createQuery("select s.id, s.name from Shop s", Object[].class).getResultList()) {
            String id = (String) shop[0];
            List<ShopWindowFact> windows = all.getOrDefault(id, MetricsQueries.empty(lengths));
            Evaluation e = reports.evaluate(ruleset, windows);
            RiskLevel shopLevel = reports.level(ruleset, e);
            if (level == null || level == shopLevel) {
                ShopWindowFact month = windows.get(HealthWindows.WINDOWS.indexOf(dev.shophealth.fact.Window.LONG));
                risks.add(new ShopRisk(id, (String) shop[1], e.score(), shopLevel, month.orders(),
                        Math.round(month.cancellationRate() * 10_000) / 10_000.0,
                        e.findings().stream().map(f -> f.code()).distinct().toList()));
            }
        }
        risks.sort(sort == SortBy.shopId ? Comparator.comparing(ShopRisk::shopId)
                : Comparator.comparingInt(ShopRisk::riskScore).reversed()
                        // a rated shop before one the platform does not rate yet, at the same score
                        .thenComparing(r -> r.riskLevel() == RiskLevel.NOT_RATED).thenComparing(ShopRisk::shopId));
        int from = Math.min(risks.size(), page * size);
        return new PageResponse<>(risks.subList(from, Math.min(risks.size(), from + size)), page, size, risks.size());
    }

    /** Up to this many shops are read one statement each; more are read with the grouped statement of every shop. */
    static final int LEVELS_ONE_BY_ONE = 20;

    /**
     * The risk level of each of these shops at {@code asOf}: for a few shops (those of one page) one metrics
     * statement each; for more, the grouped statement of every shop once.
     */
    @Transactional
    public Map<String, RiskLevel> levels(java.util.Collection<String> shopIds, Instant asOf) {
        CompiledRuleset ruleset = decisions.active();
        HealthWindows lengths = HealthWindows.of(ruleset.parameters().parameters());
        Map<String, List<ShopWindowFact>> all = shopIds.size() > LEVELS_ONE_BY_ONE
                ? metrics.windows(null, asOf, lengths) : null;
        Map<String, RiskLevel> levels = new java.util.HashMap<>();
        for (String id : shopIds) {
            List<ShopWindowFact> windows = (all != null ? all : metrics.windows(id, asOf, lengths))
                    .getOrDefault(id, MetricsQueries.empty(lengths));
            levels.put(id, reports.level(ruleset, reports.evaluate(ruleset, windows)));
        }
        return levels;
    }
}
