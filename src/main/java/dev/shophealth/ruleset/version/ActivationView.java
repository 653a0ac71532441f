package dev.shophealth.ruleset.version;

import dev.shophealth.ruleset.RulesetActivation;

import java.time.Instant;

/**
 * One recorded switch of the active ruleset; a governed activation (ACTIVATE) also names its comment, the analyst
 * who approved the version, and the backtest it rested on with its headline numbers.
 */
public record ActivationView(long id, Instant activatedAt, String activatedBy, RulesetActivation.Kind kind,
        String fromRevision, String toRevision, String comment, String approvedBy, String backtestId,
        Integer verdictsChanged, Integer levelsChanged) {

    static ActivationView of(RulesetActivation a) {
        return new ActivationView(a.id, a.activatedAt, a.activatedBy, a.kind, a.fromRevision, a.toRevision, a.comment,
                a.approvedBy, a.backtestId, a.verdictsChanged, a.levelsChanged);
    }
}
