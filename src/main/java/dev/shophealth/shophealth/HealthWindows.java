package dev.shophealth.shophealth;

import dev.shophealth.fact.Parameters;
import dev.shophealth.fact.Window;
import java.util.List;

/**
 * The windows a shop's health is measured over, ending at the report date: {@link Window#SHORT},
 * {@link Window#LONG} and {@link Window#RATING}, each as long as the deciding ruleset's parameters say (7, 30 and
 * 90 days as shipped). Facts are built for the ruleset that decides, so a candidate with other lengths is judged
 * on windows of its own lengths.
 *
 * @param days the length of each window of {@link #WINDOWS}, in the same order; strictly increasing
 */
public record HealthWindows(int[] days) {

    /** The windows, shortest first. */
    public static final List<Window> WINDOWS = List.of(Window.SHORT, Window.LONG, Window.RATING);

    public HealthWindows {
        if (days.length != WINDOWS.size()) {
            throw new IllegalArgumentException("one length per window: " + WINDOWS);
        }
        for (int i = 1; i < days.length; i++) {
            if (days[i] <= days[i - 1]) {
                throw new IllegalArgumentException("window lengths must increase: " + java.util.Arrays.toString(days));
            }
        }
        days = days.clone();
    }

    /** The windows of a ruleset's parameters. */
    public static HealthWindows of(Parameters p) {
        return new HealthWindows(WINDOWS.stream().mapToInt(p::days).toArray());
    }

    /** The length of the {@code i}-th window. */
    public int days(int i) {
        return days[i];
    }

    /** The longest window: no metric looks further back. */
    public int longest() {
        return days[days.length - 1];
    }

    /** How many windows there are. */
    public int size() {
        return days.length;
    }

    /** The key of a window's metrics in a report: its length ({@code 7d}), as reports have always shown it. */
    public static String key(int days) {
        return days + "d";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HealthWindows other && java.util.Arrays.equals(days, other.days);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(days);
    }

    @Override
    public String toString() {
        return "HealthWindows" + java.util.Arrays.toString(days);
    }
}
