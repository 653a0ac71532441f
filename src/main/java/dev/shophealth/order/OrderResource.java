package dev.shophealth.order;

import dev.shophealth.common.ShopHealthConfig;
import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.shophealth.common.PageResponse;
import dev.shophealth.common.Params;
import dev.shophealth.common.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Order lookup: find an order by number, time or product name, and see its evidence. */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MERCHANT, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
public class OrderResource {

    @Inject
    OrderService orders;

    @Inject
    ShopHealthConfig config;

    @GET
    @Operation(summary = "Find orders, newest first",
            description = "Dates without a time are days in the platform's time zone; 'to' is inclusive of that day.")
    public PageResponse<OrderResponse> search(@QueryParam("shopId") String shopId,
            @QueryParam("orderNo") String orderNo,
            @Parameter(description = "2026-11-01 or 2026-11-01T00:00:00+08:00") @QueryParam("from") String from,
            @Parameter(description = "2026-11-30 or an instant (exclusive)") @QueryParam("to") String to,
            @Parameter(description = "case-insensitive part of the product name") @QueryParam("product") String product,
            @QueryParam("status") OrderStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var search = new OrderSearch(Params.trimmed(shopId), Params.trimmed(orderNo),
                Params.instant("from", from, false, config.zone()), Params.instant("to", to, true, config.zone()),
                Params.trimmed(product), status, page, size);
        if (search.from() != null && search.to() != null && search.from().isAfter(search.to())) {
            throw ProblemException.badRequest("from", "must not be after 'to'");
        }
        return orders.search(search);
    }

    @GET
    @Path("/{orderNo}")
    @Operation(summary = "One order with its evidence (stock counts, inspections, logistics events) and feedback")
    public OrderDetailResponse get(@PathParam("orderNo") String orderNo) {
        return orders.detail(orderNo);
    }
}
