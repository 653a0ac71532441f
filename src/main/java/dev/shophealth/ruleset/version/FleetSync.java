package dev.shophealth.ruleset.version;

import dev.shophealth.ruleset.RulesetStore;

import dev.shophealth.ruleset.RulesetConfig;
import dev.shophealth.ruleset.RulesetRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps this instance on the revision last activated in the database, whichever instance activated it: one
 * active ruleset across a fleet on one database. A revision that fails its checks here is not served; the
 * instance keeps its current ruleset and says so in the log until the database names another.
 */
@ApplicationScoped
public class FleetSync {

    private static final Logger LOG = Logger.getLogger(FleetSync.class);

    @Inject
    RulesetRegistry registry;
    @Inject
    RulesetStore store;
    @Inject
    RulesetConfig config;
    @Inject
    dev.shophealth.decision.Shadow shadow;

    private ScheduledExecutorService timer;
    private volatile String refused;

    void onStart(@Observes @Priority(5) StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ruleset-fleet-sync");
            t.setDaemon(true);
            return t;
        });
        long millis = config.syncInterval().toMillis();
        timer.scheduleWithFixedDelay(this::sync, millis, millis, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** One look at the database; public for tests that do not want to wait for the timer. */
    public void sync() {
        try {
            store.precompileNewest();
            store.latestActivation().ifPresent(latest -> {
                String current = registry.active().map(r -> r.revision()).orElse(null);
                if (!latest.toRevision.equals(current) && !latest.toRevision.equals(refused)) {
                    try {
                        registry.syncTo(latest.toRevision);
                        LOG.infof("Following the fleet to ruleset %s (activated by %s)", latest.toRevision,
                                latest.activatedBy);
                    } catch (RuntimeException e) {
                        refused = latest.toRevision;
                        LOG.errorf("Ruleset %s, activated elsewhere, fails its checks here; keeping %s: %s",
                                latest.toRevision, current, e.getMessage());
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Fleet sync: cannot read the active revision from the database", e);
        }
        try {
            shadow.follow();
        } catch (RuntimeException e) {
            LOG.warn("Fleet sync: cannot read the ruleset in shadow from the database", e);
        }
    }
}
