package dev.shophealth.ruleset.engine;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps rule files from running arbitrary code inside the service. A DRL file is Java that the service compiles
 * and runs, so before any ruleset compiles — from the folder, a reload or an upload — every DRL file is checked
 * against an allow-list: it may name only the project's fact and outcome types and safe JDK parts (java.lang
 * basics, java.time, java.math, java.util without its concurrency, logging and archive packages); no process,
 * thread, reflection, class loading, file, network or console access; no DRL functions, other dialects, loops,
 * or access to the engine behind {@code drools}; no unicode escapes (Java would read them as code).
 */
final class DrlSandbox {

    static final Set<String> ALLOWED_PACKAGES = Set.of("dev.shophealth.fact", "dev.shophealth.outcome", "java.util",
            "java.util.function", "java.util.stream", "java.time", "java.time.temporal", "java.time.format",
            "java.math", "java.lang");
    /** Names that reach the process, threads, reflection, class loading, I/O or the engine's internals. */
    static final Set<String> FORBIDDEN_NAMES = Set.of("System", "Runtime", "Thread", "ThreadGroup", "ThreadLocal",
            "InheritableThreadLocal", "Process", "ProcessBuilder", "ProcessHandle", "Class", "ClassLoader", "Module",
            "ModuleLayer", "StackWalker", "SecurityManager", "Compiler", "Timer", "TimerTask", "ServiceLoader",
            "ResourceBundle", "Scanner", "Executors", "ForkJoinPool", "CompletableFuture", "MethodHandles",
            "MethodHandle", "VarHandle", "forName", "getClass", "getClassLoader", "loadClass", "defineClass",
            "newInstance", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField",
            "getFields", "getDeclaredField", "getDeclaredFields", "getDeclaredConstructor", "getConstructor",
            "setAccessible", "invoke", "getResource", "getResourceAsStream", "exec", "exit", "halt", "kcontext",
            "getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory", "getEntryPoint", "File", "Files", "Paths",
            "Socket", "ServerSocket", "URL", "URI", "HttpClient", "ObjectInputStream", "Unsafe");
    private static final Set<String> ALLOWED_ROOTS = Set.of("dev", "java");
    private static final Pattern QUALIFIED = Pattern.compile("\\b([a-z][a-z0-9_]*(?:\\s*\\.\\s*[a-z][a-z0-9_]*)+)\\s*\\.\\s*([A-Z]\\w*|\\*)");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Za-z_$][\\w$]*\\b");
    private static final Pattern LOOP = Pattern.compile("\\b(while|for|do)\\b\\s*[({]");
    private static final Pattern RESERVED = Pattern.compile("\\b(function|import\\s+static|import\\s+function|"
            + "declare|dialect)\\b|\\.\\s*class\\b|\\bdrools\\s*\\.|\\bjavax?\\s*\\.\\s*(io|nio|net|lang\\s*\\.\\s*(reflect|invoke|ref|instrument|management))\\b");

    private DrlSandbox() {
    }

    /** Adds a problem for each construct that is not allowed; true when the file is clean. */
    static boolean check(String file, String drl, List<RulesetProblem> problems) {
        int before = problems.size();
        int escape = drl.indexOf("\\u");
        if (escape >= 0) {
            problems.add(problem(file, drl, escape, "a unicode escape (\\u…): write the character itself"));
        }
        String code = codeOnly(drl);
        find(RESERVED, code, m -> "'" + m.group().replaceAll("\\s+", " ").strip() + "'", file, drl, problems);
        find(LOOP, code, m -> "a '" + m.group(1) + "' loop: rules judge, they do not iterate", file, drl, problems);
        Matcher q = QUALIFIED.matcher(code);
        while (q.find()) {
            String pkg = q.group(1).replaceAll("\\s+", "");
            String root = pkg.substring(0, pkg.indexOf('.'));
            if (ALLOWED_ROOTS.contains(root) && !ALLOWED_PACKAGES.contains(pkg)) {
                problems.add(problem(file, drl, q.start(), "package " + pkg + " (allowed: " + ALLOWED_PACKAGES + ")"));
            }
        }
        Matcher id = IDENTIFIER.matcher(code);
        while (id.find()) {
            if (FORBIDDEN_NAMES.contains(id.group())) {
                problems.add(problem(file, drl, id.start(), "'" + id.group() + "'"));
            } else if (RuleTypes.exits().contains(id.group())) {
                problems.add(problem(file, drl, id.start(), "'" + id.group()
                        + "' (a member whose value leads out of the types rules may use)"));
            }
        }
        return problems.size() == before;
    }

    private static void find(Pattern p, String code, java.util.function.Function<Matcher, String> what, String file,
            String drl, List<RulesetProblem> problems) {
        Matcher m = p.matcher(code);
        while (m.find()) {
            problems.add(problem(file, drl, m.start(), what.apply(m)));
        }
    }

    private static RulesetProblem problem(String file, String drl, int offset, String construct) {
        int line = (int) drl.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        return new RulesetProblem(file, line, "not allowed in rule files: " + construct);
    }

    /**
     * The DRL with comments and the contents of string and character literals blanked out (newlines kept, so
     * offsets and lines stay): what remains is what the compiler reads as code.
     */
    static String codeOnly(String drl) {
        StringBuilder out = new StringBuilder(drl.length());
        int i = 0;
        while (i < drl.length()) {
            char c = drl.charAt(i);
            if (c == '/' && i + 1 < drl.length() && drl.charAt(i + 1) == '/') {
                while (i < drl.length() && drl.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < drl.length() && drl.charAt(i + 1) == '*') {
                int end = drl.indexOf("*/", i + 2);
                end = end < 0 ? drl.length() : end + 2;
                blank(drl, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < drl.length() && drl.charAt(end) != c && drl.charAt(end) != '\n') {
                    end += drl.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(drl.length(), end + 1);
                out.append(c);
                blank(drl, i + 1, Math.max(i + 1, end - 1), out);
                if (end - 1 > i) {
                    out.append(drl.charAt(end - 1));
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String text, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            out.append(text.charAt(k) == '\n' ? '\n' : ' ');
        }
    }
}
