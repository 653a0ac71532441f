package dev.shophealth.ruleset.engine;

import dev.shophealth.fact.Given;
import dev.shophealth.fact.Parameters;
import dev.shophealth.outcome.FiredRule;
import dev.shophealth.outcome.Outcomes;
import dev.shophealth.outcome.ScoreContribution;
import dev.shophealth.outcome.Suggestion;
import dev.shophealth.outcome.Verdict;
import dev.shophealth.outcome.VerdictVote;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.jboss.logging.Logger;
import org.kie.api.runtime.KieSession;

/**
 * Runs one ruleset over one set of facts. Firing is bounded by the {@code maxRuleFirings} parameter: a ruleset
 * that has not settled by then ends the evaluation with an error outcome instead of hanging the request. The
 * session is disposed whatever happens.
 */
public final class Evaluator {

    /** Score bounds: a risk score is the sum of its contributions, clamped to this range. */
    static final int MIN_SCORE = 0;
    static final int MAX_SCORE = 100;
    static final String CLAMP_RULE = "SCORE-CLAMP";
    private static final Logger LOG = Logger.getLogger(Evaluator.class);

    private Evaluator() {
    }

    public static Evaluation evaluate(CompiledRuleset ruleset, Given given) {
        Parameters parameters = parametersFor(ruleset, given);
        Outcomes outcomes = new Outcomes();
        Firings firings = new Firings();
        String error = null;
        Sessions sessions = ruleset.sessions();
        KieSession session = sessions.borrow();
        boolean clean = false;
        try {
            if (sessions.hasGlobals()) {
                session.setGlobal("outcomes", outcomes);
            }
            session.addEventListener(firings);
            // inserting evaluates constraints already: rule code runs from here, under the guard and the deadline
            error = EvaluationDeadline.run(parameters.evaluationTimeoutMillis(), () -> RuleGuard.run(() -> {
                session.insert(parameters);
                given.facts().forEach(session::insert);
                return fire(session, parameters, firings);
            }));
            clean = true;
        } catch (EvaluationDeadline.Exceeded e) {
            RulesetTimeouts.record(ruleset.revision());
            LOG.warnf("Rule '%s' of ruleset %s %s; the evaluation was stopped", firings.current, ruleset.revision(),
                    e.getMessage());
            error = "Rule '" + firings.current + "' " + e.getMessage() + "; the evaluation was stopped.";
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError e) {
            // a rule that threw leaves a session Drools can reset; an error of the JVM does not
            clean = e instanceof RuntimeException;
            RuleSandboxException denied = sandboxDenial(e);
            if (denied != null) {
                LOG.warnf(e, "Rule '%s' of ruleset %s was stopped: %s", firings.current, ruleset.revision(),
                        denied.getMessage());
                error = "Rule '" + firings.current + "' was stopped: " + denied.getMessage() + ".";
            } else {
                LOG.warnf(e, "Rule '%s' of ruleset %s failed", firings.current, ruleset.revision());
                error = "Rule '" + firings.current + "' failed while firing; the evaluation was stopped (details in "
                        + "the service log).";
            }
        } finally {
            try {
                session.removeEventListener(firings);
                if (clean) {
                    sessions.release(session);
                } else {
                    sessions.discard(session);
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Returning a session of ruleset %s failed", ruleset.revision());
            }
        }
        return result(ruleset, parameters, outcomes, firings, error);
    }

    /** Fires within the firing bound; the error text when the ruleset did not settle, else null. */
    private static String fire(KieSession session, Parameters parameters, Firings firings) {
        int limit = parameters.maxRuleFirings();
        int fired = session.fireAllRules(limit);
        firings.bounded = fired;
        if (fired >= limit && session.fireAllRules(1) > 0) {
            return "The ruleset did not settle within " + limit + " rule firings (parameter maxRuleFirings); "
                    + "still firing: " + firings.last() + ". The evaluation was stopped.";
        }
        return null;
    }

    private static RuleSandboxException sandboxDenial(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof RuleSandboxException denied) {
                return denied;
            }
        }
        return null;
    }

    private static Evaluation result(CompiledRuleset ruleset, Parameters parameters, Outcomes outcomes,
            Firings firings, String error) {
        Verdict verdict = error != null ? Verdict.MANUAL_REVIEW
                : outcomes.votes().stream().map(VerdictVote::verdict).reduce(Verdict::strictest)
                        .orElse(parameters.defaultVerdict());
        List<ScoreContribution> breakdown = new ArrayList<>(outcomes.contributions());
        int sum = breakdown.stream().mapToInt(ScoreContribution::points).sum();
        int score = Math.max(MIN_SCORE, Math.min(MAX_SCORE, sum));
        if (score != sum) {
            // keeps the breakdown summing exactly to the score
            breakdown.add(new ScoreContribution(score - sum, CLAMP_RULE, "SCORE_CLAMPED"));
        }
        List<Suggestion> suggestions = outcomes.suggestions().stream()
                .sorted(Comparator.comparingInt(Suggestion::priority)).toList();
        List<FiredRule> fired = firings.distinct();
        return new Evaluation(ruleset.revision(), verdict, outcomes.votes(), outcomes.findings(), dedupe(suggestions),
                score, breakdown, outcomes.consequences(), fired, notFired(ruleset, fired), firings.bounded, error);
    }

    /** One suggestion per code: the first (highest-priority) one. */
    private static List<Suggestion> dedupe(List<Suggestion> suggestions) {
        Set<String> seen = new LinkedHashSet<>();
        return suggestions.stream().filter(s -> seen.add(s.code())).toList();
    }

    /** Rules in the files of the fired rules that did not fire: what was considered, for explanation. */
    private static List<FiredRule> notFired(CompiledRuleset ruleset, List<FiredRule> fired) {
        Set<String> firedNames = new LinkedHashSet<>();
        fired.forEach(f -> firedNames.add(f.name()));
        Set<String> files = new LinkedHashSet<>();
        ruleset.rules().stream().filter(r -> firedNames.contains(r.name())).forEach(r -> files.add(r.file()));
        return ruleset.rules().stream().filter(r -> files.contains(r.file()) && !firedNames.contains(r.name()))
                .map(r -> new FiredRule(r.id(), r.name())).toList();
    }

    private static Parameters parametersFor(CompiledRuleset ruleset, Given given) {
        if (given.parameters().isEmpty()) {
            return ruleset.parameters().parameters();
        }
        List<RulesetProblem> problems = new ArrayList<>();
        var read = ParametersReader.read(ruleset.files().files().get(ParametersReader.FILE), given.parameters(),
                problems);
        if (read == null) {
            throw new InvalidParametersException(problems);
        }
        return read.parameters();
    }

    /** Counts firings and remembers which rules fired, in order. */
    private static final class Firings extends DefaultAgendaEventListener {
        private final List<String> names = new ArrayList<>();
        private String current = "?";
        /** What fireAllRules reported within the bound, without the probe beyond it. */
        private int bounded;

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            current = event.getMatch().getRule().getName();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            if (names.size() < 10_000) {
                names.add(event.getMatch().getRule().getName());
            }
        }

        String last() {
            return names.isEmpty() ? "?" : names.get(names.size() - 1);
        }

        List<FiredRule> distinct() {
            return new LinkedHashSet<>(names).stream().map(FiredRule::of).toList();
        }
    }
}
