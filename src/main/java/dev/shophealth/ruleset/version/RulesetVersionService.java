package dev.shophealth.ruleset.version;

import dev.shophealth.ruleset.RulesetActivation;
import dev.shophealth.ruleset.RulesetStore;
import dev.shophealth.ruleset.RulesetVersion;

import dev.shophealth.common.ProblemException;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.ReloadReport;
import dev.shophealth.ruleset.engine.IsolatedCheck;
import dev.shophealth.ruleset.RulesetConfig;
import dev.shophealth.ruleset.engine.RulesetFiles;
import dev.shophealth.ruleset.RulesetRegistry;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Candidate rulesets for analysts: uploaded (a zip, or the rules folder as it is now), checked exactly as a reload,
 * stored as versions without touching what is active; then listed, downloaded, compared, activated, rolled back.
 */
@ApplicationScoped
public class RulesetVersionService {

    /** An upload holds at most this many files of at most this size each. */
    static final int MAX_FILES = 500;
    static final int MAX_FILE_BYTES = 1_000_000;

    @Inject
    RulesetStore store;
    @Inject
    RulesetRegistry registry;
    @Inject
    RulesetConfig config;
    @Inject
    dev.shophealth.security.Audit audit;

    /** Checks and stores a candidate from a zip; nothing becomes active. */
    @Transactional
    public VersionView upload(byte[] zip, String comment) {
        return store(RulesetFiles.of(unzip(zip)), comment);
    }

    /** Checks and stores the rules folder as it is now; nothing becomes active. */
    @Transactional
    public VersionView uploadFolder(String comment) {
        return store(RulesetFiles.read(config.dir()), comment);
    }

    private VersionView store(RulesetFiles files, String comment) {
        CompiledRuleset candidate = IsolatedCheck.compile(files, config.checkLimits());
        store.save(candidate, audit.actor(), comment);
        audit.record("RULESET_UPLOADED", candidate.revision(), comment);
        return view(RulesetVersion.findById(candidate.revision()));
    }

    @Transactional
    public List<VersionView> list() {
        return RulesetVersion.<RulesetVersion>listAll(Sort.descending("createdAt")).stream().map(this::view).toList();
    }

    @Transactional
    public List<ActivationView> activations() {
        return RulesetActivation.<RulesetActivation>listAll(Sort.descending("id")).stream().map(ActivationView::of)
                .toList();
    }

    public byte[] zip(String revision) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var file : store.files(revision).files().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public List<FileDiff> diff(String from, String to) {
        return FileDiff.between(store.files(from).files(), store.files(to).files());
    }

    /** Activates a stored version; it is compiled and checked again first, and refused (422) if it fails. */
    public ReloadReport activate(String revision) {
        CompiledRuleset candidate = store.compiled(revision);
        return registry.activate(candidate, RulesetActivation.Kind.ACTIVATE);
    }

    /** Goes back to the revision that was active before the latest activation. */
    public ReloadReport rollback() {
        RulesetActivation latest = store.latestActivation()
                .orElseThrow(() -> ProblemException.conflict("Nothing to roll back: no activation is recorded"));
        if (latest.fromRevision == null) {
            throw ProblemException.conflict("Nothing to roll back to: " + latest.toRevision + " was the first ruleset");
        }
        return registry.activate(store.compiled(latest.fromRevision), RulesetActivation.Kind.ROLLBACK);
    }

    private VersionView view(RulesetVersion v) {
        boolean active = registry.active().map(r -> r.revision().equals(v.revision)).orElse(false);
        return new VersionView(v.revision, v.author, v.comment, v.createdAt, v.rules, v.scenarios, active);
    }

    private static Map<String, String> unzip(byte[] zip) {
        Map<String, String> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName().replace('\\', '/');
                if (e.isDirectory() || RulesetFiles.EXTENSIONS.stream().noneMatch(name::endsWith)) {
                    continue;
                }
                if (name.startsWith("/") || name.contains("..") || files.size() >= MAX_FILES) {
                    throw ProblemException.badRequest("file", "'" + name + "' is not a ruleset path, or too many files");
                }
                byte[] content = in.readNBytes(MAX_FILE_BYTES + 1);
                if (content.length > MAX_FILE_BYTES) {
                    throw ProblemException.badRequest("file", "'" + name + "' is larger than " + MAX_FILE_BYTES + " bytes");
                }
                files.put(stripRoot(name), new String(content, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("file", "is not a valid zip archive");
        }
        if (files.isEmpty()) {
            throw ProblemException.badRequest("file", "the zip holds no ruleset files (.drl, .yaml, .properties)");
        }
        return files;
    }

    /** A zip of the folder itself ({@code rules/parameters.yaml}) is read as the folder's content. */
    private static String stripRoot(String name) {
        return name.startsWith("rules/") ? name.substring("rules/".length()) : name;
    }
}
