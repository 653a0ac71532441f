package dev.shophealth.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shophealth.common.ProblemException;
import dev.shophealth.ruleset.engine.CompiledRuleset;
import dev.shophealth.ruleset.engine.IsolatedCheck;
import dev.shophealth.ruleset.RulesetConfig;
import dev.shophealth.ruleset.engine.RulesetFiles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Ruleset versions and activations in the database. A stored version is read back only if its files still hash
 * to its revision, and compiled (with every check and scenario) before it may serve; compiled versions are cached.
 */
@ApplicationScoped
public class RulesetStore {

    static final int CACHE = 8;

    @Inject
    RulesetConfig config;

    @Inject
    ObjectMapper json;

    private volatile String precompileFailed;

    private final Map<String, CompiledRuleset> compiled = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledRuleset> eldest) {
            return size() > CACHE;
        }
    };

    /** Stores a checked ruleset as a version (once per revision). */
    public void save(CompiledRuleset ruleset, String author, String comment) {
        QuarkusTransaction.joiningExisting().run(() -> {
            if (RulesetVersion.findById(ruleset.revision()) == null) {
                RulesetVersion v = new RulesetVersion();
                v.revision = ruleset.revision();
                v.files = write(ruleset.files().files());
                v.author = author;
                v.comment = comment;
                v.createdAt = Instant.now();
                v.rules = ruleset.rules().size();
                v.scenarios = ruleset.scenarioResults().size();
                v.persist();
            }
        });
        cache(ruleset);
    }

    /** Records a switch of the active ruleset; {@code to} must be a stored version. */
    public void recordActivation(RulesetActivation.Kind kind, String by, String from, String to) {
        recordActivation(kind, by, from, to, RulesetActivation.Evidence.NONE);
    }

    /** Records a switch of the active ruleset with what it rested on. */
    public void recordActivation(RulesetActivation.Kind kind, String by, String from, String to,
            RulesetActivation.Evidence evidence) {
        QuarkusTransaction.joiningExisting().run(() -> {
            RulesetActivation a = new RulesetActivation();
            a.activatedAt = Instant.now();
            a.activatedBy = by;
            a.kind = kind;
            a.fromRevision = from;
            a.toRevision = to;
            a.comment = evidence.comment();
            a.approvedBy = evidence.approvedBy();
            a.backtestId = evidence.backtestId();
            a.verdictsChanged = evidence.verdictsChanged();
            a.levelsChanged = evidence.levelsChanged();
            a.persist();
        });
    }

    /** The revision the latest activation names, if any. */
    public Optional<RulesetActivation> latestActivation() {
        return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable(RulesetActivation.latest()));
    }

    /** A stored version, compiled and checked; 404 when there is no such version. */
    public CompiledRuleset compiled(String revision) {
        synchronized (compiled) {
            CompiledRuleset cached = compiled.get(revision);
            if (cached != null) {
                return cached;
            }
        }
        RulesetFiles files = files(revision);
        CompiledRuleset ruleset = IsolatedCheck.compile(files, config.checkLimits());
        cache(ruleset);
        return ruleset;
    }

    /**
     * Compiles the newest stored version ahead of its activation, so that an instance that follows the fleet
     * switches within one sync interval instead of compiling first. Failures are left for the activation to report.
     */
    public void precompileNewest() {
        String newest = QuarkusTransaction.joiningExisting().call(() -> RulesetVersion.<RulesetVersion>find(
                "order by createdAt desc").firstResultOptional().map(v -> v.revision).orElse(null));
        boolean cached;
        synchronized (compiled) {
            cached = newest == null || compiled.containsKey(newest) || newest.equals(precompileFailed);
        }
        if (!cached) {
            try {
                compiled(newest);
            } catch (RuntimeException e) {
                // not retried every tick; a version that fails here is refused when someone activates it
                precompileFailed = newest;
            }
        }
    }

    /** A stored version's files, verified against its revision. */
    public RulesetFiles files(String revision) {
        RulesetVersion v = QuarkusTransaction.joiningExisting().call(() -> RulesetVersion.findById(revision));
        if (v == null) {
            throw ProblemException.notFound("No ruleset version '" + revision + "'");
        }
        RulesetFiles files = RulesetFiles.of(read(v.files));
        if (!files.revision().equals(revision)) {
            throw new IllegalStateException("Stored ruleset " + revision + " does not hash to its revision");
        }
        return files;
    }

    private void cache(CompiledRuleset ruleset) {
        synchronized (compiled) {
            compiled.put(ruleset.revision(), ruleset);
        }
    }

    private String write(SortedMap<String, String> files) {
        try {
            return json.writeValueAsString(files);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored ruleset cannot be read", e);
        }
    }
}
