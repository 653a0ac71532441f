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
public record HealthWindows(List<Integer> days) {

    /** The windows, shortest first. */
    public static final List<Window> WINDOWS = List.of(Window.SHORT, Window.LONG, Window.RATING);

    public HealthWindows {
        if (days.size() != WINDOWS.size()) {
            throw new IllegalArgumentException("one length per window: " + WINDOWS);
        }
        for (int i = 1; i < days.size(); i++) {
            if (days.get(i) <= days.get(i - 1)) {
                throw new IllegalArgumentException("window lengths must increase: " + days);
            }
        }
        days = List.copyOf(days);
    }

    /** The windows of a ruleset's parameters. */
    public static HealthWindows of(Parameters p) {
        return new HealthWindows(WINDOWS.stream().map(p::days).toList());
    }

    /** The length of the {@code i}-th window. */
    public int days(int i) {
        return days.get(i);
    }

    /** The longest window: no metric looks further back. */
    public int longest() {
        return days.get(days.size() - 1);
    }

    /** How many windows there are. */
    public int size() {
        return days.size();
    }

    /** The key of a window's metrics in a report: its length ({@code 7d}), as reports have always shown it. */
    public static String key(int days) {
        return days + "d";
    }
}
