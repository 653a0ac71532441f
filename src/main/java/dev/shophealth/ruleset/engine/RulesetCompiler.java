package dev.shophealth.ruleset.engine;

import dev.shophealth.outcome.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieServices;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

/**
 * Turns ruleset files into a {@link CompiledRuleset}, or rejects them with every problem found: parameters,
 * messages, house rules of the DRL, compiler errors, and the scenarios beside each DRL file run against the
 * candidate. Nothing here touches the active ruleset.
 */
public final class RulesetCompiler {

    private RulesetCompiler() {
    }

    /**
     * How much of the checking runs here. The service runs scenarios (rule code) only in a child process
     * ({@link IsolatedCheck}) and then builds here with their results; the child and plain tests run everything.
     *
     * @param sourceScan the friendly first layer: a scan of the DRL text for forbidden constructs, with file:line.
     *                   Tests turn it off to show that the boundaries beneath it hold on their own.
     * @param scenarios  results of a scenario run done elsewhere, or null to run the scenarios here
     */
    record Options(boolean sourceScan, List<ScenarioRunner.Result> scenarios, List<RulesetProblem> warnings) {
        static final Options FULL = new Options(true, null, List.of());
    }

    /** Every check, scenarios included, in this process. */
    public static CompiledRuleset compile(RulesetFiles files) {
        return compile(files, Options.FULL);
    }

    /** Builds a ruleset whose scenarios already passed elsewhere: no rule code runs here. */
    static CompiledRuleset buildChecked(RulesetFiles files, List<ScenarioRunner.Result> scenarios,
            List<RulesetProblem> warnings) {
        return compile(files, new Options(true, scenarios, warnings), true);
    }

    static CompiledRuleset compile(RulesetFiles files, Options options) {
        return compile(files, options, false);
    }

    /**
     * {@link #compile(RulesetFiles, Options)}, reusing a rule base built in this process before from the same DRL
     * sources (the check process: the one its warm-up built, when only parameters or texts changed).
     */
    static CompiledRuleset compileReusing(RulesetFiles files, Options options) {
        return compile(files, options, true);
    }

    /** {@code reuse}: in the service, a rule base built here before from the same DRL sources serves again. */
    private static CompiledRuleset compile(RulesetFiles files, Options options, boolean reuse) {
        RuleTypes.pruneMvelLiterals();
        List<RulesetProblem> problems = new ArrayList<>();
        List<RulesetProblem> warnings = new ArrayList<>();
        String yaml = files.files().get(ParametersReader.FILE);
        ParametersReader.Read parameters = null;
        if (yaml == null) {
            problems.add(new RulesetProblem(ParametersReader.FILE, null, "is missing"));
        } else {
            parameters = ParametersReader.read(yaml, null, problems);
        }
        Messages messages = Messages.read(files.files(), problems);
        if (files.drlFiles().findAny().isEmpty()) {
            problems.add(new RulesetProblem("rules", null, "the ruleset has no .drl file"));
        }
        // rule files are code: nothing is compiled, let alone run, unless every file passes the sandbox check
        boolean safe = !options.sourceScan() || files.drlFiles()
                .map(f -> DrlSandbox.check(f, files.files().get(f), problems)).reduce(true, Boolean::logicalAnd);
        if (!safe) {
            throw new RulesetRejectedException(problems);
        }
        List<DrlInspector.RuleSource> sources = new ArrayList<>();
        List<DrlInspector.CodeUse> codes = new ArrayList<>();
        files.drlFiles().forEach(f -> DrlInspector.inspect(f, files.files().get(f), sources, codes, problems));
        duplicateIds(sources, problems);
        for (DrlInspector.CodeUse use : codes) {
            messages.missing(use.code()).forEach(m -> problems.add(new RulesetProblem(use.file(), use.line(),
                    "code " + use.code() + " has no text in " + m)));
        }
        InternalKnowledgeBase kieBase = reuse ? buildOrReuse(files, problems, warnings)
                : build(files, problems, warnings);
        if (!problems.isEmpty()) {
            throw new RulesetRejectedException(problems);
        }
        List<RuleInfo> rules = index(kieBase, sources, problems);
        CompiledRuleset candidate = new CompiledRuleset(files, kieBase, parameters, messages, rules, warnings,
                List.of(), Instant.now());
        List<ScenarioRunner.Result> results;
        if (options.scenarios() == null) {
            results = runScenarios(candidate, problems, warnings);
        } else {
            results = options.scenarios();
            options.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
        }
        if (!problems.isEmpty()) {
            throw new RulesetRejectedException(problems);
        }
        return new CompiledRuleset(files, kieBase, parameters, messages, rules, List.copyOf(warnings), results,
                candidate.compiledAt());
    }

    /** A rule base built here for the exact DRL sources it holds, with the compiler's warnings about them. */
    private record Built(InternalKnowledgeBase kieBase, List<RulesetProblem> warnings) {
    }

