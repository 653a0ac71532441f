package dev.shophealth.decision;

import dev.shophealth.common.LogContext;
import dev.shophealth.decisionlog.DecisionLog;
import dev.shophealth.fact.Given;
import dev.shophealth.ruleset.NoActiveRulesetException;
import dev.shophealth.ruleset.RulesetRegistry;
import dev.shophealth.ruleset.RulesetStore;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.engine.Evaluation;
import dev.shophealth.ruleset.engine.Evaluator;
import dev.shophealth.ruleset.engine.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The one way a decision is made. Screening, shop health, trying facts, backtests and replays all come here: the
 * active ruleset is taken once per decision (a reload in between cannot mix two), the facts are built for that
 * ruleset (its parameters decide the windows), the evaluation is recorded in the decision log when it is a
 * decision someone acts on, and it is rendered with the messages of the ruleset that made it — also later, when
 * another ruleset is active.
 */
@ApplicationScoped
public class Decisions {

    private static final Logger LOG = Logger.getLogger(Decisions.class);
    private static final int KEPT_MESSAGES = 16;

    @Inject
    RulesetRegistry registry;
    @Inject
    RulesetStore store;
    @Inject
    DecisionLog log;
    @Inject
    DecisionMetrics metrics;
    @Inject
    DecisionForwarder forwarder;
    @Inject
    Shadow shadow;

    /** Messages of earlier revisions, for rendering recorded decisions. */
    private final Map<String, Messages> messages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Messages> eldest) {
            return size() > KEPT_MESSAGES;
        }
    };

    /** The active ruleset; 503 (no active ruleset) when there is none. */
    public CompiledRuleset active() {
        return registry.active().orElseThrow(NoActiveRulesetException::new);
    }

    /**
     * Decides with the active ruleset and records the decision in the caller's transaction.
     *
     * @param facts the facts, built for the ruleset that will decide (its parameters)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Decision decide(DecisionLog.Kind kind, String subject, Function<CompiledRuleset, Given> facts,
            Instant at) {
        return record(kind, subject, evaluate(kind, facts), at);
    }

    /**
     * Records a decision already made (for callers that record only when the outcome changed), and what follows
     * every recorded decision: its log context, its forwarding to the sink, its comparison with the shadow.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Decision record(DecisionLog.Kind kind, String subject, Decision decision, Instant at) {
        String id = log.record(kind, subject, decision.given(), decision.evaluation(), at);
        logged(kind, subject, id, decision.evaluation());
        forwarder.recorded(id, kind, subject, at, decision.given(), decision.evaluation());
        shadow.compare(kind, subject, id, decision.given(), decision.evaluation(), at);
        return new Decision(decision.ruleset(), decision.given(), decision.evaluation(), id);
    }

    /**
     * Puts the recorded decision's id and revision in the log context of the request that made it, so every later
     * line of that request (JSON logs: its {@code mdc} object) names them ({@link LogContext} clears them when the
     * request ends); one DEBUG line says what was decided.
     */
    private static void logged(DecisionLog.Kind kind, String subject, String id, Evaluation evaluation) {
        LogContext.decision(id, evaluation.rulesetRevision());
        LOG.debugf("Decision %s: %s %s → %s, score %d, ruleset %s", id, kind, subject, evaluation.verdict(),
                evaluation.score(), evaluation.rulesetRevision());
    }

    /** Evaluates with the active ruleset without recording: trying facts. */
    public Decision evaluate(Function<CompiledRuleset, Given> facts) {
        return evaluate(active(), facts);
    }

    /** Evaluates a decision of {@code kind} with the active ruleset, not recorded yet ({@link #record} may follow). */
    public Decision evaluate(DecisionLog.Kind kind, Function<CompiledRuleset, Given> facts) {
        CompiledRuleset ruleset = active();
        Given given = facts.apply(ruleset);
        return new Decision(ruleset, given, evaluate(kind.name(), ruleset, given), null);
    }

    /**
     * A decision of {@code kind} with {@code ruleset} (the active one, taken by the caller for its facts), not
     * recorded yet: evaluated, or, when {@code remembered} is not null, that evaluation of equal facts with the same
     * ruleset (a caller that remembers outcomes: shop health), counted as a decision all the same.
     */
    public Decision evaluate(DecisionLog.Kind kind, CompiledRuleset ruleset, Given given, Evaluation remembered) {
        if (remembered != null) {
            metrics.decided(kind.name(), remembered);
            return new Decision(ruleset, given, remembered, null);
        }
        return new Decision(ruleset, given, evaluate(kind.name(), ruleset, given), null);
    }

    /** Evaluates with {@code ruleset} (active or not) without recording: backtests, replays, one ruleset per list. */
    public Decision evaluate(CompiledRuleset ruleset, Function<CompiledRuleset, Given> facts) {
        Given given = facts.apply(ruleset);
        return new Decision(ruleset, given, evaluate(DecisionMetrics.TRIAL, ruleset, given), null);
    }

    private Evaluation evaluate(String kind, CompiledRuleset ruleset, Given given) {
        long start = System.nanoTime();
        Evaluation evaluation = Evaluator.evaluate(ruleset, given);
        metrics.evaluated(kind, evaluation, java.time.Duration.ofNanos(System.nanoTime() - start));
        return evaluation;
    }

    /**
     * A recorded evaluation in {@code locale}, with the texts of the revision that made it (codes keep their meaning,
     * texts may change between revisions). A revision no longer stored renders with the active ruleset's texts.
     */
    public EvaluationReport render(Evaluation evaluation, Locale locale) {
        return EvaluationReport.of(evaluation, messagesOf(evaluation.rulesetRevision()), locale);
    }

    private Messages messagesOf(String revision) {
        CompiledRuleset active = registry.active().orElse(null);
        if (active != null && active.revision().equals(revision)) {
            return active.messages();
        }
        synchronized (messages) {
            Messages known = messages.get(revision);
            if (known != null) {
                return known;
            }
        }
        Messages read;
        try {
            read = revision == null ? null : Messages.of(store.files(revision));
        } catch (RuntimeException e) {
            LOG.debugf(e, "Revision %s is not stored; rendering with the active ruleset's texts", revision);
            read = null;
        }
        if (read == null) {
            return active == null ? Messages.empty() : active.messages();
        }
        synchronized (messages) {
            messages.put(revision, read);
        }
        return read;
    }
}
