package dev.shophealth.web;

import dev.shophealth.common.PageResponse;
import dev.shophealth.shophealth.RiskLevel;
import dev.shophealth.shophealth.ShopsHealthService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Every shop by risk, for reviewers: highest score first, filtered by level, each linking to its dashboard. */
@Path("/review/shops")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ShopsPage {

    static final int PAGE_SIZE = 20;

    @Inject
    Pages pages;
    @Inject
    ShopsHealthService shops;
    @Inject
    @Location("web/review/shops.html")
    Template list;

    @GET
    @Operation(hidden = true)
    public Response list(@QueryParam("level") String level, @QueryParam("page") String page) {
        if (!pages.signedIn()) {
            return Pages.toLogin();
        }
        if (!pages.reviewer()) {
            return pages.notFound();
        }
        RiskLevel l = RecordsPage.enumOrNull(RiskLevel.class, level);
        PageResponse<ShopsHealthService.ShopRisk> found = shops.list(l, ShopsHealthService.SortBy.riskScore,
                Paging.page(page), PAGE_SIZE, Instant.now());
        return pages.html(list.data("found", found).data("pager", Paging.of(found, "shops"))
                .data("base", pages.baseQuery()).data("level", l == null ? "" : l.name())
                .data("levels", Arrays.stream(RiskLevel.values()).map(Enum::name).toList()));
    }
}
