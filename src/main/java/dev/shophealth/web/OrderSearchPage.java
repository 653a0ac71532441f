package dev.shophealth.web;

import dev.shophealth.common.PageResponse;
import dev.shophealth.common.ProblemException;
import dev.shophealth.order.OrderResponse;
import dev.shophealth.order.OrderSearch;
import dev.shophealth.order.OrderService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Step 1 of cancelling a shipment: find the order by number, order date or product name. */
@Path("/shop/{shopId}/cancel")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class OrderSearchPage {

    static final int PAGE_SIZE = 20;

    @Inject
    Pages pages;
    @Inject
    OrderService orders;
    @Inject
    @Location("web/shop/search.html")
    Template search;

    @GET
    @Operation(hidden = true)
    public Response search(@PathParam("shopId") String shopId, @QueryParam("orderNo") String orderNo,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("product") String product,
            @QueryParam("page") String page) {
        Optional<Response> gate = pages.shopGate(shopId, false);
        if (gate.isPresent()) {
            return gate.get();
        }
        List<String> problems = new ArrayList<>();
        Instant start = day(from, "from", problems, 0);
        Instant end = day(to, "to", problems, 1);
        int p = Paging.page(page);
        PageResponse<OrderResponse> found = null;
        if (problems.isEmpty()) {
            try {
                found = orders.search(new OrderSearch(shopId, trim(orderNo), start, end, trim(product), null, p,
                        PAGE_SIZE));
            } catch (ProblemException e) {
                problems.add(e.toProblem().detail());
            }
        }
        return pages.html(problems.isEmpty() ? 200 : 400, search.data("shopId", shopId).data("orderNo", orderNo)
                .data("from", from).data("to", to).data("product", product).data("problems", problems)
                .data("found", found).data("pager", found == null ? null : Paging.of(found, "orders"))
                .data("base", pages.baseQuery()));
    }

    /** The start of a day in the platform's zone (plus {@code plusDays}: the end of a range is exclusive). */
    private Instant day(String text, String field, List<String> problems, int plusDays) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).plusDays(plusDays).atStartOfDay(pages.fmt().zone()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(pages.text("search.badDate", java.util.Map.of("field", pages.m().get("search." + field))));
            return null;
        }
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
