package dev.shophealth.web;

import dev.shophealth.cancellation.CancellationQueries;
import dev.shophealth.cancellation.CancellationResponse;
import dev.shophealth.cancellation.ReviewRequest;
import dev.shophealth.cancellation.ReviewService;
import dev.shophealth.common.ProblemException;
import dev.shophealth.order.OrderDetailResponse;
import dev.shophealth.order.OrderService;
import dev.shophealth.shophealth.HealthReport;
import dev.shophealth.shophealth.ShopHealthService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * One request for a reviewer: the merchant's claims beside the platform's evidence, the findings, the rules that
 * fired and those considered that did not, the shop's current risk, the buyer contact; approve or reject with a
 * note. The first decision wins (the service locks the request); a later one sees who decided and when.
 */
@Path("/review/requests/{id}")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ReviewRequestPage {

    @Inject
    Pages pages;
    @Inject
    CancellationQueries queries;
    @Inject
    ReviewService reviews;
    @Inject
    OrderService orders;
    @Inject
    ShopHealthService health;
    @Inject
    @Location("web/review/request.html")
    Template page;

    @GET
    @Operation(hidden = true)
    public Response show(@PathParam("id") String id, @QueryParam("decided") String decided) {
        if (!pages.signedIn()) {
            return Pages.toLogin();
        }
        return pages.reviewer() ? render(id, decided != null, null, 200) : pages.notFound();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response decide(@PathParam("id") String id, @FormParam("verdict") String verdict,
            @FormParam("note") String note) {
        if (!pages.signedIn()) {
            return Pages.toLogin();
        }
        if (!mayDecide()) {
            return pages.notFound();
        }
        try {
            reviews.review(id, new ReviewRequest(verdict, note == null || note.isBlank() ? null : note),
                    pages.locale(), Instant.now());
            return Pages.redirect("/review/requests/" + id + "?decided=1");
        } catch (ProblemException e) {
            return refused(id, e);
        }
    }

    /** Claims the request for the signed-in reviewer ({@code release=1} gives the claim up). */
    @POST
    @Path("/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response claim(@PathParam("id") String id, @FormParam("release") String release) {
        if (!pages.signedIn()) {
            return Pages.toLogin();
        }
        if (!mayDecide()) {
            return pages.notFound();
        }
        try {
            if (release != null) {
                reviews.release(id, pages.locale(), Instant.now());
            } else {
                reviews.claim(id, pages.locale(), Instant.now());
            }
            return Pages.redirect("/review/requests/" + id);
        } catch (ProblemException e) {
            return refused(id, e);
        }
    }

    private boolean mayDecide() {
        return pages.reviewer() && (pages.hasRole("REVIEWER") || pages.hasRole("ADMIN"));
    }

    /** The page again with why the service refused: decided first, claimed by another, a note needed. */
    private Response refused(String id, ProblemException e) {
        if (e.status() == 404) {
            return pages.notFound();
        }
        String why;
        if (e.status() == 409) {
            // decided or claimed by someone else meanwhile: the page shows who and when
            boolean stillPending;
            try {
                stillPending = queries.get(id, pages.locale(), Instant.now()).status().name().equals("PENDING_REVIEW");
            } catch (ProblemException gone) {
                return pages.notFound();
            }
            why = pages.m().get(stillPending ? "rr.claimedByOther" : "review.decidedFirst");
        } else if (e.errors() != null && e.errors().stream().anyMatch(f -> "note".equals(f.field()))) {
            why = pages.m().get("rr.noteRequired");
        } else {
            why = e.toProblem().detail();
        }
        return render(id, false, why, e.status());
    }

    private Response render(String id, boolean decided, String problem, int status) {
        CancellationResponse r;
        try {
            r = queries.get(id, pages.locale(), Instant.now());
        } catch (ProblemException e) {
            return pages.notFound();
        }
        OrderDetailResponse order = orders.detail(r.orderNo());
        HealthReport shop = health.report(r.shopId(), Instant.now(), ShopHealthService.Recording.ON_CHANGE, pages.locale());
        String me = pages.ctx().user();
        boolean mine = r.claim() != null && r.claim().reviewer().equals(me);
        boolean othersClaim = r.claim() != null && !mine;
        return pages.html(status, page.data("r", r).data("o", order.order()).data("evidence", order.evidence())
                .data("claimMine", mine).data("claimOthers", othersClaim)
                .data("shop", shop).data("decided", decided).data("problem", problem)
                .data("pending", r.status().name().equals("PENDING_REVIEW")));
    }
}
