package dev.shophealth.cancellation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.shophealth.common.Languages;
import dev.shophealth.common.PageResponse;
import dev.shophealth.common.Params;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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

    /** The seed's example request (data/examples/cancel-seed-order.json). */
    static final String SEED = "{\"orderNo\": \"DY1002009999\", \"reason\": \"OUT_OF_STOCK\", \"detail\": "
            + "\"后台显示库存10件，仓库实际只有5件 The back office showed 10, the warehouse has 5\", \"evidence\": "
            + "{\"warehouseStock\": 5}, \"buyerContact\": {\"channel\": \"PHONE\", \"contactedAt\": "
            + "\"2026-11-25T10:00:00+08:00\", \"summary\": \"已致电买家说明缺货并致歉，赠送10元优惠券 Called the "
            + "buyer, explained, apologised, gave a coupon\", \"compensation\": {\"type\": \"COUPON\", "
            + "\"amount\": 10.00}}}";

    @POST
    @RolesAllowed({Roles.MERCHANT, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request to cancel the shipment of an order; screened at once by the active rules",
            description = "APPROVE cancels the order and refunds the buyer; REJECT ends the request; MANUAL_REVIEW "
                    + "puts it in the reviewer queue. The same Idempotency-Key with the same body replays the "
                    + "first answer; with another body it is refused (422).")
    @APIResponse(responseCode = "201", description = "Screened and stored (or, with Idempotent-Replayed: true, the "
            + "first answer to this Idempotency-Key replayed)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CancellationResponse.class)))
    public Response submit(@HeaderParam("Idempotency-Key") String key, @RequestBody(content = @Content(
            mediaType = "application/json", examples = @ExampleObject(name = "seed", summary = "The guide's example: "
                    + "listed 10, counted 5, ordered 8 (data/examples/cancel-seed-order.json)",
                    value = SEED))) CancellationRequest body,
            @Context HttpHeaders headers) {
        var submitted = service.submit(key, body, Languages.pick(headers), Instant.now());
        return Response.created(URI.create("/api/cancellations/" + submitted.response().id()))
                .header("Idempotent-Replayed", submitted.replayed()).entity(submitted.response()).build();
    }

    @GET
    @Operation(summary = "The reviewer queue and request history, oldest first, with each item's waiting time")
    public PageResponse<CancellationResponse> list(@QueryParam("status") CancellationStatus status,
            @QueryParam("shopId") String shopId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size, @Context HttpHeaders headers) {
        return queries.list(status, Params.trimmed(shopId), page, size, Languages.pick(headers), Instant.now());
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
    @Operation(summary = "A reviewer approves or rejects a PENDING_REVIEW request (409 otherwise, or while another "
            + "reviewer's claim holds); a note is required to decide against the screening's suggestedVerdict")
    public CancellationResponse review(@PathParam("id") String id, ReviewRequest review, @Context HttpHeaders headers) {
        return reviews.review(id, review, Languages.pick(headers), Instant.now());
    }

    @POST
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Path("/{id}/claim")
    @Operation(summary = "A reviewer claims a PENDING_REVIEW request for shophealth.review.claim (15 minutes): "
            + "meanwhile no other reviewer may claim or decide it (409 naming who holds it); claiming again extends")
    public CancellationResponse claim(@PathParam("id") String id, @Context HttpHeaders headers) {
        return reviews.claim(id, Languages.pick(headers), Instant.now());
    }

    @DELETE
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Path("/{id}/claim")
    @Operation(summary = "The reviewer holding a claim gives it up (409 if another reviewer holds it)")
    public CancellationResponse release(@PathParam("id") String id, @Context HttpHeaders headers) {
        return reviews.release(id, Languages.pick(headers), Instant.now());
    }
}
