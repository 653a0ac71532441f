package dev.shophealth.ruleset.engine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The class path a check's child JVM runs with: the service's own classes and libraries. */
final class CheckClasspath {

    private CheckClasspath() {
    }

    /**
     * The class path of the service: in the packaged app, its {@code quarkus-app} folder's jars (the launcher jar
     * names only the boot ones); in tests and dev mode, the JVM's class path plus the folder of this class.
     */
    static String of() {
        Set<String> entries = new LinkedHashSet<>();
        Path self = codeSource();
        Path app = self.getParent();
        if (self.toString().endsWith(".jar") && app != null && app.getFileName().toString().equals("app")) {
            Path root = app.getParent();
            for (String dir : List.of("app", "lib/boot", "lib/main")) {
                try (Stream<Path> jars = Files.list(root.resolve(dir))) {
                    jars.filter(j -> j.toString().endsWith(".jar")).sorted().forEach(j -> entries.add(j.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        } else {
            entries.add(self.toString());
            entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
            // in dev mode the JVM's class path names only the launcher: the application's jars are known to its
            // class loader, which lists them as the jars holding a manifest
            entries.addAll(jarsOf(CheckMain.class.getClassLoader()));
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The jar files a class loader reads, found as those holding {@code META-INF/MANIFEST.MF}. */
    static List<String> jarsOf(ClassLoader loader) {
        List<String> jars = new java.util.ArrayList<>();
        try {
            var manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                java.net.URL url = manifests.nextElement();
                if (url.getProtocol().equals("jar")) {
                    String file = url.getPath();
                    int bang = file.indexOf("!/");
                    if (file.startsWith("file:") && bang > 0) {
                        jars.add(Path.of(java.net.URI.create(file.substring(0, bang))).toString());
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("The class path for the check process cannot be listed", e);
        }
        return jars;
    }

    private static Path codeSource() {
        try {
            return Path.of(CheckMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
