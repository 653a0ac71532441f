package dev.shophealth.outcome;

/** A screening verdict, ordered from mildest to strictest: the strictest vote wins. */
public enum Verdict {
    APPROVE, MANUAL_REVIEW, REJECT;

    public Verdict strictest(Verdict other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
