package dev.shophealth.ruleset.engine;

/** Rule code tried to do what rules may not; the message says what (e.g. "use the file system (write pwned)"). */
public final class RuleSandboxException extends SecurityException {

    public RuleSandboxException(String attempt) {
        super("rules may not " + attempt);
    }
}
