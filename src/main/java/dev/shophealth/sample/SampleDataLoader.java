package dev.shophealth.sample;

import dev.shophealth.common.ShopHealthConfig;
import dev.shophealth.dataimport.ImportService;
import dev.shophealth.order.Shop;
import dev.shophealth.ruleset.RulesetRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * Loads the sample into an empty database at start, through the same validated import as the API, in one
 * transaction: a database with any shop in it is left alone, so later starts duplicate nothing.
 */
@ApplicationScoped
public class SampleDataLoader {

    private static final Logger LOG = Logger.getLogger(SampleDataLoader.class);

    @Inject
    ImportService imports;

    @Inject
    SampleCancellations cancellations;

    @Inject
    RulesetRegistry rulesets;

    @Inject
    dev.shophealth.dataimport.TableStatistics statistics;

    @Inject
    ShopHealthConfig config;

    void onStart(@Observes StartupEvent event) {
        if (!config.sampleData().load()) {
            return;
        }
        if (!Files.exists(config.sampleData().dir().resolve(SampleFiles.MANIFEST))) {
            LOG.warnf("No sample data at %s; starting with what the database holds", config.sampleData().dir().toAbsolutePath());
            return;
        }
        if (rulesets.active().isEmpty()) {
            // the sample's cancellation requests are screened by the rules: load all of it or nothing
            LOG.warn("No active ruleset, so the sample data is not loaded now; fix the rules and restart");
            return;
        }
        // one transaction for all of it: a failed load leaves the database empty, to be loaded at the next start
        QuarkusTransaction.requiringNew().timeout((int) config.sampleData().timeout().toSeconds()).run(this::loadIfEmpty);
    }

    private void loadIfEmpty() {
        if (Shop.count() > 0) {
            LOG.debug("The database holds shops already; sample data not loaded");
            return;
        }
        try {
            // the history ends at the moment of loading, not at the start of today: a shop's windows then hold the
            // same records whatever the time of day (a whole-day shift lost up to a day of the oldest records)
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            java.time.Duration shift = java.time.Duration.between(
                    SampleFiles.anchor(config.sampleData().dir()).atStartOfDay().atOffset(SampleGenerator.ZONE).toInstant(),
                    now);
            long started = System.nanoTime();
            int rows = 0;
            for (String kind : SampleData.KINDS) {
                var file = SampleFiles.read(config.sampleData().dir(), kind, shift);
                if (!file.isEmpty()) {
                    rows += imports.importRows(kind, "csv", file, false).rows();
                }
            }
            var requests = SampleFiles.read(config.sampleData().dir(), SampleData.REQUESTS, shift);
            var statuses = requests.isEmpty() ? java.util.Map.of() : cancellations.submit(requests, now);
            // a bulk load: the planner's statistics of every table are refreshed once it has committed
            statistics.everything();
            LOG.infof("Loaded %d sample rows from %s (times shifted by %s) and screened %d cancellation "
                    + "requests %s in %d ms", rows, config.sampleData().dir(), shift, requests.size(), statuses,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample data in " + config.sampleData().dir(), e);
        }
    }
}
