package dev.shophealth.ruleset.engine;

import java.util.List;

/**
 * A candidate's checks did not finish within their limit: a rule that loops or waits, or a machine too busy to run
 * them in time. Refused like any problem; a revision that passed before (the one a start-up serves) may be tried again.
 */
public class CheckTimedOutException extends RulesetRejectedException {

    public CheckTimedOutException(String why) {
        super(List.of(new RulesetProblem("rules", null, why)));
    }
}
