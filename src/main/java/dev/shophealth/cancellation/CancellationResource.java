package dev.shophealth.cancellation;

import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.shophealth.common.Languages;
import dev.shophealth.common.PageResponse;
import dev.shophealth.common.Params;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Merchants submit cancellation requests; the rules screen them; reviewers work the queue. */
@Path("/api/cancellations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MERCHANT, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
public class CancellationResource {

    @Inject
    CancellationService service;

    @Inject
    CancellationQueries queries;

    @Inject
    ReviewService reviews;

    @POST
    @RolesAllowed({Roles.MERCHANT, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request to cancel the shipment of an order; screened at once by the active rules",
            description = "APPROVE cancels the order and refunds the buyer; REJECT ends the request; MANUAL_REVIEW "
                    + "puts it in the reviewer queue. The same Idempotency-Key with the same body replays the "
                    + "first answer; with another body it is refused (422).")
    public Response submit(@HeaderParam("Idempotency-Key") String key, CancellationRequest body,
            @Context HttpHeaders headers) {
        var submitted = service.submit(key, body, Languages.pick(headers), Instant.now());
        return Response.created(URI.create("/api/cancellations/" + submitted.response().id()))
                .header("Idempotent-Replayed", submitted.replayed()).entity(submitted.response()).build();
    }

    @GET
    @Operation(summary = "The reviewer queue and request history, oldest first, with each item's waiting time")
    public PageResponse<CancellationResponse> list(@QueryParam("status") String status,
            @QueryParam("shopId") String shopId, @QueryParam("page") String page, @QueryParam("size") String size,
            @Context HttpHeaders headers) {
        return queries.list(Params.enumValue("status", status, CancellationStatus.class), Params.trimmed(shopId), Params.intInRange("page", page, 0, 0, 1_000_000),
                Params.intInRange("size", size, 20, 1, 200), Languages.pick(headers), Instant.now());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One request with its screening")
    public CancellationResponse get(@PathParam("id") String id, @Context HttpHeaders headers) {
        return queries.get(id, Languages.pick(headers), Instant.now());
    }

    @POST
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A reviewer approves or rejects a PENDING_REVIEW request (409 otherwise)")
    public CancellationResponse review(@PathParam("id") String id, ReviewRequest review, @Context HttpHeaders headers) {
        return reviews.review(id, review, Languages.pick(headers), Instant.now());
    }
}
