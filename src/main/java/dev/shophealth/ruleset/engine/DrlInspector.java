package dev.shophealth.ruleset.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Reads a DRL file's structure before it is compiled and checks the house rules the compiler cannot: rule names
 * start with a stable id, consequences never change facts, the only global is the outcome collector, and every
 * code a rule emits is a literal (so its messages can be checked).
 */
final class DrlInspector {

    static final String OUTCOMES_TYPE = "dev.shophealth.outcome.Outcomes";
    private static final Pattern RULE_ID = Pattern.compile("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+ \\S.*");
    /** Changing facts re-triggers patterns; a modify with a non-setter call re-fires forever. */
    private static final Pattern FACT_CHANGE = Pattern.compile("(?<![\\w.])(modify|update|retract|delete)\\s*\\(");
    private static final Pattern CODE = Pattern.compile(
            "outcomes\\s*\\.\\s*(finding|approve|review|reject|suggest|predict)\\s*\\(\\s*drools\\s*,\\s*\"([A-Z0-9_]+)\""
            + "|outcomes\\s*\\.\\s*score\\s*\\(\\s*drools\\s*,[^,]+,\\s*\"([A-Z0-9_]+)\"");
    private static final Pattern ANY_OUTCOME_CALL = Pattern.compile("outcomes\\s*\\.\\s*\\w+\\s*\\(");

    /** A code a rule emits, where it is emitted. */
    record CodeUse(String code, String file, int line) {
    }

    /** One rule's place in its file. */
    record RuleSource(String name, String file, int line, String sourceHash) {
    }

    private DrlInspector() {
    }

    /** Inspects one file; its rules and codes are added to the lists, faults to {@code problems}. */
    static void inspect(String file, String drl, List<RuleSource> rules, List<CodeUse> codes,
            List<RulesetProblem> problems) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            return; // the compiler reports syntax errors with their lines
        }
        if (pkg == null || parser.hasErrors()) {
            return;
        }
        for (GlobalDescr global : pkg.getGlobals()) {
            if (!global.getIdentifier().equals("outcomes") || !global.getType().equals(OUTCOMES_TYPE)) {
                problems.add(new RulesetProblem(file, global.getLine(), "global '" + global.getIdentifier()
                        + "' is not allowed; the only global is 'outcomes' of type " + OUTCOMES_TYPE));
            }
        }
        for (RuleDescr rule : pkg.getRules()) {
            if (!RULE_ID.matcher(rule.getName()).matches()) {
                problems.add(new RulesetProblem(file, rule.getLine(), "rule '" + rule.getName()
                        + "' must start with a stable id and then words, e.g. \"VAL-OOS-02 Warehouse stock covers the order\""));
            }
            String source = drl.substring(Math.max(0, rule.getStartCharacter()),
                    Math.min(drl.length(), Math.max(rule.getEndCharacter(), rule.getStartCharacter())));
            rules.add(new RuleSource(rule.getName(), file, rule.getLine(), hash(source)));
            consequence(file, rule, codes, problems);
        }
    }

    private static void consequence(String file, RuleDescr rule, List<CodeUse> codes, List<RulesetProblem> problems) {
        String text = String.valueOf(rule.getConsequence());
        int line = rule.getConsequenceLine() > 0 ? rule.getConsequenceLine() : rule.getLine();
        Matcher change = FACT_CHANGE.matcher(text);
        if (change.find()) {
            problems.add(new RulesetProblem(file, line + lineOffset(text, change.start()), "rule '" + rule.getName()
                    + "' calls " + change.group(1) + "(): rules never change facts; emit outcomes through 'outcomes'"));
        }
        int calls = 0;
        Matcher any = ANY_OUTCOME_CALL.matcher(text);
        while (any.find()) {
            calls++;
        }
        Matcher code = CODE.matcher(text);
        int literal = 0;
        while (code.find()) {
            literal++;
            String value = code.group(2) != null ? code.group(2) : code.group(3);
            codes.add(new CodeUse(value, file, line + lineOffset(text, code.start())));
        }
        if (literal < calls) {
            problems.add(new RulesetProblem(file, line, "rule '" + rule.getName() + "' must pass 'drools' and a "
                    + "literal UPPER_CASE code to every outcomes call, e.g. outcomes.approve(drools, \"STOCK_SYNC_GAP\")"));
        }
    }

    private static int lineOffset(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count();
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    text.replaceAll("\\s+", " ").strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, RuleSource> byName(List<RuleSource> rules) {
        Map<String, RuleSource> map = new java.util.HashMap<>();
        rules.forEach(r -> map.put(r.name(), r));
        return map;
    }
}
