package dev.shophealth.ruleset.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class-resolution boundary of rule code. Drools compiles a ruleset with this loader as the parent of its own
 * project class loader, so every name that rule code resolves — when ECJ compiles a consequence (it reads class files
 * through {@link #getResourceAsStream}), when a generated class links, when MVEL resolves a type in a constraint —
 * passes {@link RuleTypes#allows}. A type outside the allow-list does not exist for rules: the compiler reports
 * "cannot be resolved" with file and line, and nothing is loaded.
 */
final class RuleClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader application;
    /** Names refused, for tests and for the problem text. */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    RuleClassLoader(ClassLoader application) {
        super("rules", null);
        this.application = application;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (RuleTypes.allows(name) || RuleTypes.allowsFramework(name)) {
            return Class.forName(name, false, application);
        }
        refused.add(name);
        throw new ClassNotFoundException(name + " is not available to rules");
    }

    @Override
    public URL getResource(String name) {
        return allowedClassFile(name) ? application.getResource(name) : null;
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        return allowedClassFile(name) ? application.getResourceAsStream(name) : null;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return allowedClassFile(name) ? application.getResources(name) : Collections.emptyEnumeration();
    }

    private boolean allowedClassFile(String resource) {
        if (resource.startsWith("META-INF/") && (resource.endsWith(".conf") || resource.endsWith(".properties"))) {
            return true; // the engine's own configuration (dialects, accumulate functions); rules cannot read files
        }
        if (!resource.endsWith(".class")) {
            return false;
        }
        String name = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
        if (RuleTypes.allows(name)) {
            return true;
        }
        refused.add(name);
        return false;
    }

    Set<String> refused() {
        return refused;
    }
}
