package dev.shophealth.cancellation;

import dev.shophealth.fact.CancellationRequestFact;
import dev.shophealth.fact.CancellationStatsFact;
import dev.shophealth.fact.Parameters;
import dev.shophealth.fact.Window;
import dev.shophealth.order.InspectionResult;
import dev.shophealth.order.LogisticsEvent;
import dev.shophealth.order.LogisticsKind;
import dev.shophealth.order.QualityInspection;
import dev.shophealth.order.ShopOrder;
import dev.shophealth.order.StockCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Gathers what the rules judge a request by: the platform's evidence (latest stock count, failed inspections,
 * logistics events) and the shop's cancellation counts over the rule windows, by aggregate queries as of
 * {@code now}. Nothing here loads a shop's history.
 */
@ApplicationScoped
public class ScreeningFacts {

    @Inject
    EntityManager em;

    @Inject
    WindowOrderCounts orderCounts;

    /**
     * The request as the rules see it. The stock judged by is the merchant's declared count, else the platform's
     * latest count when it is recent enough ({@code stockCountMaxAgeDays}); the platform's latest count is given
     * apart, so a declaration it contradicts is found. Evidence dates are placed on the order's timeline.
     */
    CancellationRequestFact request(ShopOrder order, CancellationRequest r, Parameters p, Instant now) {
        CancellationRequest.Evidence evidence = r.evidence() == null
                ? new CancellationRequest.Evidence(null, null, null) : r.evidence();
        StockCount count = latestCount(order.sku, now);
        Integer countAge = count == null ? null : daysSince(count.countedAt, now);
        Integer recentCount = count != null && countAge <= p.stockCountMaxAgeDays() ? count.countedQuantity : null;
        Integer warehouse = evidence.warehouseStock() != null ? evidence.warehouseStock() : recentCount;
        Instant failed = latest("select max(i.inspectedAt) from QualityInspection i where i.sku = ?1 "
                + "and i.result = ?2 and i.inspectedAt <= ?3", order.sku, InspectionResult.FAIL, now);
        Instant orderEvent = latest("select max(e.occurredAt) from LogisticsEvent e where e.orderNo = ?1 "
                + "and e.occurredAt <= ?2", order.orderNo, now);
        Instant disruption = latest("select max(e.occurredAt) from LogisticsEvent e where e.region = ?1 "
                + "and e.kind = ?2 and e.occurredAt <= ?3", order.buyerRegion, LogisticsKind.DISRUPTION, now);
        return new CancellationRequestFact(order.orderNo, order.shopId, r.reason().strip(), r.detail(), order.quantity,
                order.listedStockAtOrder, warehouse, daysSince(failed, now), daysSince(orderEvent, now),
                daysSince(disruption, now), r.buyerContact() != null, count == null ? null : count.countedQuantity,
                countAge, failed == null ? null : daysBetween(failed, order.placedAt),
                disruption == null ? null : daysBetween(order.placedAt, disruption),
                r.buyerContact() == null ? null : r.buyerContact().summary(),
                r.buyerContact() != null && r.buyerContact().compensation() != null);
    }

    /** The short and long windows, this request counted as a seller-caused cancellation of its reason. */
    List<CancellationStatsFact> stats(String shopId, String reason, Parameters p, Instant now) {
        return List.of(window(Window.SHORT, p.days(Window.SHORT), shopId, reason, now),
                window(Window.LONG, p.days(Window.LONG), shopId, reason, now));
    }

    private CancellationStatsFact window(Window name, int days, String shopId, String reason, Instant now) {
        Instant from = now.minus(Duration.ofDays(days));
        long orders = orderCounts.orders(shopId, days, now);
        Object[] cancellations = em.createQuery("select count(c), coalesce(sum(case when c.reason = ?4 then 1 else 0 end), 0) "
                + "from Cancellation c where c.shopId = ?1 and c.submittedAt > ?2 and c.submittedAt <= ?3 "
                + "and c.status in ?5 and c.forceMajeure = false", Object[].class).setParameter(1, shopId).setParameter(2, from)
                .setParameter(3, now).setParameter(4, CancellationReason.valueOf(reason))
                .setParameter(5, CancellationStatus.SELLER_CANCELLING).getSingleResult();
        return new CancellationStatsFact(name, days, (int) orders, ((Number) cancellations[0]).intValue() + 1,
                ((Number) cancellations[1]).intValue() + 1);
    }

    private StockCount latestCount(String sku, Instant now) {
        return StockCount.<StockCount>find("sku = ?1 and countedAt <= ?2 order by countedAt desc", sku, now)
                .firstResult();
    }

    private Instant latest(String query, Object... params) {
        var q = em.createQuery(query, Instant.class);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getSingleResult();
    }

    private static Integer daysSince(Instant then, Instant now) {
        return then == null ? null : (int) Math.max(0, Duration.between(then, now).toDays());
    }

    /** Whole days from {@code from} to {@code to}, rounded down: a moment before {@code from} gives -1 or less. */
    private static int daysBetween(Instant from, Instant to) {
        return (int) Math.floorDiv(Duration.between(from, to).toSeconds(), Duration.ofDays(1).toSeconds());
    }
}
