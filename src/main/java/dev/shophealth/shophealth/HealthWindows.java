package dev.shophealth.shophealth;

import java.util.List;

/** The windows a shop's health is measured over, ending at the report date. */
public final class HealthWindows {

    /** Names and lengths in days; the rating rules match on the names. */
    public static final List<String> NAMES = List.of("7d", "30d", "90d");
    public static final int[] DAYS = {7, 30, 90};
    /** The longest window: no metric looks further back. */
    public static final int LONGEST = 90;

    private HealthWindows() {
    }
}
