package dev.shophealth.cancellation;

import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A shop's cancellation records, as the guide asks merchants to keep them, for a spreadsheet. */
@Path("/api/shops/{shopId}/cancellations.csv")
@RolesAllowed({Roles.MERCHANT, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
public class CancellationRecordsResource {

    @Inject
    CancellationQueries queries;

    @GET
    @Produces("text/csv")
    @Operation(summary = "Every cancellation request of the shop: reason, times, verdict, who decided, buyer contact")
    public Response records(@PathParam("shopId") String shopId) {
        return Response.ok(queries.records(shopId), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + shopId + "-cancellations.csv\"").build();
    }
}
