package dev.shophealth.web;

import dev.shophealth.cancellation.CancellationQueries;
import dev.shophealth.cancellation.CancellationReason;
import dev.shophealth.cancellation.CancellationResponse;
import dev.shophealth.common.PageResponse;
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
import java.util.Arrays;
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

    /** A line of the queue. */
    @TemplateData
    public record Item(CancellationResponse request, BigDecimal amount, String product, RiskLevel shopLevel) {
    }

    @Inject
    Pages pages;
    @Inject
    CancellationQueries queries;
    @Inject
    ShopsHealthService shops;
    @Inject
    @Location("web/review/queue.html")
    Template queue;

    @GET
    @Operation(hidden = true)
    @jakarta.transaction.Transactional
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
        // the shops' risk levels: with a level filter, of every shop with a waiting request; without, of the page's
        Map<String, RiskLevel> levels = l == null ? null : shops.levels(queries.waitingShops(), now);
        List<String> atLevel = l == null ? null : levels.entrySet().stream().filter(e -> e.getValue() == l)
                .map(Map.Entry::getKey).toList();
        int p = Paging.page(page);
        PageResponse<CancellationQueries.QueueRow> found = queries.queue(
                new CancellationQueries.QueueFilter(r, shopId, atLevel, low, high), p, PAGE_SIZE, pages.locale(), now);
        Map<String, RiskLevel> shown = levels != null ? levels : shops.levels(
                found.items().stream().map(row -> row.request().shopId()).distinct().toList(), now);
        List<Item> items = found.items().stream().map(row -> new Item(row.request(), row.amount(),
                row.productName() == null ? "" : row.productName(), shown.get(row.request().shopId()))).toList();
        long total = queries.waiting();
        return pages.html(queue.data("items", items).data("total", total).data("matching", found.total())
                .data("pager", Paging.of(p, PAGE_SIZE, found.total())).data("base", pages.baseQuery())
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

    /** An amount of the filter, or null (no bound) when absent, unreadable or not an amount an order can have. */
    private static BigDecimal amount(String text) {
        try {
            BigDecimal amount = text == null || text.isBlank() ? null : new BigDecimal(text.strip());
            // numeric(14, 2): at most 12 digits before the point and 2 after
            return amount == null || amount.scale() > 2 || amount.precision() - amount.scale() > 12 ? null : amount;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
