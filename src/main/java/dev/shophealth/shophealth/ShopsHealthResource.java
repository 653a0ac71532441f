package dev.shophealth.shophealth;

import dev.shophealth.common.PageResponse;
import dev.shophealth.common.Params;
import dev.shophealth.common.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Every shop's risk, for reviewers and analysts: filter by level, riskiest first. */
@Path("/api/shops/health")
@Produces(MediaType.APPLICATION_JSON)
public class ShopsHealthResource {

    @Inject
    ShopsHealthService shops;

    @GET
    @Operation(summary = "Shops by risk of a rating downgrade, computed from SQL aggregates with the active ruleset")
    public PageResponse<ShopsHealthService.ShopRisk> list(@QueryParam("level") String level,
            @QueryParam("sort") String sort, @QueryParam("page") String page, @QueryParam("size") String size) {
        return shops.list(parse("level", level, RiskLevel.class), sort == null || sort.isBlank()
                ? ShopsHealthService.SortBy.riskScore : parse("sort", sort, ShopsHealthService.SortBy.class),
                Params.intInRange("page", page, 0, 0, 1_000_000), Params.intInRange("size", size, 20, 1, 200),
                Instant.now());
    }

    private static <E extends Enum<E>> E parse(String field, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
