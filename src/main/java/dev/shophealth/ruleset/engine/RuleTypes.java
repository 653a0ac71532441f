package dev.shophealth.ruleset.engine;

import java.util.HashSet;
import org.mvel2.compiler.AbstractParser;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The types rule code may name: the project's facts and outcomes, value types of the JDK (numbers, text, time,
 * collections) and the few engine types a compiled consequence links to. Their supertypes come along (the compiler
 * needs a type's hierarchy). Everything else — I/O, processes, threads, reflection, class loading, the environment,
 * JVM-wide settings ({@code Locale}, {@code TimeZone}, {@code System}), MVEL, H2, Vert.x, Quarkus — is not there.
 *
 * <p>The engine itself loads some of its own classes through the same class loader (accumulate functions, field
 * readers, the Java compiler); {@link #allowsFramework} lets those through only when the request comes from engine
 * code that is not resolving a name written in a rule file.
 */
final class RuleTypes {

    /** Made once, outside rule firing: getting one asks the guard for a permission. */
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private static final List<String> FACT_PACKAGES = List.of("dev.shophealth.fact.", "dev.shophealth.outcome.");
    private static final List<String> VALUE_PACKAGES = List.of("java.time.", "java.time.temporal.",
            "java.time.format.", "java.time.chrono.", "java.math.", "java.util.function.");
    private static final Set<String> NAMED = Set.of(
            "java.lang.Object", "java.lang.String", "java.lang.CharSequence", "java.lang.Comparable",
            "java.lang.Number", "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Float",
            "java.lang.Short", "java.lang.Byte", "java.lang.Boolean", "java.lang.Character", "java.lang.Math",
            "java.lang.StrictMath", "java.lang.Enum", "java.lang.Record", "java.lang.Iterable",
            "java.lang.StringBuilder", "java.lang.Void", "java.lang.Throwable", "java.lang.Exception",
            "java.lang.RuntimeException", "java.lang.Error", "java.lang.ArithmeticException",
            "java.lang.IllegalArgumentException", "java.lang.IllegalStateException",
            "java.lang.NullPointerException", "java.lang.NumberFormatException",
            "java.lang.IndexOutOfBoundsException", "java.lang.UnsupportedOperationException",
            "java.lang.Override", "java.lang.Deprecated", "java.lang.SuppressWarnings", "java.lang.FunctionalInterface",
            "java.util.List", "java.util.Map", "java.util.Map$Entry", "java.util.Set", "java.util.Collection",
            "java.util.Objects", "java.util.Optional", "java.util.OptionalInt", "java.util.OptionalLong",
            "java.util.OptionalDouble", "java.util.Arrays", "java.util.Collections", "java.util.ArrayList",
            "java.util.LinkedList", "java.util.HashMap", "java.util.HashSet", "java.util.LinkedHashMap",
            "java.util.LinkedHashSet", "java.util.TreeMap", "java.util.TreeSet", "java.util.Iterator",
            "java.util.ListIterator", "java.util.Comparator", "java.util.EnumSet", "java.util.EnumMap",
            "java.util.NoSuchElementException",
            // what a compiled consequence links to: the 'drools' helper and the tuple it reads facts from
            "org.drools.core.rule.consequence.KnowledgeHelper", "org.kie.api.runtime.rule.RuleContext",
            "org.kie.api.runtime.KieContext", "org.kie.api.runtime.rule.FactHandle",
            "org.drools.base.rule.consequence.ConsequenceContext", "org.drools.base.base.ValueResolver",
            "org.drools.core.common.InternalFactHandle", "org.drools.core.reteoo.LeftTuple",
            "org.drools.core.reteoo.Tuple", "org.drools.base.reteoo.BaseTuple");
    /**
     * Linked by compiled rule classes (the consequence invoker Drools generates calls its generator; lambdas and
     * string concatenation bootstrap through java.lang.invoke), never resolvable by a name written in a rule.
     */
    private static final Set<String> LINKED = Set.of("org.drools.mvel.asm.ConsequenceGenerator",
            "org.drools.mvel.asm.ConsequenceStub", "org.drools.base.rule.consequence.Consequence",
            "org.drools.base.rule.accessor.CompiledInvoker","java.lang.invoke.LambdaMetafactory",
            "java.lang.invoke.StringConcatFactory", "java.lang.invoke.MethodHandles$Lookup",
            "java.lang.invoke.MethodType", "java.lang.invoke.CallSite", "java.lang.invoke.MethodHandle",
            "java.lang.invoke.MethodHandles");
    /** Engine code that resolves names written in rule files: what it asks for is judged as rule code. */
    private static final List<String> RESOLVERS = List.of("org.drools.util.ClassTypeResolver", "org.mvel2.",
            "org.drools.ecj.", "org.eclipse.jdt.", "org.drools.mvel.expr.MVELCompilationUnit",
            "org.drools.compiler.rule.builder.dialect.mvel.", "org.drools.mvel.builder.");
    private static final Set<String> ALLOWED = closure();

    private RuleTypes() {
    }

    /**
     * MVEL knows some classes by their short name without asking any class loader ({@code System}, {@code Runtime},
     * {@code Thread}, {@code Class}, {@code ClassLoader}…): those outside the allow-list are taken out of its tables,
     * so a constraint cannot name them either. Idempotent; MVEL may fill its tables again, so it runs per compile.
     */
    static void pruneMvelLiterals() {
        synchronized (AbstractParser.class) {
            prune(AbstractParser.LITERALS);
            prune(AbstractParser.CLASS_LITERALS);
        }
    }

    private static void prune(java.util.Map<String, Object> literals) {
        literals.values().removeIf(v -> v instanceof Class<?> c && !c.isPrimitive() && !allows(c.getName()));
    }

    /** True when rule code may name {@code type} (a binary name, {@code java.util.Map$Entry}). */
    static boolean allows(String type) {
        if (ALLOWED.contains(type)) {
            return true;
        }
        if (FACT_PACKAGES.stream().anyMatch(p -> type.startsWith(p) && type.indexOf('.', p.length()) < 0)) {
            return true;
        }
        return VALUE_PACKAGES.stream().anyMatch(p -> type.startsWith(p) && type.indexOf('.', p.length()) < 0);
    }

    /**
     * True when the engine, not rule code, asks for {@code type} through the rules' class loader: the nearest caller
     * that is not a class loader is engine code (loaded by the application) and is not resolving a rule's names.
     * Compiled rule classes may additionally link the JDK's lambda and string-concatenation bootstraps.
     */
    static boolean allowsFramework(String type) {
        Optional<Class<?>> caller = STACK
                .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                        .filter(c -> !ClassLoader.class.isAssignableFrom(c) && c != Class.class
                                && c != RuleTypes.class && !c.getName().startsWith("jdk.internal.")
                                && !c.getName().startsWith("java.lang.invoke."))
                        .findFirst());
        if (caller.isEmpty()) {
            return false;
        }
        Class<?> requester = caller.get();
        String name = requester.getName();
        boolean engine = !generated(requester) && (name.startsWith("org.drools.") || name.startsWith("org.kie."))
                && RESOLVERS.stream().noneMatch(name::startsWith);
        if (engine) {
            return type.startsWith("org.drools.") || type.startsWith("org.kie.") || type.equals("java.lang.Class");
        }
        return generated(requester) && LINKED.contains(type);
    }

    /**
     * True for a class made from rule files at run time: defined by the engine's project class loaders (compiled
     * consequences, jitted constraints) or MVEL's, not by the service's own class loaders.
     */
    static boolean generated(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null) {
            return false;
        }
        String kind = loader.getClass().getName();
        return kind.startsWith("org.drools.wiring.") || kind.startsWith("org.mvel2.") || loader instanceof RuleClassLoader;
    }

    /**
     * Value types of the allowed packages that rules use, for {@link #exits}: the packages themselves cannot be
     * listed at run time, so their commonly used types stand for them (a test checks the facts and outcomes).
     */
    private static final List<Class<?>> VALUE_TYPES = List.of(java.time.Instant.class, java.time.LocalDate.class,
            java.time.LocalDateTime.class, java.time.LocalTime.class, java.time.OffsetDateTime.class,
            java.time.ZonedDateTime.class, java.time.Duration.class, java.time.Period.class, java.time.ZoneId.class,
            java.time.ZoneOffset.class, java.time.DayOfWeek.class, java.time.Month.class, java.time.Year.class,
            java.time.YearMonth.class, java.time.MonthDay.class, java.time.Clock.class,
            java.time.temporal.ChronoUnit.class, java.time.temporal.ChronoField.class,
            java.time.temporal.TemporalAdjusters.class, java.time.format.DateTimeFormatter.class,
            java.math.BigDecimal.class, java.math.BigInteger.class, java.math.RoundingMode.class,
            java.math.MathContext.class, java.util.function.Function.class, java.util.function.Predicate.class,
            java.util.function.Supplier.class, java.util.function.Consumer.class, java.util.function.BiFunction.class);
    /** Monitor operations: they return nothing, but {@code wait()} parks the evaluating thread. */
    private static final Set<String> MONITOR = Set.of("wait", "notify", "notifyAll");
    private static volatile Set<String> exits;

    /**
     * The names of members of allowed types whose type leads out of the allow-list — {@code getClass} and its
     * property form {@code class} (to {@code Class}, and from there to class loaders and reflection),
     * {@code getDeclaringClass}, {@code describeConstable}, {@code chars}, {@code stream}… — plus the monitor
     * operations. Derived from the types by reflection, not listed by hand. MVEL reaches a member only by naming it,
     * so refusing these names in rule source keeps every value a rule can reach inside the allow-list, whether or not
     * a scenario makes the rule run (the class-resolution boundary cannot see such a chain: it names no class).
     */
    static Set<String> exits() {
        Set<String> known = exits;
        if (known == null) {
            Set<String> names = new java.util.TreeSet<>(MONITOR);
            // the engine's types are left out: rules reach them only through 'drools', which they may not dereference
            java.util.stream.Stream.concat(ALLOWED.stream().filter(n -> n.startsWith("java.")).map(RuleTypes::load),
                    VALUE_TYPES.stream()).forEach(type -> addExits(type, names));
            exits = known = Set.copyOf(names);
        }
        return known;
    }

    /**
     * The exits of one type beyond those every object, enum and record has (for tests: a fact or outcome type must
     * have none of its own).
     */
    static Set<String> exitsOf(Class<?> type) {
        Set<String> names = new java.util.TreeSet<>();
        addExits(type, names);
        Set<String> inherited = new java.util.TreeSet<>();
        for (Class<?> base : List.of(Object.class, Enum.class, Record.class)) {
            addExits(base, inherited);
        }
        names.removeAll(inherited);
        return names;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RuleTypes.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static void addExits(Class<?> type, Set<String> into) {
        for (java.lang.reflect.Method m : type.getMethods()) {
            if (!staysInside(m.getGenericReturnType())) {
                into.add(m.getName());
                String property = propertyName(m);
                if (property != null) {
                    into.add(property);
                }
            }
        }
        for (java.lang.reflect.Field f : type.getFields()) {
            if (!staysInside(f.getGenericType())) {
                into.add(f.getName());
            }
        }
    }

    /** {@code getFoo}/{@code isFoo} without parameters: MVEL also reads it as the property {@code foo}. */
    private static String propertyName(java.lang.reflect.Method m) {
        String n = m.getName();
        int prefix = n.startsWith("get") ? 3 : n.startsWith("is") ? 2 : 0;
        if (prefix == 0 || n.length() == prefix || m.getParameterCount() > 0) {
            return null;
        }
        return Character.toLowerCase(n.charAt(prefix)) + n.substring(prefix + 1);
    }

    /** True when a value of this (generic) type is of an allowed type, with allowed type arguments. */
    static boolean staysInside(java.lang.reflect.Type type) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                return staysInside(c.getComponentType());
            }
            return c.isPrimitive() || allows(c.getName());
        }
        if (type instanceof java.lang.reflect.ParameterizedType p) {
            return staysInside(p.getRawType())
                    && java.util.Arrays.stream(p.getActualTypeArguments()).allMatch(RuleTypes::staysInside);
        }
        if (type instanceof java.lang.reflect.GenericArrayType a) {
            return staysInside(a.getGenericComponentType());
        }
        if (type instanceof java.lang.reflect.WildcardType w) {
            return java.util.Arrays.stream(w.getUpperBounds()).allMatch(RuleTypes::staysInside)
                    && java.util.Arrays.stream(w.getLowerBounds()).allMatch(RuleTypes::staysInside);
        }
        if (type instanceof java.lang.reflect.TypeVariable<?> v) {
            // a type variable is whatever the rule put in; its bound says what it may be at most
            return java.util.Arrays.stream(v.getBounds()).allMatch(b -> b instanceof java.lang.reflect.TypeVariable
                    || b instanceof java.lang.reflect.ParameterizedType || staysInside(b));
        }
        return false;
    }

    private static Set<String> closure() {
        Set<String> all = new HashSet<>(NAMED);
        for (String name : NAMED) {
            try {
                addSupertypes(Class.forName(name, false, RuleTypes.class.getClassLoader()), all);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("allow-listed type " + name + " is not on the class path", e);
            }
        }
        return Set.copyOf(all);
    }

    private static void addSupertypes(Class<?> type, Set<String> into) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            into.add(c.getName());
            for (Class<?> i : c.getInterfaces()) {
                addSupertypes(i, into);
            }
        }
    }
}
