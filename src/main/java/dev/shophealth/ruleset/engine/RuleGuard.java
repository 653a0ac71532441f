package dev.shophealth.ruleset.engine;

import java.io.FilePermission;
import java.lang.reflect.ReflectPermission;
import java.net.NetPermission;
import java.net.SocketPermission;
import java.security.AllPermission;
import java.security.Permission;
import java.security.SecurityPermission;
import java.util.PropertyPermission;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.LoggingPermission;

/**
 * The run-time boundary of rule code: while a thread fires rules, it may not touch the file system, the network,
 * processes, the environment, threads, class loaders, reflection beyond public members, JVM-wide settings
 * ({@code Locale.setDefault}, {@code TimeZone.setDefault}, {@code System.setProperty}) or application properties.
 * Outside rule firing nothing changes: the guard answers only for threads inside {@link #run}.
 *
 * <p>It is a {@link SecurityManager} scoped to a thread-local flag. The class-resolution boundary
 * ({@link RuleClassLoader}) keeps rule code from naming such types; this one holds where a value reaches them
 * anyway (MVEL calls methods reflectively, e.g. {@code getClass()} on a fact). Java 17 installs it with a warning
 * that the API is deprecated for removal; on a JDK that refuses it, {@link #installed()} is false and readiness says so.
 */
public final class RuleGuard extends SecurityManager {

    /** Made once, outside rule firing: getting one asks the guard for a permission. */
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private static final ThreadLocal<Boolean> FIRING = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> CHECKING = new ThreadLocal<>();
    /**
     * The engine's own pool threads run rule code too: compiling a hot constraint to bytecode evaluates parts of it.
     * They are always guarded.
     */
    private static final String ENGINE_WORKER_PREFIX = "drools-worker";
    /** System properties rules may not read: the application's configuration and anything named like a secret. */
    private static final java.util.regex.Pattern SECRET_PROPERTY = java.util.regex.Pattern.compile(
            "(?i)^(quarkus|shophealth|mp|smallrye|db|jwt)[._].*|.*(password|secret|token|credential|key).*|\\*");
    private static final Set<String> DENIED_RUNTIME = Set.of("createClassLoader",
            "setContextClassLoader", "setSecurityManager", "createSecurityManager", "setIO", "modifyThread",
            "modifyThreadGroup", "stopThread", "setFactory", "shutdownHooks", "setDefaultUncaughtExceptionHandler",
            "manageProcess", "getProtectionDomain", "defineClass", "enableContextClassLoaderOverride",
            "closeClassLoader", "preferences", "getStackWalkerWithClassReference", "accessSystemModules", "readFileDescriptor", "writeFileDescriptor");
    private static final Set<String> CLASS_LOADING = Set.of("loadClass", "findClass", "loadClassOrNull");
    private static volatile boolean installed;

    private RuleGuard() {
    }

    /** Installs the guard once per JVM; false when this JDK no longer allows a security manager. */
    public static synchronized boolean install() {
        if (installed) {
            return true;
        }
        SecurityManager current = System.getSecurityManager();
        if (current instanceof RuleGuard) {
            installed = true;
            return true;
        }
        try {
            trustedCaller(); // links the stack walk's lambdas before any rule fires
            // MVEL records its debug mode in a system property on first use, which may be while rules fire
            org.drools.mvel.expr.MVELDebugHandler.isDebugMode();
            System.setSecurityManager(new RuleGuard());
            installed = true;
        } catch (UnsupportedOperationException | SecurityException e) {
            installed = false;
        }
        return installed;
    }

    public static boolean installed() {
        return installed;
    }

