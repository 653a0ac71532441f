package dev.shophealth.common;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Acknowledged means written, on the embedded H2 file: before a successful answer to a request that may write
 * (anything but GET, HEAD and OPTIONS) leaves, {@code CHECKPOINT} writes every committed change to the file, so a
 * {@code kill -9} right after the answer loses nothing. A concurrent request's checkpoint writes this one's changes
 * too; with nothing new to write it returns at once.
 *
 * <p>Why not H2's {@code WRITE_DELAY=0}: it writes each commit itself, but it also stops H2's background writer,
 * which is what compacts the file — under steady screening the file grew about 45 KB per request (785 MiB in two
 * minutes, {@code bench/h2-file-growth.sh}) and a clean shutdown did not shrink it. With the writer kept (the default
 * delay) and a checkpoint per acknowledged write, the file grows with the data. PostgreSQL needs none of this: its
 * commit returns after the WAL is flushed.
 *
 * <p>If the checkpoint fails (a full disk), the answer becomes a 503: the change is committed but may not survive
 * a crash, and the client may retry (an {@code Idempotency-Key} replays the first answer).
 */
@Singleton
public class H2Durability {

    private static final Logger LOG = Logger.getLogger(H2Durability.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final boolean active;
    private final AgroalDataSource dataSource;

    @Inject
    H2Durability(@ConfigProperty(name = "quarkus.datasource.db-kind") String kind,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url, AgroalDataSource dataSource) {
        this.active = kind.equals("h2") && !url.startsWith("jdbc:h2:mem:");
        this.dataSource = dataSource;
    }

    /** True when this instance checkpoints (H2 on a file). */
    public boolean active() {
        return active;
    }

    @ServerResponseFilter
    public void writeBeforeAnswering(ContainerRequestContext request, ContainerResponseContext response) {
        if (!active || SAFE.contains(request.getMethod()) || response.getStatus() >= 300) {
            return;
        }
        try {
            checkpoint();
        } catch (SQLException e) {
            LOG.errorf(e, "CHECKPOINT failed after %s %s: the change is committed but may not survive a crash",
                    request.getMethod(), request.getUriInfo().getPath());
            Problem problem = Problem.of(503, "The change was committed but could not be written to the database "
                    + "file; retry with the same Idempotency-Key.", null);
            response.setStatus(503);
            response.getHeaders().putSingle("Retry-After", "1");
            response.getHeaders().putSingle("Content-Type", Problem.MEDIA_TYPE);
            response.setEntity(problem);
        }
    }

    /** Writes every committed change to the database file and returns when it is written. */
    public void checkpoint() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }
}
