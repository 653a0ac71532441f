package dev.shophealth.ruleset.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of rules/ that a test may break: {@code RulesFolder.copy().replace("parameters.yaml", "0.10", "0.5")}. */
public final class RulesFolder {

    private final Path dir;

    private RulesFolder(Path dir) {
        this.dir = dir;
    }

    /** A fresh copy of the project's rules/ in a temporary folder. */
    public static RulesFolder copy() {
        try {
            return copyInto(Files.createTempDirectory("rules-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes {@code dir} an exact copy of the project's rules/ (files not in rules/ are removed). */
    public static RulesFolder copyInto(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    old.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
                }
            }
            Path source = Path.of("rules");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : files.toList()) {
                    Path target = dir.resolve(source.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return new RulesFolder(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    public RulesFolder write(String file, String content) {
        try {
            Path target = dir.resolve(file);
            Files.createDirectories(target.getParent());
            Files.writeString(target, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the one occurrence of {@code from}; fails when it is not there, so a test cannot silently miss. */
    public RulesFolder replace(String file, String from, String to) {
        String text = read(file);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " does not contain " + from);
        }
        return write(file, text.replace(from, to));
    }

    public RulesFolder delete(String file) {
        try {
            Files.delete(dir.resolve(file));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RulesetFiles files() {
        return RulesetFiles.read(dir);
    }
}