    /** Runs {@code work} (rule firing) on this thread under the guard. */
    public static <T> T run(Supplier<T> work) {
        Boolean outer = FIRING.get();
        FIRING.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                FIRING.remove();
            }
        }
    }

    /** True while this thread fires rules, and always on the engine's worker threads. */
    private static boolean guarded() {
        return FIRING.get() == Boolean.TRUE || Thread.currentThread().getName().startsWith(ENGINE_WORKER_PREFIX);
    }

    /** True while this thread fires rules. */
    public static boolean firing() {
        return FIRING.get() == Boolean.TRUE;
    }

    @Override
    public void checkPermission(Permission permission) {
        if (CHECKING.get() == Boolean.TRUE || !guarded() || !denied(permission)) {
            return;
        }
        // the guard's own stack walk links lambdas and loads classes: those checks are its own, not a rule's
        CHECKING.set(Boolean.TRUE);
        boolean trusted;
        try {
            trusted = trustedCaller();
        } finally {
            CHECKING.remove();
        }
        if (!trusted) {
            throw new RuleSandboxException(describe(permission));
        }
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        checkPermission(permission);
    }

    @Override
    public void checkAccess(Thread t) {
        threads("change or start a thread");
    }

    @Override
    public void checkAccess(ThreadGroup g) {
        threads("start a thread");
    }

    /**
     * Rules never touch threads; the engine does (it compiles hot constraints to bytecode on a pool thread of its
     * own): allowed when the nearest caller outside the JDK is engine code loaded with the service.
     */
    private void threads(String attempt) {
        if (CHECKING.get() == Boolean.TRUE || !guarded()) {
            return;
        }
        CHECKING.set(Boolean.TRUE);
        boolean engine;
        try {
            engine = STACK.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                    .filter(c -> !jdk(c) && c != RuleGuard.class).findFirst()
                    .map(c -> !RuleTypes.generated(c) && c.getName().startsWith("org.drools.")).orElse(false));
        } finally {
            CHECKING.remove();
        }
        if (!engine) {
            throw new RuleSandboxException(attempt);
        }
    }

    /**
     * True when the check comes from trusted code acting for itself: the static initialiser of a class of the service
     * or the JDK (the engine initialises some classes on first use, which may be while rules fire: rule code can cause
     * an initialiser to run, never change what it does), or a privileged block of the JDK (class loading reads class
     * files, lambdas are spun): the Java security model's {@code doPrivileged}, honoured for JDK callers only.
     */
    private static boolean trustedCaller() {
        return STACK.walk(frames -> {
            boolean privileged = false;
            boolean first = true;
            for (StackWalker.StackFrame f : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                Class<?> type = f.getDeclaringClass();
                if (type == RuleGuard.class || type == SecurityManager.class) {
                    continue;
                }
                if (first && f.getMethodName().equals("current") && type.getName().equals("java.lang.ProcessHandleImpl")) {
                    return true; // the process's own handle (a log record's pid): it cannot stop or start anything
                }
                first = false;
                if (type == java.security.AccessController.class) {
                    privileged = true;
                    continue;
                }
                if (privileged) {
                    return jdk(type);
                }
                if (f.getMethodName().equals("<clinit>") && trusted(type)) {
                    return true;
                }
                if (CLASS_LOADING.contains(f.getMethodName()) && ClassLoader.class.isAssignableFrom(type)
                        && trusted(type)) {
                    return true; // a class loader reading class bytes (Quarkus's reads them outside the JDK)
                }
            }
            return false;
        });
    }

    private static boolean jdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    private static boolean trusted(Class<?> type) {
        return !RuleTypes.generated(type);
    }

    static boolean denied(Permission p) {
        if (p instanceof FilePermission || p instanceof SocketPermission || p instanceof NetPermission
                || p instanceof AllPermission || p instanceof SecurityPermission
                || p instanceof java.net.URLPermission) {
            return true;
        }
        if (p instanceof LoggingPermission) {
            return false; // engine classes first used while rules fire create their loggers (log level set-up)
        }
        if (p instanceof PropertyPermission) {
            return p.getActions().contains("write") || SECRET_PROPERTY.matcher(p.getName()).matches();
        }
        if (p instanceof ReflectPermission) {
            return true;
        }
        if (p instanceof RuntimePermission) {
            String name = p.getName();
            return DENIED_RUNTIME.contains(name) || name.startsWith("exitVM") || name.startsWith("getenv")
                    || name.startsWith("loadLibrary") || name.startsWith("accessClassInPackage.sun")
                    || name.startsWith("accessClassInPackage.jdk");
        }
        // management, JMX, JAAS, SQL, audio, AWT and any other permission class: none is a rule's business
        String type = p.getClass().getName();
        return !type.equals("java.lang.RuntimePermission");
    }

    private static String describe(Permission p) {
        if (p instanceof FilePermission) {
            return "use the file system (" + p.getActions() + " " + p.getName() + ")";
        }
        if (p instanceof SocketPermission || p instanceof NetPermission || p instanceof java.net.URLPermission) {
            return "use the network (" + p.getName() + ")";
        }
        if (p instanceof PropertyPermission) {
            return (p.getActions().contains("write") ? "change the JVM-wide setting " : "read the system property ")
                    + p.getName();
        }
        if (p.getName().startsWith("exitVM")) {
            return "stop the process";
        }
        if (p.getName().startsWith("getenv")) {
            return "read the environment";
        }
        return "use " + p.getClass().getSimpleName() + " " + p.getName();
    }
}
