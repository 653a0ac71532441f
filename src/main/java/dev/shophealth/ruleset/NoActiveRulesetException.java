package dev.shophealth.ruleset;

/** No ruleset has ever loaded (the rules folder was rejected at start and not fixed since). */
public class NoActiveRulesetException extends RuntimeException {

    public NoActiveRulesetException() {
        super("No ruleset is active: the rules were rejected at start; fix them and reload", null, false, false);
    }
}
