package dev.shophealth.shophealth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * Every shop's risk at once, for reviewers and analysts: each shop's window facts as kept between reads
 * ({@link KeptWindows}: the shops whose facts do not hold are read again, all in one statement when they are many),
 * then each shop judged in memory, again only when its facts or the ruleset changed. Only the summary of each shop
 * is kept, never its history.
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
    KeptWindows kept;
    @Inject
    HealthReports reports;
    @Inject
    Decisions decisions;
    @Inject
    EntityManager em;

    /** A shop's judgement for the list: by the ruleset and the facts (both by identity: kept facts stay the same). */
    private record Judged(CompiledRuleset ruleset, List<ShopWindowFact> facts, int score, RiskLevel level,
            List<String> findings) {
    }

    /** The last judgement of each shop, reused while its kept facts and the ruleset are the same. */
    private final Cache<String, Judged> judged = Caffeine.newBuilder().maximumSize(KeptWindows.MAX_KEPT).build();

    @Transactional
    public PageResponse<ShopRisk> list(RiskLevel level, SortBy sort, int page, int size, Instant asOf) {
        CompiledRuleset ruleset = decisions.active();
        HealthWindows lengths = HealthWindows.of(ruleset.parameters().parameters());
        List<Object[]> shops = em.createQuery("select s.id, s.name from Shop s", Object[].class).getResultList();
        Map<String, List<ShopWindowFact>> all = kept.of(shops.stream().map(s -> (String) s[0]).toList(), asOf, lengths);
        List<ShopRisk> risks = new ArrayList<>();
        for (Object[] shop : shops) {
            String id = (String) shop[0];
            List<ShopWindowFact> windows = all.get(id);
            Judged j = judge(id, ruleset, windows);
            if (level == null || level == j.level()) {
                ShopWindowFact month = windows.get(HealthWindows.WINDOWS.indexOf(dev.shophealth.fact.Window.LONG));
                risks.add(new ShopRisk(id, (String) shop[1], j.score(), j.level(), month.orders(),
                        Math.round(month.cancellationRate() * 10_000) / 10_000.0, j.findings()));
            }
        }
        risks.sort(sort == SortBy.shopId ? Comparator.comparing(ShopRisk::shopId)
                : Comparator.comparingInt(ShopRisk::riskScore).reversed()
                        // a rated shop before one the platform does not rate yet, at the same score
                        .thenComparing(r -> r.riskLevel() == RiskLevel.NOT_RATED).thenComparing(ShopRisk::shopId));
        int from = Math.min(risks.size(), page * size);
        return new PageResponse<>(risks.subList(from, Math.min(risks.size(), from + size)), page, size, risks.size());
    }

    /**
     * The shop's score, level and findings with {@code ruleset}: the last judgement when it was made with the same
     * ruleset on the same kept facts and the ruleset reads nothing but its facts, else evaluated (and kept unless it
     * failed).
     */
    private Judged judge(String shopId, CompiledRuleset ruleset, List<ShopWindowFact> windows) {
        Judged last = judged.getIfPresent(shopId);
        if (last != null && last.ruleset() == ruleset && last.facts() == windows) {
            return last;
        }
        Evaluation e = reports.evaluate(ruleset, windows);
        Judged j = new Judged(ruleset, windows, e.score(), reports.level(ruleset, e),
                e.findings().stream().map(f -> f.code()).distinct().toList());
        if (!e.failed() && reports.readsOnlyFacts(ruleset)) {
            judged.put(shopId, j);
        }
        return j;
    }

    /**
     * The risk level of each of these shops at {@code asOf}, from their kept window facts (read for those that do
     * not hold: one statement each when they are few, else every shop's once).
     */
    @Transactional
    public Map<String, RiskLevel> levels(java.util.Collection<String> shopIds, Instant asOf) {
        CompiledRuleset ruleset = decisions.active();
        HealthWindows lengths = HealthWindows.of(ruleset.parameters().parameters());
        Map<String, List<ShopWindowFact>> all = kept.of(shopIds, asOf, lengths);
        Map<String, RiskLevel> levels = new java.util.HashMap<>();
        for (String id : shopIds) {
            levels.put(id, judge(id, ruleset, all.get(id)).level());
        }
        return levels;
    }
}
