package dev.shophealth.shophealth;

import dev.shophealth.cancellation.BuyerContact;
import dev.shophealth.cancellation.Cancellation;
import dev.shophealth.order.Complaint;
import dev.shophealth.order.LogisticsEvent;
import dev.shophealth.order.Product;
import dev.shophealth.order.QualityInspection;
import dev.shophealth.order.Review;
import dev.shophealth.order.ShopOrder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A stored shop's whole history in the shape of {@code POST /api/evaluate}, read straight from the tables. */
final class Histories {

    private Histories() {
    }

    static Map<String, Object> of(String shopId, OffsetDateTime asOf) {
        List<ShopOrder> orders = ShopOrder.list("shopId", shopId);
        Set<String> orderNos = orders.stream().map(o -> o.orderNo).collect(Collectors.toSet());
        List<Cancellation> requests = Cancellation.list("shopId", shopId);
        Set<String> skus = Product.<Product>list("shopId", shopId).stream().map(p -> p.sku).collect(Collectors.toSet());
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("shop", Map.of("id", shopId));
        h.put("asOf", asOf.toString());
        h.put("orders", orders.stream().map(o -> Map.of("orderNo", o.orderNo, "sku", o.sku, "placedAt", t(o.placedAt)))
                .toList());
        h.put("cancellationRequests", requests.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("orderNo", r.orderNo);
            m.put("reason", r.reason.name());
            m.put("submittedAt", t(r.submittedAt));
            m.put("status", r.status.name());
            m.put("decidedAt", r.decidedAt == null ? null : t(r.decidedAt));
            m.put("forceMajeure", r.forceMajeure);
            return m;
        }).toList());
        h.put("buyerContacts", requests.stream().map(r -> BuyerContact.<BuyerContact>findById(r.id))
                .filter(c -> c != null).map(c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("orderNo", Cancellation.<Cancellation>findById(c.requestId).orderNo);
                    m.put("contactedAt", t(c.contactedAt));
                    m.put("compensationType", c.compensationType);
                    return m;
                }).toList());
        h.put("reviews", Review.<Review>listAll().stream().filter(r -> orderNos.contains(r.orderNo))
                .map(r -> Map.of("orderNo", r.orderNo, "stars", r.stars, "reviewedAt", t(r.reviewedAt))).toList());
        h.put("complaints", Complaint.<Complaint>listAll().stream().filter(c -> orderNos.contains(c.orderNo))
                .map(c -> Map.of("orderNo", c.orderNo, "complainedAt", t(c.complainedAt))).toList());
        h.put("inspections", QualityInspection.<QualityInspection>listAll().stream().filter(i -> skus.contains(i.sku))
                .map(i -> Map.of("sku", i.sku, "result", i.result.name(), "inspectedAt", t(i.inspectedAt))).toList());
        h.put("logisticsEvents", LogisticsEvent.<LogisticsEvent>listAll().stream()
                .filter(e -> e.orderNo != null && orderNos.contains(e.orderNo))
                .map(e -> Map.of("orderNo", e.orderNo, "kind", e.kind.name(), "occurredAt", t(e.occurredAt))).toList());
        return h;
    }

    private static String t(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(8)).toString();
    }
}
