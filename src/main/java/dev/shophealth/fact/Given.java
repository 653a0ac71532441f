package dev.shophealth.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The facts of one evaluation, in the shape scenarios and the try-it endpoint use: a cancellation request and
 * the shop's cancellation statistics per window (screening), or the shop's record per window (shop health), and
 * optional parameter overrides (for trying a threshold).
 */
public record Given(CancellationRequestFact request, List<CancellationStatsFact> stats, List<ShopWindowFact> windows,
        Map<String, Object> parameters) {

    public Given {
        stats = stats == null ? List.of() : List.copyOf(stats);
        windows = windows == null ? List.of() : List.copyOf(windows);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** Every fact to insert (the parameters fact is added by the evaluator). */
    public List<Object> facts() {
        List<Object> facts = new ArrayList<>();
        if (request != null) {
            facts.add(request);
        }
        facts.addAll(stats);
        facts.addAll(windows);
        return facts;
    }
}
