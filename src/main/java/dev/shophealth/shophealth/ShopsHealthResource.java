package dev.shophealth.shophealth;

import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.shophealth.common.PageResponse;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
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
    public PageResponse<ShopsHealthService.ShopRisk> list(@QueryParam("level") RiskLevel level,
            @QueryParam("sort") @DefaultValue("riskScore") ShopsHealthService.SortBy sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return shops.list(level, sort, page, size, Instant.now());
    }
}
