package dev.shophealth.ruleset.version;

import dev.shophealth.ruleset.RulesetActivation;

import java.time.Instant;

/** One recorded switch of the active ruleset. */
public record ActivationView(long id, Instant activatedAt, String activatedBy, RulesetActivation.Kind kind,
        String fromRevision, String toRevision) {

    static ActivationView of(RulesetActivation a) {
        return new ActivationView(a.id, a.activatedAt, a.activatedBy, a.kind, a.fromRevision, a.toRevision);
    }
}
