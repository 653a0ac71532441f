package dev.shophealth.web;

import dev.shophealth.cancellation.CancellationQueries;
import dev.shophealth.cancellation.CancellationResponse;
import dev.shophealth.common.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A merchant's request after it was sent: the verdict, what the rules found and what to do, in plain words. */
@Path("/shop/{shopId}/requests/{id}")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class RequestPage {

    @Inject
    Pages pages;
    @Inject
    CancellationQueries queries;
    @Inject
    @Location("web/shop/request.html")
    Template request;

    @GET
    @Operation(hidden = true)
    public Response show(@PathParam("shopId") String shopId, @PathParam("id") String id) {
        Optional<Response> gate = pages.shopGate(shopId, false);
        if (gate.isPresent()) {
            return gate.get();
        }
        try {
            CancellationResponse r = queries.get(id, pages.locale(), Instant.now());
            if (!r.shopId().equals(shopId)) {
                return pages.notFound();
            }
            return pages.html(request.data("shopId", shopId).data("r", r));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return pages.notFound();
            }
            throw e;
        }
    }
}
