package dev.shophealth.cancellation;

import dev.shophealth.security.Audit;
import dev.shophealth.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The per-day counts the health windows read ({@link ShopDayCounts}), for admins: whether they agree with the raw
 * records, and a recount from them.
 */
@Path("/api/admin/day-counts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ShopDayCountsResource {

    /** The counts' state: rows with a count, and rows that disagree with a count from the raw records. */
    public record Check(long rows, long differences) {
    }

    /** A recount: the rows written and how long it took. */
    public record Rebuilt(long rows, long millis, long differencesBefore) {
    }

    @Inject
    ShopDayCounts counts;
    @Inject
    Audit audit;

    @GET
    @Operation(summary = "Compare the per-day counts with a count from the raw records; writes nothing",
            description = "differences is the number of (shop, day, metric) rows that are missing on either side or "
                    + "hold another count, plus 1 when the reviewers' queue length is not the number of pending "
                    + "requests; 0 when the counts are right. Reads every record of the rating windows' "
                    + "tables: run it when the platform is quiet.")
    public Check check() {
        return QuarkusTransaction.requiringNew().call(() -> new Check(counts.rows(), counts.differences()));
    }

    @POST
    @Path("/rebuild")
    @Operation(summary = "Recount every shop's per-day counts (and the reviewers' queue length) from the raw records, "
            + "in one transaction",
            description = "Writes that change counts wait for it to finish and then apply to the new counts. "
                    + "differencesBefore says how many rows were wrong.")
    public Rebuilt rebuild() {
        long began = System.nanoTime();
        Rebuilt rebuilt = QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            long before = counts.differences();
            counts.rebuildAll();
            return new Rebuilt(counts.rows(), 0, before);
        });
        rebuilt = new Rebuilt(rebuilt.rows(), (System.nanoTime() - began) / 1_000_000, rebuilt.differencesBefore());
        audit.record("DAY_COUNTS_REBUILT", "day-counts", rebuilt.rows() + " rows, " + rebuilt.differencesBefore()
                + " were wrong");
        return rebuilt;
    }
}