    /** The last few rule bases built in the service, by their DRL sources; a KieBase is shared safely. */
    private static final Map<String, Built> BUILT = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Built> eldest) {
                    return size() > 4;
                }
            });

    /**
     * In the service, a checked candidate whose DRL files are exactly those of a rule base built here before (a change
     * of parameters or texts only, a rollback, the same folder again) reuses that rule base instead of compiling the
     * same sources a second time: the same text compiles to the same rules. Anything else is compiled.
     */
    private static InternalKnowledgeBase buildOrReuse(RulesetFiles files, List<RulesetProblem> problems,
            List<RulesetProblem> warnings) {
        String key = drlDigest(files);
        Built built = BUILT.get(key);
        if (built == null) {
            List<RulesetProblem> buildWarnings = new ArrayList<>();
            InternalKnowledgeBase kieBase = build(files, problems, buildWarnings);
            warnings.addAll(buildWarnings);
            if (kieBase != null && problems.isEmpty()) {
                BUILT.put(key, new Built(kieBase, List.copyOf(buildWarnings)));
            }
            return kieBase;
        }
        warnings.addAll(built.warnings());
        return built.kieBase();
    }

    /** A digest of the DRL files' paths and texts, in path order. */
    static String drlDigest(RulesetFiles files) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            files.drlFiles().sorted().forEach(f -> {
                sha.update(f.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(files.files().get(f).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InternalKnowledgeBase build(RulesetFiles files, List<RulesetProblem> problems,
            List<RulesetProblem> warnings) {
        ClassLoader loader = new RuleClassLoader(RulesetCompiler.class.getClassLoader());
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, loader));
        files.drlFiles().forEach(f -> builder.add(ResourceFactory.newByteArrayResource(
                files.files().get(f).getBytes(StandardCharsets.UTF_8)).setSourcePath(f), ResourceType.DRL));
        for (KnowledgeBuilderResult r : builder.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING)) {
            String file = r.getResource() == null ? "rules" : r.getResource().getSourcePath();
            Integer line = r.getLines() != null && r.getLines().length > 0 && r.getLines()[0] > 0 ? r.getLines()[0] : null;
            String message = r.getMessage().strip().replaceAll("\\s+", " ");
            (r.getSeverity() == ResultSeverity.ERROR ? problems : warnings).add(new RulesetProblem(file, line, message));
        }
        if (builder.hasErrors()) {
            return null;
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.get().newKieBaseConfiguration(null, loader));
        kieBase.addPackages(builder.getKnowledgePackages());
        return kieBase;
    }

    private static void duplicateIds(List<DrlInspector.RuleSource> sources, List<RulesetProblem> problems) {
        Map<String, DrlInspector.RuleSource> seen = new HashMap<>();
        for (DrlInspector.RuleSource s : sources) {
            String id = dev.shophealth.outcome.FiredRule.idOf(s.name());
            DrlInspector.RuleSource earlier = seen.putIfAbsent(id, s);
            if (earlier != null) {
                problems.add(new RulesetProblem(s.file(), s.line(), "rule id " + id + " is used already in "
                        + earlier.file() + ":" + earlier.line()));
            }
        }
    }

    private static List<RuleInfo> index(InternalKnowledgeBase kieBase, List<DrlInspector.RuleSource> sources,
            List<RulesetProblem> problems) {
        Map<String, DrlInspector.RuleSource> byName = DrlInspector.byName(sources);
        List<RuleInfo> rules = new ArrayList<>();
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r -> {
            DrlInspector.RuleSource source = byName.get(r.getName());
            String file = source == null ? "?" : source.file();
            int line = source == null ? 0 : source.line();
            checkMetadata(r, file, line, problems);
            rules.add(new RuleInfo(dev.shophealth.outcome.FiredRule.idOf(r.getName()), r.getName(), file, line,
                    Map.copyOf(r.getMetaData()), source == null ? "" : source.sourceHash()));
        }));
        rules.sort(java.util.Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line));
        return rules;
    }

    private static void checkMetadata(Rule rule, String file, int line, List<RulesetProblem> problems) {
        Object severity = rule.getMetaData().get("severity");
        if (severity != null && java.util.Arrays.stream(Severity.values()).noneMatch(s -> s.name().equals(severity))) {
            problems.add(new RulesetProblem(file, line, "rule '" + rule.getName() + "': @severity must be one of "
                    + java.util.Arrays.toString(Severity.values()) + ", got '" + severity + "'"));
        }
    }

    /** Runs the scenarios of a ruleset that passed them, to warm the engine, until {@code stop} says so. */
    static void warmUp(CompiledRuleset ruleset, java.util.function.BooleanSupplier stop) {
        for (String drl : ruleset.files().drlFiles().toList()) {
            String file = RulesetFiles.scenariosOf(drl);
            String yaml = ruleset.files().files().get(file);
            for (Scenario scenario : yaml == null ? List.<Scenario>of()
                    : ScenarioRunner.parse(file, yaml, new ArrayList<>())) {
                if (stop.getAsBoolean()) {
                    return;
                }
                ScenarioRunner.run(ruleset, file, scenario);
            }
        }
    }

    private static List<ScenarioRunner.Result> runScenarios(CompiledRuleset candidate, List<RulesetProblem> problems,
            List<RulesetProblem> warnings) {
        List<ScenarioRunner.Result> results = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        candidate.files().drlFiles().forEach(drl -> {
            String file = RulesetFiles.scenariosOf(drl);
            String yaml = candidate.files().files().get(file);
            if (yaml == null) {
                problems.add(new RulesetProblem(drl, null, "has no scenarios: add " + file));
                return;
            }
            for (Scenario scenario : ScenarioRunner.parse(file, yaml, problems)) {
                ScenarioRunner.Result result = ScenarioRunner.run(candidate, file, scenario);
                results.add(result);
                fired.addAll(result.firedRules());
                result.failures().forEach(f -> problems.add(new RulesetProblem(file, null,
                        "scenario '" + scenario.name() + "': " + f)));
            }
        });
        // a rule no scenario makes fire is untested: its file's scenarios must show it at work
        candidate.rules().stream().filter(r -> !fired.contains(r.id())).forEach(r -> problems.add(
                new RulesetProblem(r.file(), r.line(), "rule " + r.id() + " fires in no scenario: add a scenario to "
                        + RulesetFiles.scenariosOf(r.file()) + " that makes it fire")));
        return results;
    }
}
