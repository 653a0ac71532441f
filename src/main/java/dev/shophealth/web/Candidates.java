package dev.shophealth.web;

import dev.shophealth.common.ProblemException;
import dev.shophealth.ruleset.NoActiveRulesetException;
import dev.shophealth.ruleset.RulesetRegistry;
import dev.shophealth.ruleset.RulesetStore;
import dev.shophealth.ruleset.engine.RulesetProblem;
import dev.shophealth.ruleset.engine.RulesetRejectedException;
import dev.shophealth.ruleset.version.RulesetVersionService;
import dev.shophealth.ruleset.version.VersionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The workbench's way to the stored versions: a version's files (the active one's by default), and an edited set
 * of files saved as a candidate through the same upload as the API ({@link RulesetVersionService#upload}): checked
 * in the check process exactly as a reload, stored, not activated.
 */
@ApplicationScoped
public class Candidates {

    @Inject
    RulesetRegistry registry;
    @Inject
    RulesetStore store;
    @Inject
    RulesetVersionService versions;

    /** What saving a candidate gave: the stored version, or every problem found (file, line, message). */
    public record Saved(VersionView version, List<RulesetProblem> problems) {
    }

    public String activeRevision() {
        return registry.active().orElseThrow(NoActiveRulesetException::new).revision();
    }

    /** The revision to start from: the given one, or the active one when blank. */
    public String base(String revision) {
        return revision == null || revision.isBlank() ? activeRevision() : revision.strip();
    }

    /** A stored version's files by path; 404 (ProblemException) when there is no such version. */
    public SortedMap<String, String> files(String revision) {
        String base = base(revision);
        if (registry.active().map(r -> r.revision().equals(base)).orElse(false)) {
            return registry.active().get().files().files();
        }
        return store.files(base).files();
    }

    public Optional<VersionView> version(String revision) {
        return versions.list().stream().filter(v -> v.revision().equals(revision)).findFirst();
    }

    /** Stores {@code base} with {@code changed} files replaced (or added) as a candidate; never activates it. */
    public Saved save(Map<String, String> base, Map<String, String> changed, String comment) {
        SortedMap<String, String> files = new TreeMap<>(base);
        files.putAll(changed);
        try {
            return new Saved(versions.upload(zip(files), comment.strip()), List.of());
        } catch (RulesetRejectedException e) {
            return new Saved(null, e.problems());
        } catch (ProblemException e) {
            if (e.status() >= 500) {
                throw e;
            }
            return new Saved(null, List.of(new RulesetProblem("", null, e.toProblem().detail())));
        }
    }

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
