package dev.shophealth.ruleset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** rules/parameters.yaml documents every parameter, and the range its comment states is the enforced one. */
class ParametersFileTest {

    @Test
    void everyParameterHasACommentStatingItsEnforcedRange() {
        var problems = new ArrayList<RulesetProblem>();
        var read = ParametersReader.read(RulesFolder.copy().read(ParametersReader.FILE), null, problems);
        assertEquals(java.util.List.of(), problems);
        for (ParameterView p : ParametersReader.views(read)) {
            assertNotNull(p.comment(), p.name() + " has no comment");
            if (p.min() != null) {
                String range = ParametersReader.fmt(p.min()) + ".." + ParametersReader.fmt(p.max());
                assertTrue(p.comment().startsWith(range + " "), p.name() + ": comment should start with " + range
                        + ", is: " + p.comment());
            }
        }
    }
}
