package dev.shophealth.ruleset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shophealth.outcome.Consequence;
import dev.shophealth.outcome.Finding;
import dev.shophealth.outcome.Suggestion;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every text of rules/ renders in both languages with the evidence the rules really give (from running every
 * scenario): no leftover {placeholder}, no raw code such as OUT_OF_STOCK, a Chinese text for Chinese readers.
 */
class MessagesRenderTest {

    /** Any brace left is a placeholder not filled, or a pattern that did not format (shown raw). */
    private static final Pattern LEFTOVER = Pattern.compile("[{}]");
    private static final Pattern RAW_CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\bOTHER\\b");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    @Test
    void everyCodeRendersInBothLanguagesWithRealEvidence() throws Exception {
        // given: every finding, suggestion and consequence the scenarios produce, with its evidence
        RulesetFiles files = RulesetFiles.read(Path.of("rules"));
        CompiledRuleset ruleset = RulesetCompiler.compile(files, new RulesetCompiler.Options(true, List.of(), List.of()));
        Map<String, List<Map<String, Object>>> evidence = new LinkedHashMap<>();
        files.drlFiles().map(RulesetFiles::scenariosOf).filter(files.files()::containsKey).forEach(file -> {
            for (Scenario s : ScenarioRunner.parse(file, files.files().get(file), new ArrayList<>())) {
                Evaluation e = Evaluator.evaluate(ruleset, s.given());
                for (Finding f : e.findings()) {
                    evidence.computeIfAbsent(f.code(), k -> new ArrayList<>()).add(f.evidence());
                }
                for (Suggestion g : e.suggestions()) {
                    evidence.computeIfAbsent(g.code(), k -> new ArrayList<>()).add(Map.of());
                }
                for (Consequence c : e.consequences()) {
                    evidence.computeIfAbsent(c.code(), k -> new ArrayList<>()).add(Map.of());
                }
            }
        });
        Properties en = new Properties();
        en.load(new StringReader(files.files().get(Messages.EN_FILE)));
        Messages messages = Messages.of(files);

        // when / then
        List<String> faults = new ArrayList<>();
        int rendered = 0;
        for (String code : en.stringPropertyNames().stream().sorted().toList()) {
            if (code.startsWith(Messages.LABEL)) {
                continue;
            }
            for (Map<String, Object> given : evidence.getOrDefault(code, List.of(Map.of()))) {
                for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
                    String text = messages.render(code, locale, given);
                    rendered++;
                    if (LEFTOVER.matcher(text).find()) {
                        faults.add(code + " (" + locale + ") leaves a placeholder: " + text);
                    }
                    if (RAW_CODE.matcher(text).find()) {
                        faults.add(code + " (" + locale + ") shows a raw code: " + text);
                    }
                    if (locale.getLanguage().equals("zh") && !CJK.matcher(text).find()) {
                        faults.add(code + " has no Chinese text: " + text);
                    }
                }
            }
        }
        assertEquals(List.of(), faults);
        assertTrue(rendered > 100, "rendered " + rendered);
        assertFalse(evidence.isEmpty());
    }

    @Test
    void theRepeatedReasonIsNamedNotCoded() {
        Messages messages = Messages.of(RulesetFiles.read(Path.of("rules")));
        Map<String, Object> evidence = Map.of("reason", "OUT_OF_STOCK", "count", 3, "days", 30);
        assertTrue(messages.render("REPEATED_REASON", Locale.SIMPLIFIED_CHINESE, evidence).contains("商品缺货"));
        assertTrue(messages.render("REPEATED_REASON", Locale.ENGLISH, evidence).contains("out of stock"));
    }
}
