package dev.shophealth.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shophealth.common.ProblemException;
import dev.shophealth.decisionlog.DecisionLog;
import dev.shophealth.decisionlog.DecisionLogEntry;
import dev.shophealth.fact.Given;
import dev.shophealth.outcome.Finding;
import dev.shophealth.outcome.FiredRule;
import dev.shophealth.outcome.Suggestion;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.engine.Evaluation;
import dev.shophealth.ruleset.RulesetStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reading, replaying and counting recorded decisions. */
@ApplicationScoped
public class DecisionService {

    @Inject
    ObjectMapper json;
    @Inject
    RulesetStore store;
    @Inject
    Decisions decisions;
    @Inject
    DecisionLog log;
    @Inject
    EntityManager em;

    @Transactional
    public DecisionView get(String id) {
        DecisionLogEntry e = entry(id);
        try {
            return new DecisionView(e.decisionId, e.decidedAt, e.kind, e.subject, e.rulesetRevision, e.verdict,
                    json.readTree(e.input), log.output(e).evaluation(),
                    e.firedRules.isEmpty() ? List.of() : Arrays.asList(e.firedRules.split(",")), e.error);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Decision " + id + " cannot be read", ex);
        }
    }

    /** Evaluates the recorded facts again with {@code revision} (the recorded one when null) and compares. */
    @Transactional
    public ReplayReport replay(String id, String revision) {
        DecisionLogEntry e = entry(id);
        String replayRevision = revision == null || revision.isBlank() ? e.rulesetRevision : revision.strip();
        CompiledRuleset ruleset = store.compiled(replayRevision);
        try {
            Given given = json.readValue(e.input, Given.class);
            Evaluation recorded = log.output(e).evaluation();
            Evaluation replayed = decisions.evaluate(ruleset, r -> given).evaluation();
            List<ReplayReport.Difference> diffs = differences(recorded, replayed);
            return new ReplayReport(id, e.rulesetRevision, replayRevision, diffs.isEmpty(), diffs, replayed);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Decision " + id + " cannot be read", ex);
        }
    }

    static List<ReplayReport.Difference> differences(Evaluation a, Evaluation b) {
        List<ReplayReport.Difference> d = new ArrayList<>();
        compare(d, "verdict", a.verdict(), b.verdict());
        compare(d, "score", a.score(), b.score());
        compare(d, "findings", codes(a.findings().stream().map(Finding::code).toList()),
                codes(b.findings().stream().map(Finding::code).toList()));
        compare(d, "suggestions", codes(a.suggestions().stream().map(Suggestion::code).toList()),
                codes(b.suggestions().stream().map(Suggestion::code).toList()));
        compare(d, "firedRules", codes(a.firedRules().stream().map(FiredRule::id).toList()),
                codes(b.firedRules().stream().map(FiredRule::id).toList()));
        compare(d, "error", a.error(), b.error());
        return d;
    }

    private static void compare(List<ReplayReport.Difference> d, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            d.add(new ReplayReport.Difference(field, a, b));
        }
    }

    private static Set<String> codes(List<String> codes) {
        return new TreeSet<>(codes);
    }

    /** Rule firings in the decision log of a period, against the active ruleset's rules. */
    @Transactional
    public CoverageReport coverage(Instant from, Instant to) {
        CompiledRuleset active = decisions.active();
        Map<String, Long> fired = new HashMap<>();
        long decisions = 0;
        // grouped in SQL by the set of rules fired together, so only distinct combinations reach Java
        for (Object[] row : em.createQuery("select d.firedRules, count(d) from DecisionLogEntry d "
                + "where d.decidedAt >= ?1 and d.decidedAt < ?2 group by d.firedRules", Object[].class)
                .setParameter(1, from).setParameter(2, to).getResultList()) {
            long n = (Long) row[1];
            decisions += n;
            for (String id : ((String) row[0]).split(",")) {
                if (!id.isBlank()) {
                    fired.merge(id, n, Long::sum);
                }
            }
        }
        List<CoverageReport.RuleCount> rules = active.rules().stream().map(r -> new CoverageReport.RuleCount(r.id(),
                r.name(), r.file(), fired.getOrDefault(r.id(), 0L))).toList();
        Set<String> activeIds = active.rules().stream().map(r -> r.id()).collect(Collectors.toSet());
        return new CoverageReport(from, to, active.revision(), decisions, rules,
                rules.stream().filter(r -> r.fired() == 0).map(CoverageReport.RuleCount::id).toList(),
                fired.keySet().stream().filter(id -> !activeIds.contains(id)).sorted().toList());
    }

    private static DecisionLogEntry entry(String id) {
        DecisionLogEntry e = DecisionLogEntry.findById(id);
        if (e == null) {
            throw ProblemException.notFound("No decision '" + id + "'");
        }
        return e;
    }
}
