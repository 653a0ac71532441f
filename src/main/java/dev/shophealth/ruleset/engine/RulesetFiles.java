package dev.shophealth.ruleset.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a ruleset by relative path ({@code validity/out-of-stock.drl}), and its revision: a SHA-256 over
 * every path and content, so the same files always give the same revision.
 */
public record RulesetFiles(SortedMap<String, String> files, String revision) {

    /** The kinds of file a ruleset holds; anything else in the folder (a README, an editor's backup) is ignored. */
    public static final java.util.List<String> EXTENSIONS = java.util.List.of(".drl", ".yaml", ".yml", ".properties");

    public RulesetFiles {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public static RulesetFiles of(Map<String, String> files) {
        return new RulesetFiles(new TreeMap<>(files), revisionOf(new TreeMap<>(files)));
    }

    /** Every ruleset file under {@code dir}. */
    public static RulesetFiles read(Path dir) {
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir.toRealPath())) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = dir.toRealPath().relativize(file).toString().replace('\\', '/');
                if (EXTENSIONS.stream().anyMatch(relative::endsWith) && !relative.startsWith(".")) {
                    files.put(relative, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rules in " + dir.toAbsolutePath(), e);
        }
        return new RulesetFiles(files, revisionOf(files));
    }

    public Stream<String> drlFiles() {
        return files.keySet().stream().filter(f -> f.endsWith(".drl"));
    }

    /** The scenarios file beside a DRL file: {@code validity/out-of-stock.scenarios.yaml}. */
    public static String scenariosOf(String drlFile) {
        return drlFile.substring(0, drlFile.length() - ".drl".length()) + ".scenarios.yaml";
    }

    private static String revisionOf(SortedMap<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((path, content) -> {
                sha.update(path.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(content.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
