package dev.shophealth.shophealth;

import dev.shophealth.decision.Decision;
import dev.shophealth.decision.Decisions;
import dev.shophealth.decisionlog.DecisionLog;

import dev.shophealth.fact.Given;
import dev.shophealth.fact.ShopWindowFact;
import dev.shophealth.outcome.ScoreContribution;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.engine.Evaluation;
import dev.shophealth.decision.EvaluationReport;
import dev.shophealth.decision.EvaluationReport.ConsequenceView;
import dev.shophealth.decision.EvaluationReport.FindingView;
import dev.shophealth.outcome.Consequence;
import dev.shophealth.outcome.Finding;
import dev.shophealth.outcome.Suggestion;
import dev.shophealth.ruleset.engine.Messages;
import dev.shophealth.ruleset.engine.RulesetFiles;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Evaluates a shop's window facts with one ruleset and shapes the result as a {@link HealthReport}. */
@ApplicationScoped
public class HealthReports {

    @Inject
    Decisions decisions;

    /** The evaluation of one shop's windows with {@code ruleset} (one ruleset for a list or a trend), not recorded. */
    public Evaluation evaluate(CompiledRuleset ruleset, List<ShopWindowFact> windows) {
        return decisions.evaluate(ruleset, r -> given(windows)).evaluation();
    }

    /** One ruleset's remembered health outcomes, by the facts they were evaluated from; none when it is not pure. */
    private record Remembered(CompiledRuleset ruleset, Cache<Given, Evaluation> byFacts) {
    }

    /**
     * What could make an evaluation depend on more than its facts: the sandbox allows {@code java.time} and
     * {@code java.lang}, so a rule may read the clock or draw a random number. A ruleset whose DRL names any of these
     * is evaluated on every read.
     */
    private static final java.util.regex.Pattern IMPURE = java.util.regex.Pattern.compile(
            "\\b(now|random|Random|nanoTime|currentTimeMillis|Clock|randomUUID|UUID|SplittableRandom)\\b");

    /** Whether every rule of {@code ruleset} depends on its facts and parameters only (see {@link #IMPURE}). */
    static boolean readsOnlyFacts(RulesetFiles ruleset) {
        return ruleset.drlFiles().noneMatch(f -> IMPURE.matcher(ruleset.files().get(f)).find());
    }

    /** Bounds the outcomes remembered per ruleset (one or a few per shop); past it the least used are forgotten. */
    static final int MAX_OUTCOMES = 10_000;

    /** The active ruleset's; replaced (and the old one's forgotten) when another ruleset decides. */
    private volatile Remembered remembered;

    /**
     * A shop's health decision with {@code ruleset} (the active one), not recorded. Rules are a function of their
     * facts and ruleset — no I/O, no state of their own (the sandbox refuses them) — so an evaluation is
     * remembered by its facts and reused for equal facts with the same ruleset (compared by identity: a reload
     * starts afresh), unless a rule could read the clock or chance ({@link #readsOnlyFacts}). The facts are read
     * anew for every report, so a committed write that changes a count is evaluated; rule firing was a sixth of a
     * read's CPU for the same outcome read after read. An evaluation that ended in an error (a deadline under
     * load) is not remembered.
     */
    Decision decide(CompiledRuleset ruleset, List<ShopWindowFact> windows) {
        Given given = given(windows);
        Remembered known = remembered(ruleset);
        if (known.byFacts() == null) {
            return decisions.evaluate(DecisionLog.Kind.SHOP_HEALTH, ruleset, given, null);
        }
        Evaluation before = known.byFacts().getIfPresent(given);
        Decision decision = decisions.evaluate(DecisionLog.Kind.SHOP_HEALTH, ruleset, given, before);
        if (before == null && !decision.evaluation().failed()) {
            known.byFacts().put(given, decision.evaluation());
        }
        return decision;
    }

    /** {@code ruleset}'s remembered outcomes, begun afresh when another ruleset decides. */
    private Remembered remembered(CompiledRuleset ruleset) {
        Remembered known = remembered;
        if (known == null || known.ruleset() != ruleset) {
            known = new Remembered(ruleset, readsOnlyFacts(ruleset.files())
                    ? Caffeine.newBuilder().maximumSize(MAX_OUTCOMES).build() : null);
            remembered = known;
        }
        return known;
    }

