package dev.shophealth.web;

import dev.shophealth.cancellation.CancellationQueries;
import dev.shophealth.cancellation.CancellationReason;
import dev.shophealth.cancellation.CancellationResponse;
import dev.shophealth.cancellation.CancellationStatus;
import dev.shophealth.common.PageResponse;
import dev.shophealth.order.OrderResponse;
import dev.shophealth.order.OrderSearch;
import dev.shophealth.order.OrderService;
import dev.shophealth.shophealth.RiskLevel;
import dev.shophealth.shophealth.ShopsHealthService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The reviewers' queue: requests waiting for a person, oldest first, with how long each has waited; filters by
 * reason, shop, the shop's risk level and the order amount; paged, with a count of what waits.
 */
@Path("/review")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ReviewQueuePage {

    static final int PAGE_SIZE = 20;
    static final int FETCH = 200;

    /** A line of the queue. */
    @TemplateData
    public record Item(CancellationResponse request, BigDecimal amount, String product, RiskLevel shopLevel) {
    }

    @Inject
    Pages pages;
    @Inject
    CancellationQueries queries;
    @Inject
    OrderService orders;
    @Inject
    ShopsHealthService shops;
    @Inject
    @Location("web/review/queue.html")
    Template queue;

    @GET
    @Operation(hidden = true)
    public Response queue(@QueryParam("reason") String reason, @QueryParam("shop") String shop,
            @QueryParam("level") String level, @QueryParam("min") String min, @QueryParam("max") String max,
            @QueryParam("page") String page) {
        if (!pages.signedIn()) {
            return Pages.toLogin();
        }
        if (!pages.reviewer()) {
            return pages.notFound();
        }
        CancellationReason r = RecordsPage.enumOrNull(CancellationReason.class, reason);
        RiskLevel l = RecordsPage.enumOrNull(RiskLevel.class, level);
        BigDecimal low = amount(min);
        BigDecimal high = amount(max);
        String shopId = OrderSearchPage.trim(shop);
        Instant now = Instant.now();
        Map<String, RiskLevel> levels = new HashMap<>();
        shops.list(null, ShopsHealthService.SortBy.shopId, 0, 100_000, now).items()
                .forEach(s -> levels.put(s.shopId(), s.riskLevel()));
        List<Item> waiting = new ArrayList<>();
        long total = 0;
        for (int p = 0;; p++) {
            PageResponse<CancellationResponse> chunk = queries.list(CancellationStatus.PENDING_REVIEW, null, p, FETCH,
                    pages.locale(), now);
            total = chunk.total();
            for (CancellationResponse c : chunk.items()) {
                if ((r == null || c.reason() == r) && (shopId == null || c.shopId().equalsIgnoreCase(shopId))
                        && (l == null || levels.get(c.shopId()) == l)) {
                    OrderResponse o = orders.search(new OrderSearch(null, c.orderNo(), null, null, null, null, 0, 1))
                            .items().stream().findFirst().orElse(null);
                    BigDecimal amount = o == null ? null : o.amount();
                    if ((low == null || amount != null && amount.compareTo(low) >= 0)
                            && (high == null || amount != null && amount.compareTo(high) <= 0)) {
                        waiting.add(new Item(c, amount, o == null ? "" : o.productName(), levels.get(c.shopId())));
                    }
                }
            }
            if ((long) (p + 1) * FETCH >= chunk.total()) {
                break;
            }
        }
        int p = Paging.page(page);
        List<Item> shown = waiting.stream().skip((long) p * PAGE_SIZE).limit(PAGE_SIZE).toList();
        return pages.html(queue.data("items", shown).data("total", total).data("matching", waiting.size())
                .data("pager", Paging.of(p, PAGE_SIZE, waiting.size())).data("base", pages.baseQuery())
                .data("reason", r == null ? "" : r.name()).data("shop", shopId == null ? "" : shopId)
                .data("level", l == null ? "" : l.name()).data("min", low == null ? "" : low.toPlainString())
                .data("max", high == null ? "" : high.toPlainString())
                .data("reasons", Arrays.stream(CancellationReason.values()).map(Enum::name).toList())
                .data("levels", Arrays.stream(RiskLevel.values()).map(Enum::name).toList()));
    }

    /** Anything under /review that is no page. */
    @GET
    @Path("{rest: .+}")
    @Operation(hidden = true)
    public Response unknown() {
        return pages.signedIn() ? pages.notFound() : Pages.toLogin();
    }

    private static BigDecimal amount(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
