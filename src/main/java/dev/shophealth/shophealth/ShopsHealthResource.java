package dev.shophealth.shophealth;

import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.shophealth.common.PageResponse;
import dev.shophealth.common.Params;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Every shop's risk, for reviewers and analysts: filter by level, riskiest first. */
@Path("/api/shops/health")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
public class ShopsHealthResource {

    @Inject
    ShopsHealthService shops;

    @GET
    @Operation(summary = "Shops by risk of a rating downgrade, computed from SQL aggregates with the active ruleset")
    public PageResponse<ShopsHealthService.ShopRisk> list(@QueryParam("level") String level,
            @QueryParam("sort") String sort, @QueryParam("page") String page, @QueryParam("size") String size) {
        var by = Params.enumValue("sort", sort, ShopsHealthService.SortBy.class);
        return shops.list(Params.enumValue("level", level, RiskLevel.class),
                by == null ? ShopsHealthService.SortBy.riskScore : by,
                Params.intInRange("page", page, 0, 0, 1_000_000), Params.intInRange("size", size, 20, 1, 200),
                Instant.now());
    }
}
