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
 * logistics events) in one statement of a scalar subquery each, and the shop's orders and cancellations over the
 * rule windows, as of {@code now}, exact, from the per-day counts ({@link ShopDayCountReader#read}: a sum over the
 * window's days, whatever the shop's size; it was a pass over the shop's cancellations and an order count reused
 * for 10 s). Nothing here loads a shop's history.
 */
@ApplicationScoped
public class ScreeningFacts {

    /** The evidence; the named parameters are bound by {@link #facts}. */
    private static final String FACTS = "select "
            + "(select s.counted_quantity from stock_count s where s.sku = :sku and s.counted_at <= :now "
            + "order by s.counted_at desc fetch first 1 rows only) as counted, "
            + "(select max(s.counted_at) from stock_count s where s.sku = :sku and s.counted_at <= :now) as counted_at, "
            + "(select max(i.inspected_at) from quality_inspection i where i.sku = :sku and i.result = '"
            + InspectionResult.FAIL.name() + "' and i.inspected_at <= :now) as failed, "
            + "(select max(e.occurred_at) from logistics_event e where e.order_no = :orderNo and e.occurred_at <= :now) "
            + "as order_event, "
            + "(select max(e.occurred_at) from logistics_event e where e.region = :region and e.kind = '"
            + LogisticsKind.DISRUPTION.name() + "' and e.occurred_at <= :now) as disruption";

    @Inject
    EntityManager em;

    @Inject
    ShopDayCountReader counts;

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
                .addScalar("disruption", Instant.class)
                .setParameter("sku", order.sku).setParameter("orderNo", order.orderNo)
                .setParameter("region", order.buyerRegion).setParameter("now", now)
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
        // the shop's orders and seller-caused cancellations (approved or waiting, not force majeure) per window, from
        // the per-day counts: as the requests stand now
        String ofReason = CancellationReason.valueOf(reason).name();
        long[] orders = new long[2];
        long[] all = new long[2];
        long[] sameReason = new long[2];
        Instant shortFrom = now.minus(Duration.ofDays(shortDays));
        Instant longFrom = now.minus(Duration.ofDays(longDays));
        // the third window is the one the read spans, so the earlier start of the two
        Instant earliest = longFrom.isBefore(shortFrom) ? longFrom : shortFrom;
        counts.readForScreening(order.shopId, now, new Instant[] {shortFrom, longFrom, earliest},
                (shop, metric, part, v) -> {
                    if (part != ShopDayCountReader.Part.COUNTED) {
                        return;
                    }
                    CancellationClass k = CancellationClass.of(metric);
                    if (metric.equals("orders")) {
                        orders[0] += v[0];
                        orders[1] += v[1];
                    } else if (k != null && !k.forceMajeure()) {
                        all[0] += v[0];
                        all[1] += v[1];
                        if (k.reason().equals(ofReason)) {
                            sameReason[0] += v[0];
                            sameReason[1] += v[1];
                        }
                    }
                });
        List<CancellationStatsFact> stats = List.of(
                new CancellationStatsFact(Window.SHORT, shortDays, (int) orders[0], (int) all[0] + 1, (int) sameReason[0] + 1),
                new CancellationStatsFact(Window.LONG, longDays, (int) orders[1], (int) all[1] + 1, (int) sameReason[1] + 1));
        return new Given(request, stats, null, null);
    }

    private static Integer daysSince(Instant then, Instant now) {
        return then == null ? null : (int) Math.max(0, Duration.between(then, now).toDays());
    }

    /** Whole days from {@code from} to {@code to}, rounded down: a moment before {@code from} gives -1 or less. */
    private static int daysBetween(Instant from, Instant to) {
        return (int) Math.floorDiv(Duration.between(from, to).toSeconds(), Duration.ofDays(1).toSeconds());
    }
}
