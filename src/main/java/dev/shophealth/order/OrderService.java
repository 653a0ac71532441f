package dev.shophealth.order;

import dev.shophealth.common.PageResponse;
import dev.shophealth.common.ProblemException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import dev.shophealth.order.ShopScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Order lookup and the evidence attached to an order. */
@ApplicationScoped
public class OrderService {

    @Inject
    ShopScope scope;

    /** How far around an order's time a regional logistics event is shown as relevant evidence. */
    static final Duration REGION_EVENT_SPAN = Duration.ofDays(30);

    @Transactional
    public PageResponse<OrderResponse> search(OrderSearch s) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        scope.restrict(s.shopId(), where, params);
        if (s.orderNo() != null) {
            where.add("orderNo = :orderNo");
            params.and("orderNo", s.orderNo());
        }
        if (s.from() != null) {
            where.add("placedAt >= :from");
            params.and("from", s.from());
        }
        if (s.to() != null) {
            where.add("placedAt < :to");
            params.and("to", s.to());
        }
        if (s.product() != null) {
            where.add("lower(productName) like :product escape '!'");
            params.and("product", "%" + escapeLike(s.product().toLowerCase(Locale.ROOT)) + "%");
        }
        if (s.status() != null) {
            where.add("status = :status");
            params.and("status", s.status());
        }
        var query = ShopOrder.<ShopOrder>find(String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where),
                Sort.descending("placedAt").and("orderNo", Sort.Direction.Descending), params)
                .page(s.page(), s.size());
        List<OrderResponse> items = query.list().stream().map(OrderResponse::of).toList();
        return new PageResponse<>(items, s.page(), s.size(), query.count());
    }

    @Transactional
    public OrderDetailResponse detail(String orderNo) {
        ShopOrder order = ShopOrder.findById(orderNo);
        if (order == null || !scope.sees(order.shopId)) {
            throw ProblemException.notFound("No order with number '" + orderNo + "'");
        }
        var stock = StockCount.<StockCount>find("sku", Sort.descending("countedAt"), order.sku).page(0, 10).list()
                .stream().map(c -> new OrderDetailResponse.StockCountView(c.countedQuantity, c.countedAt)).toList();
        var inspections = QualityInspection.<QualityInspection>find("sku", Sort.descending("inspectedAt"), order.sku)
                .page(0, 10).list().stream()
                .map(i -> new OrderDetailResponse.InspectionView(i.inspectionId, i.batch, i.result, i.defect,
                        i.inspectedAt)).toList();
        var events = LogisticsEvent.<LogisticsEvent>find(
                "orderNo = :orderNo or (region = :region and occurredAt between :from and :to)",
                Sort.ascending("occurredAt"),
                Parameters.with("orderNo", order.orderNo).and("region", order.buyerRegion)
                        .and("from", order.placedAt.minus(REGION_EVENT_SPAN))
                        .and("to", order.placedAt.plus(REGION_EVENT_SPAN)))
                .list().stream()
                .map(e -> new OrderDetailResponse.LogisticsEventView(e.eventId, e.orderNo, e.region, e.kind, e.detail,
                        e.occurredAt)).toList();
        Review review = Review.findById(orderNo);
        var complaints = Complaint.<Complaint>find("orderNo", Sort.ascending("complainedAt"), orderNo).list().stream()
                .map(c -> new OrderDetailResponse.ComplaintView(c.text, c.complainedAt)).toList();
        return new OrderDetailResponse(OrderResponse.of(order),
                new OrderDetailResponse.Evidence(stock, inspections, events),
                review == null ? null : new OrderDetailResponse.ReviewView(review.stars, review.text, review.reviewedAt),
                complaints);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
