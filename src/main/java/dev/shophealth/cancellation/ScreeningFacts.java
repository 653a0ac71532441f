package dev.shophealth.cancellation;

import dev.shophealth.common.SqlLists;
import dev.shophealth.fact.CancellationRequestFact;
import dev.shophealth.fact.CancellationStatsFact;
import dev.shophealth.fact.Given;
import dev.shophealth.fact.Parameters;
import dev.shophealth.fact.Window;
import dev.shophealth.order.InspectionResult;
import dev.shophealth.order.LogisticsKind;
import dev.shophealth.order.ShopOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import org.hibernate.query.NativeQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Gathers what the rules judge a request by: the platform's evidence (latest stock count, failed inspections,
 * logistics events) and the shop's cancellation counts over the rule windows, as of {@code now}, in one SQL statement
 * (one round trip; it was seven): a scalar subquery per piece of evidence, one pass over the shop's cancellations. Nothing here loads a shop's history.
 */
@ApplicationScoped
public class ScreeningFacts {

    /** Evidence and both windows' counts; the named parameters are bound by {@link #facts}. */
    private static final String FACTS = "select "
            + "(select s.counted_quantity from stock_count s where s.sku = :sku and s.counted_at <= :now "
            + "order by s.counted_at desc fetch first 1 rows only) as counted, "
            + "(select max(s.counted_at) from stock_count s where s.sku = :sku and s.counted_at <= :now) as counted_at, "
            + "(select max(i.inspected_at) from quality_inspection i where i.sku = :sku and i.result = '"
            + InspectionResult.FAIL.name() + "' and i.inspected_at <= :now) as failed, "
            + "(select max(e.occurred_at) from logistics_event e where e.order_no = :orderNo and e.occurred_at <= :now) "
            + "as order_event, "
            + "(select max(e.occurred_at) from logistics_event e where e.region = :region and e.kind = '"
            + LogisticsKind.DISRUPTION.name() + "' and e.occurred_at <= :now) as disruption, "
            + "w.short_all, w.short_reason, w.long_all, w.long_reason from (select "
            + count(":shortFrom", "1 = 1") + " as short_all, " + count(":shortFrom", "c.reason = :reason") + " as short_reason, "
            + count(":longFrom", "1 = 1") + " as long_all, " + count(":longFrom", "c.reason = :reason") + " as long_reason "
            // one pass over the shop's cancellations of the longer window counts both windows
            + "from cancellation_request c where c.shop_id = :shop and c.submitted_at > :windowsFrom "
            + "and c.submitted_at <= :now and c.status in " + SqlLists.in(CancellationStatus.SELLER_CANCELLING)
            + " and c.force_majeure = false) w";

    /** Seller-caused cancellations since {@code from} that meet {@code condition}, within the pass over both windows. */
    private static String count(String from, String condition) {
        return "coalesce(sum(case when c.submitted_at > " + from + " and " + condition + " then 1 else 0 end), 0)";
    }

    @Inject
    EntityManager em;

    @Inject
    WindowOrderCounts orderCounts;

    /**
     * The request as the rules see it, and the short and long windows with this request counted as a seller-caused
     * cancellation of its reason. The stock judged by is the merchant's declared count, else the platform's latest
     * count when it is recent enough ({@code stockCountMaxAgeDays}); the platform's latest count is given apart, so a
     * declaration it contradicts is found. Evidence dates are placed on the order's timeline.
     */
    Given facts(ShopOrder order, CancellationRequest r, Parameters p, Instant now) {
        String reason = r.reason().strip();
        int shortDays = p.days(Window.SHORT);
        int longDays = p.days(Window.LONG);
        Object[] row = (Object[]) em.createNativeQuery(FACTS).unwrap(NativeQuery.class)
                .addScalar("counted", Integer.class).addScalar("counted_at", Instant.class)
                .addScalar("failed", Instant.class).addScalar("order_event", Instant.class)
                .addScalar("disruption", Instant.class).addScalar("short_all", Long.class)
                .addScalar("short_reason", Long.class).addScalar("long_all", Long.class)
                .addScalar("long_reason", Long.class)
                .setParameter("sku", order.sku).setParameter("orderNo", order.orderNo)
                .setParameter("region", order.buyerRegion).setParameter("shop", order.shopId)
                .setParameter("reason", CancellationReason.valueOf(reason).name())
                .setParameter("shortFrom", now.minus(Duration.ofDays(shortDays)))
                .setParameter("longFrom", now.minus(Duration.ofDays(longDays)))
                .setParameter("windowsFrom", now.minus(Duration.ofDays(Math.max(shortDays, longDays))))
                .setParameter("now", now)
                .getSingleResult();
        Integer counted = (Integer) row[0];
        Instant countedAt = (Instant) row[1];
        Instant failed = (Instant) row[2];
        Instant orderEvent = (Instant) row[3];
        Instant disruption = (Instant) row[4];
        CancellationRequest.Evidence evidence = r.evidence() == null
                ? new CancellationRequest.Evidence(null, null, null) : r.evidence();
        Integer countAge = countedAt == null ? null : daysSince(countedAt, now);
        Integer recentCount = countedAt != null && countAge <= p.stockCountMaxAgeDays() ? counted : null;
        Integer warehouse = evidence.warehouseStock() != null ? evidence.warehouseStock() : recentCount;
        CancellationRequestFact request = new CancellationRequestFact(order.orderNo, order.shopId, reason, r.detail(),
                order.quantity, order.listedStockAtOrder, warehouse, daysSince(failed, now), daysSince(orderEvent, now),
                daysSince(disruption, now), r.buyerContact() != null, countedAt == null ? null : counted,
                countAge, failed == null ? null : daysBetween(failed, order.placedAt),
                disruption == null ? null : daysBetween(order.placedAt, disruption),
                r.buyerContact() == null ? null : r.buyerContact().summary(),
                r.buyerContact() != null && r.buyerContact().compensation() != null);
        List<CancellationStatsFact> stats = List.of(
                window(Window.SHORT, shortDays, order.shopId, now, (Long) row[5], (Long) row[6]),
                window(Window.LONG, longDays, order.shopId, now, (Long) row[7], (Long) row[8]));
        return new Given(request, stats, null, null);
    }

    /** A window's counts, this request added as one more cancellation of its reason. */
    private CancellationStatsFact window(Window name, int days, String shopId, Instant now, long all, long ofReason) {
        long orders = orderCounts.orders(shopId, days, now);
        return new CancellationStatsFact(name, days, (int) orders, (int) all + 1, (int) ofReason + 1);
    }

    private static Integer daysSince(Instant then, Instant now) {
        return then == null ? null : (int) Math.max(0, Duration.between(then, now).toDays());
    }

    /** Whole days from {@code from} to {@code to}, rounded down: a moment before {@code from} gives -1 or less. */
    private static int daysBetween(Instant from, Instant to) {
        return (int) Math.floorDiv(Duration.between(from, to).toSeconds(), Duration.ofDays(1).toSeconds());
    }
}
