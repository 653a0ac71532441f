package dev.shophealth.outcome;

/** A rule by its stable id and full name. */
public record FiredRule(String id, String name) {

    /** The id is the first word of a rule's name: {@code "VAL-OOS-02 Warehouse stock covers the order"}. */
    public static String idOf(String ruleName) {
        int space = ruleName.indexOf(' ');
        return space > 0 ? ruleName.substring(0, space) : ruleName;
    }

    public static FiredRule of(String ruleName) {
        return new FiredRule(idOf(ruleName), ruleName);
    }
}
