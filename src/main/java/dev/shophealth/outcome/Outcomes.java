package dev.shophealth.outcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The one collector rules emit through (the DRL global {@code outcomes}). Rules never change facts; they call
 * e.g. {@code outcomes.approve(drools, "STOCK_SYNC_GAP", "warehouseStock", $r.warehouseStock())}. Evidence is
 * given as name/value pairs. Severity comes from the rule's {@code @severity} metadata, a suggestion's priority
 * from its argument. One instance serves one evaluation, on one thread.
 */
public final class Outcomes {

    private final List<Finding> findings = new ArrayList<>();
    private final List<Suggestion> suggestions = new ArrayList<>();
    private final List<VerdictVote> votes = new ArrayList<>();
    private final List<ScoreContribution> contributions = new ArrayList<>();
    private final List<Consequence> consequences = new ArrayList<>();

    /** Records a finding without a vote. */
    public void finding(RuleContext drools, String code, Object... evidence) {
        findings.add(new Finding(code, severity(drools), ruleId(drools), evidence(evidence)));
    }

    public void approve(RuleContext drools, String code, Object... evidence) {
        vote(drools, Verdict.APPROVE, code, evidence);
    }

    public void review(RuleContext drools, String code, Object... evidence) {
        vote(drools, Verdict.MANUAL_REVIEW, code, evidence);
    }

    public void reject(RuleContext drools, String code, Object... evidence) {
        vote(drools, Verdict.REJECT, code, evidence);
    }

    public void suggest(RuleContext drools, String code, int priority) {
        suggestions.add(new Suggestion(code, priority, ruleId(drools)));
    }

    public void score(RuleContext drools, int points, String code) {
        contributions.add(new ScoreContribution(points, ruleId(drools), code));
    }

    /** Points with the suggestion that removes them: the report ranks suggestions by the points they remove. */
    public void score(RuleContext drools, int points, String code, String remedy) {
        contributions.add(new ScoreContribution(points, ruleId(drools), code, remedy));
    }

    public void predict(RuleContext drools, String code) {
        consequences.add(new Consequence(code, ruleId(drools)));
    }

    private void vote(RuleContext drools, Verdict verdict, String code, Object... evidence) {
        votes.add(new VerdictVote(verdict, ruleId(drools), code));
        finding(drools, code, evidence);
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public List<Suggestion> suggestions() {
        return List.copyOf(suggestions);
    }

    public List<VerdictVote> votes() {
        return List.copyOf(votes);
    }

    public List<ScoreContribution> contributions() {
        return List.copyOf(contributions);
    }

    public List<Consequence> consequences() {
        return List.copyOf(consequences);
    }

    private static String ruleId(RuleContext drools) {
        return FiredRule.idOf(drools.getRule().getName());
    }

    private static Severity severity(RuleContext drools) {
        Object value = drools.getRule().getMetaData().get("severity");
        return value == null ? Severity.INFO : Severity.valueOf(value.toString());
    }

    private static Map<String, Object> evidence(Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("evidence must be name/value pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(String.valueOf(pairs[i]), pairs[i + 1]);
        }
        return map;
    }
}
