package dev.shophealth.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Once the service is up, a request waits at most {@code shophealth.database.wait} for a database connection, so an
 * unreachable database answers 503 at once instead of after the pool's own, longer timeout. Start-up (migrations,
 * sample data) keeps that longer timeout: a cold first connection on a loaded machine can take more than a second
 * without the database being down.
 */
@ApplicationScoped
public class DatabaseWait {

    private static final Logger LOG = Logger.getLogger(DatabaseWait.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ShopHealthConfig config;

    // after every other start-up observer (sample data loads with the start-up timeout)
    void onStart(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        if (config.database().connectionWait().isNegative() || config.database().connectionWait().isZero()) {
            throw new IllegalArgumentException("shophealth.database.wait must be positive, got " + config.database().connectionWait());
        }
        dataSource.getConfiguration().connectionPoolConfiguration().setAcquisitionTimeout(config.database().connectionWait());
        LOG.debugf("Requests wait at most %s for a database connection", config.database().connectionWait());
    }
}
