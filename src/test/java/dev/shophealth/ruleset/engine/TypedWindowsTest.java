package dev.shophealth.ruleset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shophealth.fact.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Windows are typed: rules match on {@link Window} roles, their lengths are parameters, and a rule still written
 * against the old window names cannot pass as a working rule.
 */
class TypedWindowsTest {

    static final String PARAMS = "parameters.yaml";

    @Test
    void windowLengthsAreParameters() {
        var p = RulesetCompiler.compile(RulesFolder.copy().replace(PARAMS, "longWindowDays: 30", "longWindowDays: 14")
                .replace(PARAMS, "ratingWindowDays: 90", "ratingWindowDays: 120").files()).parameters().parameters();
        assertEquals(List.of(7, 14, 120), List.of(p.days(Window.SHORT), p.days(Window.LONG), p.days(Window.RATING)));
    }

    @Test
    void windowLengthsMustIncrease() {
        var rules = RulesFolder.copy().replace(PARAMS, "ratingWindowDays: 90", "ratingWindowDays: 30");
        List<RulesetProblem> problems = assertThrows(RulesetRejectedException.class,
                () -> RulesetCompiler.compile(rules.files())).problems();
        assertTrue(problems.stream().anyMatch(p -> p.file().equals(PARAMS)
                && p.message().contains("longWindowDays must be below ratingWindowDays")), problems.toString());
    }

    @Test
    void aRuleMatchingAWindowByItsOldNameIsRejected() {
        // "30d" is no window: the rule either fails to compile or never fires in its scenarios; both reject
        var rules = RulesFolder.copy().replace("rating/buyer-feedback.drl", "window == Window.LONG", "window == \"30d\"");
        assertThrows(RulesetRejectedException.class, () -> RulesetCompiler.compile(rules.files()));
    }

    @Test
    void theOldNamesStillReadForDecisionsRecordedWithThem() {
        assertEquals(Window.SHORT, Window.of("7d"));
        assertEquals(Window.LONG, Window.of("30d"));
        assertEquals(Window.RATING, Window.of("90d"));
        assertEquals(Window.LONG, Window.of("LONG"));
        assertThrows(IllegalArgumentException.class, () -> Window.of("14d"));
    }
}