    /** Whether {@code ruleset}'s evaluations depend on their facts alone, so equal facts may reuse an outcome. */
    boolean readsOnlyFacts(CompiledRuleset ruleset) {
        return remembered(ruleset).byFacts() != null;
    }

    /** What the rules are given for a shop's health: its window facts only. */
    public static Given given(List<ShopWindowFact> windows) {
        return new Given(null, null, windows, null);
    }

    public RiskLevel level(CompiledRuleset ruleset, Evaluation e) {
        return RiskLevel.of(e.score(), e.consequences(), ruleset.parameters().parameters());
    }

    /** The report of one decision about a shop, in {@code locale} with the texts of the ruleset that decided. */
    HealthReport report(String shopId, Instant asOf, Decision decision, Locale locale) {
        List<ShopWindowFact> windows = decision.given().windows();
        CompiledRuleset ruleset = decision.ruleset();
        Evaluation e = decision.evaluation();
        String decisionId = decision.decisionId();
        Texts t = texts(decision, locale);
        Map<String, WindowMetrics> metrics = new LinkedHashMap<>();
        double z = ruleset.parameters().parameters().rateConfidenceZ();
        windows.forEach(w -> metrics.put(HealthWindows.key(w.days()), WindowMetrics.of(w, z)));
        return new HealthReport(shopId, asOf, e.rulesetRevision(), decisionId, e.score(), level(ruleset, e), metrics,
                t.consequences(), t.findings(), t.suggestions(), e.scoreBreakdown(), e.firedRules(), e.error());
    }

    /** The rendered texts of one outcome in one language. */
    record Texts(List<ConsequenceView> consequences, List<FindingView> findings,
            List<HealthReport.RankedSuggestion> suggestions) {
    }

    /**
     * Everything the texts are made from: the messages of the ruleset that decided (by identity: a reload brings
     * new ones), the language, and the outcome's codes with their evidence and points. Equal keys render equal texts,
     * so a remembered rendering is never stale; a changed count changes the evidence, hence the key.
     */
    private record TextsKey(Messages messages, Locale locale, List<Finding> findings, List<Suggestion> suggestions,
            List<Consequence> consequences, List<ScoreContribution> breakdown) {
    }

    /** Bounds the renderings remembered (a few per shop and language); past it the least used are forgotten. */
    static final int MAX_TEXTS = 10_000;

    /**
     * Rendering the texts (ICU message formats over the evidence) was a tenth of a health read's CPU, for the same
     * texts read after read: each outcome is rendered once per language, then reused while it recurs.
     */
    private final Cache<TextsKey, Texts> rendered = Caffeine.newBuilder().maximumSize(MAX_TEXTS).build();

    Texts texts(Decision decision, Locale locale) {
        Evaluation e = decision.evaluation();
        TextsKey key = new TextsKey(decision.ruleset().messages(), locale, e.findings(), e.suggestions(),
                e.consequences(), e.scoreBreakdown());
        return rendered.get(key, k -> {
            EvaluationReport r = decision.report(locale);
            return new Texts(r.consequences(), r.findings(), ranked(e, r));
        });
    }

    /**
     * Suggestions by expected effect — the points of the score contributions whose remedy they are, so the first
     * suggestions remove the biggest parts of the score — then by priority, then in the order the rules gave them.
     */
    private static List<HealthReport.RankedSuggestion> ranked(Evaluation e, EvaluationReport r) {
        Map<String, Integer> pointsByRemedy = new HashMap<>();
        for (ScoreContribution c : e.scoreBreakdown()) {
            if (c.remedy() != null) {
                pointsByRemedy.merge(c.remedy(), c.points(), Integer::sum);
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        return r.suggestions().stream()
                .map(s -> new HealthReport.RankedSuggestion(s.code(), s.priority(),
                        pointsByRemedy.getOrDefault(s.code(), 0), s.message(), s.ruleId()))
                .sorted(Comparator.comparingInt(HealthReport.RankedSuggestion::expectedEffect).reversed()
                        .thenComparingInt(HealthReport.RankedSuggestion::priority))
                .filter(s -> seen.add(s.code()))
                .toList();
    }
}
