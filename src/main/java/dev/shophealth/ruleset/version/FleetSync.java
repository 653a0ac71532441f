package dev.shophealth.ruleset.version;

import dev.shophealth.ruleset.RulesetStore;

import dev.shophealth.ruleset.RulesetRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Keeps this instance on the revision last activated in the database, whichever instance activated it: one
 * active ruleset across a fleet on one database. A revision that fails its checks here is not served; the
 * instance keeps its current ruleset and says so in the log until the database names another. It looks every
 * {@code shophealth.rules.sync-interval}, from the end of start-up (the registry's own start serves the first
 * ruleset) to shutdown.
 */
@ApplicationScoped
public class FleetSync {

    private static final Logger LOG = Logger.getLogger(FleetSync.class);

    @Inject
    RulesetRegistry registry;
    @Inject
    RulesetStore store;
    @Inject
    dev.shophealth.decision.Shadow shadow;

    private volatile String refused;

    /**
     * One look at the database; public for tests that do not want to wait for the timer. Two looks never overlap:
     * the second would follow the fleet on what the first read.
     */
    @Scheduled(identity = "ruleset-fleet-sync", every = "${shophealth.rules.sync-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void sync() {
        try {
            store.precompileNewest();
            // read and followed under the registry's lock: read outside it, an activation here that committed and
            // swapped between the read and the follow was undone until the next look (SinglePersonModeTest saw a
            // reload answer the new revision and the active one read right after give the old)
            registry.exclusively(() -> store.latestActivation().ifPresent(latest -> {
                String current = registry.active().map(r -> r.revision()).orElse(null);
                if (!latest.toRevision.equals(current) && !latest.toRevision.equals(refused)) {
                    try {
                        registry.syncTo(latest.toRevision);
                        LOG.infof("Following the fleet to ruleset %s (activated by %s)", latest.toRevision,
                                latest.activatedBy);
                    } catch (dev.shophealth.ruleset.engine.CheckTimedOutException e) {
                        // a busy machine, most likely: the revision passed its checks where it was activated
                        LOG.warnf("Ruleset %s, activated elsewhere, did not finish its checks in time here; keeping %s "
                                + "and trying again", latest.toRevision, current);
                    } catch (RuntimeException e) {
                        refused = latest.toRevision;
                        LOG.errorf("Ruleset %s, activated elsewhere, fails its checks here; keeping %s: %s",
                                latest.toRevision, current, e.getMessage());
                    }
                }
            }));
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
