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
import io.quarkus.narayana.jta.QuarkusTransaction;
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
    @Inject
    Governance governance;

    /** Checks and stores a candidate from a zip; nothing becomes active. */
    public VersionView upload(byte[] zip, String comment) {
        return store(RulesetFiles.of(unzip(zip)), comment);
    }

    /** Checks and stores the rules folder as it is now; nothing becomes active. */
    public VersionView uploadFolder(String comment) {
        return store(RulesetFiles.read(config.dir()), comment);
    }

    /**
     * The check (seconds, in its child process) runs before the transaction that stores the version, so no database
     * connection waits on it.
     */
    private VersionView store(RulesetFiles files, String comment) {
        CompiledRuleset candidate = IsolatedCheck.compile(files, config.checkLimits());
        String actor = audit.actor();
        return QuarkusTransaction.requiringNew().call(() -> {
            store.save(candidate, actor, comment);
            audit.record("RULESET_UPLOADED", candidate.revision(), comment);
            return view(RulesetVersion.findById(candidate.revision()));
        });
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

    /** Two versions compared file by file; {@code active} names the active revision. */
    public List<FileDiff> diff(String from, String to) {
        return FileDiff.between(store.files(resolve(from)).files(), store.files(resolve(to)).files());
    }

    /** A version as its approvers see it: approvals, backtests, what its activation still needs. */
    public VersionDetail detail(String revision) {
        String r = resolve(revision);
        VersionView view = QuarkusTransaction.requiringNew().call(() -> {
            RulesetVersion v = RulesetVersion.findById(r);
            if (v == null) {
                throw ProblemException.notFound("No ruleset version '" + r + "'");
            }
            return view(v);
        });
        return governance.detail(r, view);
    }

    /** {@code active} as the revision this instance serves; any other name as it is. */
    public String resolve(String revision) {
        if ("active".equals(revision)) {
            return registry.active().map(CompiledRuleset::revision)
                    .orElseThrow(() -> ProblemException.notFound("No ruleset is active"));
        }
        return revision;
    }

    /** {@link #activate(String, String)} without a comment. */
    public ReloadReport activate(String revision) {
        return activate(revision, null);
    }

    /**
     * Activates a stored version once it is approved by an analyst other than its author and backtested against the
     * active ruleset (409 naming what is missing); it is compiled and checked again first (422 if it fails).
     */
    public ReloadReport activate(String revision, String comment) {
        if (comment != null && comment.strip().length() > Governance.MAX_COMMENT) {
            throw ProblemException.badRequest("comment", "is longer than " + Governance.MAX_COMMENT + " characters");
        }
        CompiledRuleset candidate = store.compiled(revision);
        RulesetActivation.Evidence evidence = governance.check(revision, comment);
        return registry.activate(candidate, RulesetActivation.Kind.ACTIVATE, evidence);
    }

    /** Goes back to the revision active before the latest activation. */
    public ReloadReport rollback() {
        return rollback(null);
    }

    /**
     * Goes back to a revision that was active before: {@code to}, or the one active before the latest activation.
     * It was approved (or deployed) when it went live the first time, so it needs no approval or backtest again.
     */
    public ReloadReport rollback(String to) {
        RulesetActivation latest = store.latestActivation()
                .orElseThrow(() -> ProblemException.conflict("Nothing to roll back: no activation is recorded"));
        String target = to == null || to.isBlank() ? latest.fromRevision : to.strip();
        if (target == null) {
            throw ProblemException.conflict("Nothing to roll back to: " + latest.toRevision + " was the first ruleset");
        }
        if (target.equals(latest.toRevision)) {
            throw ProblemException.conflict("Version " + target + " is the active ruleset already");
        }
        boolean wasActive = QuarkusTransaction.requiringNew().call(() -> RulesetActivation.count("toRevision", target) > 0);
        if (!wasActive) {
            throw ProblemException.badRequest("to", "'" + target + "' was never active: only a revision that was active"
                    + " before can be rolled back to; a new one needs an approval and a backtest");
        }
        return registry.activate(store.compiled(target), RulesetActivation.Kind.ROLLBACK);
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
