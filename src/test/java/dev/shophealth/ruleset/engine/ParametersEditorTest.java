package dev.shophealth.ruleset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** New values written into parameters.yaml keep the file's comments, and cannot smuggle in other keys. */
class ParametersEditorTest {

    private static String sample() throws Exception {
        return Files.readString(Path.of("rules/parameters.yaml"));
    }

    @Test
    void changesOnlyTheValueAndKeepsTheComment() throws Exception {
        // given
        String yaml = sample();
        // when
        String edited = ParametersEditor.withValues(yaml, Map.of("cancelRateWarning", "0.09"));
        // then
        List<RulesetProblem> problems = new ArrayList<>();
        ParametersReader.Read read = ParametersReader.read(edited, null, problems);
        assertEquals(List.of(), problems);
        assertEquals(0.09, read.parameters().cancelRateWarning());
        assertTrue(edited.contains("cancelRateWarning: 0.09"));
        assertEquals(ParametersReader.read(yaml, null, new ArrayList<>()).comments(), read.comments());
        assertEquals(yaml.lines().count(), edited.lines().count());
    }

    @Test
    void aValueWithANewLineIsAStringNotAnotherKey() throws Exception {
        String edited = ParametersEditor.withValues(sample(), Map.of("cancelRateWarning", "0.05\nmaxRuleFirings: 1"));
        List<RulesetProblem> problems = new ArrayList<>();
        assertNull(ParametersReader.read(edited, null, problems));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().startsWith("cancelRateWarning must be a number"), problems.toString());
    }

    @Test
    void anOutOfRangeValueIsNamedWithItsLine() throws Exception {
        String edited = ParametersEditor.withValues(sample(), Map.of("cancelRateWarning", "1.5"));
        List<RulesetProblem> problems = new ArrayList<>();
        ParametersReader.read(edited, null, problems);
        assertEquals(1, problems.size());
        int line = edited.lines().toList().indexOf(edited.lines().filter(l -> l.startsWith("cancelRateWarning")).findFirst()
                .orElseThrow()) + 1;
        assertEquals(line, problems.get(0).line());
    }
}
