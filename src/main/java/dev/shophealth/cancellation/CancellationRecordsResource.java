package dev.shophealth.cancellation;

import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import dev.shophealth.common.Languages;
import dev.shophealth.common.Params;
import dev.shophealth.common.ProblemException;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A shop's cancellation records, as the guide asks merchants to keep them, for a spreadsheet. */
@Path("/api/shops/{shopId}/cancellations.csv")
@RolesAllowed({Roles.MERCHANT, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
public class CancellationRecordsResource {

    @Inject
    CancellationQueries queries;

    @Inject
    dev.shophealth.common.ShopHealthConfig config;

    @GET
    @Produces("text/csv")
    @Operation(summary = "Every cancellation request of the shop: reason, times, verdict, who decided, buyer contact",
            description = "Column names in the request's language (Accept-Language: zh-CN or en), times in the "
                    + "platform's zone with their offset, the handling time in minutes. 'from' and 'to' (an instant, "
                    + "or a day in the platform's zone; 'to' includes its whole day) keep the requests submitted "
                    + "between them.")
    public Response records(@PathParam("shopId") String shopId, @QueryParam("from") String from,
            @QueryParam("to") String to, @Context HttpHeaders headers) {
        Instant start = Params.instant("from", from, false, config.zone());
        Instant end = Params.instant("to", to, true, config.zone());
        if (start != null && end != null && start.isAfter(end)) {
            throw ProblemException.badRequest("from", "must not be after 'to'");
        }
        return Response.ok(queries.records(shopId, Languages.pick(headers), config.zone(), start, end),
                "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + shopId + "-cancellations.csv\"").build();
    }
}
