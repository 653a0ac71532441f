package dev.shophealth.fact;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The rolling windows rules judge a shop over, by role; their lengths in days are parameters
 * ({@code shortWindowDays}, {@code longWindowDays}, {@code ratingWindowDays} in {@code parameters.yaml}) and every
 * window fact carries its own {@code days}. Rules match on the role ({@code window == Window.SHORT}), never on a
 * length, so changing a length in {@code parameters.yaml} changes no rule.
 */
public enum Window {
    /** The short window: cancellation rates (Amazon and TikTok Shop judge them over 7 days). */
    SHORT,
    /** The long window: a shop's lasting pattern — causes, buyer feedback, contact habits (30 days). */
    LONG,
    /** The rating window: the history a shop needs before it is rated at all (TikTok Shop: 30 orders in 90 days). */
    RATING;

    /**
     * A window by its name; also by the names rule files and the decision log used before windows were typed
     * ({@code 7d}, {@code 30d}, {@code 90d}), so decisions recorded then still read and replay.
     */
    @JsonCreator
    public static Window of(String name) {
        return switch (name) {
            case "7d" -> SHORT;
            case "30d" -> LONG;
            case "90d" -> RATING;
            default -> valueOf(name);
        };
    }
}
