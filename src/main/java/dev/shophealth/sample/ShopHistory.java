package dev.shophealth.sample;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** One shop's generated history: products, evidence, orders and what buyers said, following its profile. */
final class ShopHistory {

    /** The storm of the logistics profile: from this many days before the anchor ... */
    static final int STORM_FROM_DAYS = 20;
    /** ... to this many. */
    static final int STORM_TO_DAYS = 6;

    private record Product(String sku, String name, BigDecimal price, int listedStock) {
    }

    private final Random random;
    private final SampleData data;
    private final OffsetDateTime end;
    private final String shopId;
    private final ShopProfile p;
    private final List<Product> products = new ArrayList<>();
    /** When each product's failed batch was found; its orders for two weeks after may be cancelled for it. */
    private final List<FailedBatch> failedBatches = new ArrayList<>();

    private record FailedBatch(String sku, OffsetDateTime foundAt) {
        boolean affects(String orderSku, OffsetDateTime t) {
            return sku.equals(orderSku) && t.isAfter(foundAt) && t.isBefore(foundAt.plusDays(13));
        }
    }
    private int eventSeq;

    ShopHistory(Random random, SampleData data, OffsetDateTime end, String shopId, ShopProfile profile) {
        this.random = random;
        this.data = data;
        this.end = end;
        this.shopId = shopId;
        this.p = profile;
    }

    void products() {
        for (int i = 0; i < p.products().size(); i++) {
            String sku = String.format("%s-SKU-%02d", shopId, i + 1);
            BigDecimal price = BigDecimal.valueOf(p.minPrice() + random.nextInt(p.maxPrice() - p.minPrice() + 1));
            Product product = new Product(sku, p.products().get(i), price, 20 + random.nextInt(480));
            products.add(product);
            data.add("products", "sku", sku, "shopId", shopId, "name", product.name(), "listedStock",
                    product.listedStock());
        }
    }

    /** Inspections of every product every ~10 days; the quality profile's failed batches among them. */
    void inspections(int days) {
        for (Product product : products) {
            for (int d = days - 3; d > 0; d -= 10) {
                inspection(product, end.minusDays(d).withHour(10), "PASS", null);
            }
        }
        for (int i = 0; i < p.failedBatches(); i++) {
            Product product = products.get(i % products.size());
            OffsetDateTime at = end.minusDays(5 + (long) i * (days - 10) / Math.max(1, p.failedBatches())).withHour(15);
            inspection(product, at, "FAIL", SampleTexts.DEFECTS.get(i % SampleTexts.DEFECTS.size()));
            failedBatches.add(new FailedBatch(product.sku(), at));
        }
    }

    private void inspection(Product product, OffsetDateTime at, String result, String defect) {
        String day = at.toLocalDate().toString().replace("-", "");
        data.add("inspections", "inspectionId", "QI-" + product.sku() + "-" + day + "-" + result.charAt(0),
                "sku", product.sku(), "batch", "B" + day + result.charAt(0), "result", result,
                "defect", defect, "inspectedAt", at);
    }

    /** The logistics profile's storm: a regional disruption, reported again every few days while it lasts. */
    void disruption() {
        if (!p.regionTrouble()) {
            return;
        }
        for (int d = STORM_FROM_DAYS, n = 1; d > STORM_TO_DAYS; d -= 4, n++) {
            data.add("logistics-events", "eventId", "LE-" + shopId + "-STORM-" + n, "orderNo", null,
                    "region", SampleGenerator.STORM_REGION, "kind", "DISRUPTION",
                    "detail", n == 1 ? SampleTexts.STORM : SampleTexts.STORM_GOES_ON,
                    "occurredAt", end.minusDays(d).withHour(6));
        }
    }

    void order(String orderNo, OffsetDateTime placed) {
        Product product = products.get(random.nextInt(products.size()));
        int qty = random.nextDouble() < 0.8 ? 1 : 2 + random.nextInt(2);
        boolean storm = p.regionTrouble() && random.nextDouble() < 0.3 && inStorm(placed);
        String region = storm ? SampleGenerator.STORM_REGION
                : SampleGenerator.REGIONS.get(random.nextInt(SampleGenerator.REGIONS.size()));
        String reason = cancellationReason(product, placed, region);
        int listed = product.listedStock() + random.nextInt(20);
        // an order to be cancelled still awaits shipment: the loader's screening cancels it
        OrderTimeline t = reason != null ? OrderTimeline.awaiting()
                : OrderTimeline.of(random, placed, end, storm ? Duration.ofDays(3 + random.nextInt(4)) : Duration.ZERO);
        if (storm && reason == null && random.nextDouble() < 0.08) {
            t = OrderTimeline.lost(placed.plusHours(12));
        }
        data.add("orders", "orderNo", orderNo, "shopId", shopId, "sku", product.sku(), "productName", product.name(),
                "quantity", qty, "amount", product.price().multiply(BigDecimal.valueOf(qty)).setScale(2),
                "buyerId", String.format("B-%05d", random.nextInt(100_000)), "buyerRegion", region, "placedAt", placed,
                "status", t.status(), "shippedAt", t.shippedAt(), "deliveredAt", t.deliveredAt(),
                "listedStockAtOrder", listed);
        if (reason != null) {
            cancelled(orderNo, product, placed, qty, reason);
        } else if (p.stockGap() > 0 && placed.isAfter(end.minusHours(36)) && random.nextDouble() < 0.15) {
            // claims "out of stock" although a fresh warehouse count covers the order: the rules reject it
            OffsetDateTime at = placed.plusHours(1 + random.nextInt(8));
            at = at.isAfter(end) ? end.minusMinutes(31) : at;
            data.add("stock-counts", "sku", product.sku(), "countedQuantity", qty + 3 + random.nextInt(10),
                    "countedAt", at.minusMinutes(30));
            request(orderNo, "OUT_OF_STOCK", at, false);
        } else if (storm) {
            logistics(orderNo, t.lost() ? "LOST" : "DELAY", placed.plusDays(2));
        }
        feedback(orderNo, placed, t, reason != null, storm);
    }

    private String cancellationReason(Product product, OffsetDateTime placed, String region) {
        double r = random.nextDouble();
        if (p.regionTrouble() && region.equals(SampleGenerator.STORM_REGION) && inStorm(placed)) {
            return r < 0.25 ? "LOGISTICS_EXCEPTION" : null;
        }
        if (failedBatches.stream().anyMatch(b -> b.affects(product.sku(), placed))) {
            return r < 0.35 ? "QUALITY_ISSUE" : null;
        }
        if (r >= p.cancelRate()) {
            return null;
        }
        return random.nextDouble() < 0.85 ? p.cancelReason() : "OTHER";
    }

    private void cancelled(String orderNo, Product product, OffsetDateTime placed, int qty, String reason) {
        OffsetDateTime requested = placed.plusHours(2 + random.nextInt(20));
        requested = requested.isAfter(end) ? end.minusMinutes(31) : requested;
        if (reason.equals("OUT_OF_STOCK")) {
            // the warehouse had fewer than ordered although the back office listed enough
            int counted = Math.max(0, qty - 1 - random.nextInt(Math.max(1, p.stockGap())));
            data.add("stock-counts", "sku", product.sku(), "countedQuantity", counted,
                    "countedAt", requested.minusMinutes(30));
        }
        request(orderNo, reason, requested, random.nextDouble() < p.contactRate());
    }

    private void request(String orderNo, String reason, OffsetDateTime requested, boolean contacted) {
        OffsetDateTime at = requested.isAfter(end) ? end.minusMinutes(1 + random.nextInt(30)) : requested;
        data.cancellations().add(new PlannedCancellation(orderNo, shopId, reason, contacted, at));
        boolean coupon = random.nextBoolean();
        data.add(SampleData.REQUESTS, "orderNo", orderNo, "reason", reason,
                "detail", reason.equals("OTHER") ? SampleTexts.otherDetail(random) : null, "submittedAt", at,
                "contactChannel", contacted ? (random.nextBoolean() ? "PLATFORM_MESSAGE" : "PHONE") : null,
                "contactedAt", contacted ? at.minusMinutes(10 + random.nextInt(50)) : null,
                "contactSummary", contacted ? SampleTexts.contactSummary(reason) : null,
                "compensationType", contacted ? (coupon ? "COUPON" : "ALTERNATIVE_PRODUCT") : null,
                "compensationAmount", contacted && coupon ? new BigDecimal(5 + 5 * random.nextInt(4)).setScale(2) : null);
    }

    private void logistics(String orderNo, String kind, OffsetDateTime at) {
        data.add("logistics-events", "eventId", String.format("LE-%s-%05d", shopId, ++eventSeq), "orderNo", orderNo,
                "region", null, "kind", kind, "detail", kind.equals("LOST") ? SampleTexts.LOST : SampleTexts.DELAY,
                "occurredAt", at);
    }

    private void feedback(String orderNo, OffsetDateTime placed, OrderTimeline t, boolean cancelled, boolean storm) {
        if (t.deliveredAt() != null && random.nextDouble() < p.reviewRate()) {
            double mean = p.meanStars() - (storm ? 1.5 : 0);
            int stars = (int) Math.max(1, Math.min(5, Math.round(mean + random.nextGaussian() * 0.9)));
            data.add("reviews", "orderNo", orderNo, "stars", stars, "text", SampleTexts.review(p, stars),
                    "reviewedAt", t.deliveredAt().plusHours(6 + random.nextInt(72)));
        }
        double complaintChance = p.complaintRate() + (cancelled ? 0.25 : 0) + (storm || t.lost() ? 0.2 : 0);
        if (random.nextDouble() < complaintChance) {
            data.add("complaints", "orderNo", orderNo, "text", SampleTexts.complaint(p, cancelled, storm || t.lost()),
                    "complainedAt", placed.plusDays(1 + random.nextInt(5)).plusMinutes(random.nextInt(600)));
        }
    }

    /** Weekly stock counts; a stock-sync shop's warehouse holds less than its back office lists. */
    void stockCounts(int days) {
        for (Product product : products) {
            for (int d = days - 1; d >= 2; d -= 7) {
                int gap = p.stockGap() == 0 ? 0 : p.stockGap() + random.nextInt(p.stockGap() * 2);
                data.add("stock-counts", "sku", product.sku(), "countedQuantity",
                        Math.max(0, product.listedStock() - gap), "countedAt", end.minusDays(d).withHour(21));
            }
        }
    }

    /**
     * The seed's example, a product of its own so the README's search finds exactly it: the back office lists 10,
     * the warehouse counted 5, an order for 8 waits to ship.
     */
    void seedExample(String orderNo) {
        String sku = String.format("%s-SKU-%02d", shopId, products.size() + 1);
        String name = "香薰蜡烛礼盒 Scented candle gift box";
        BigDecimal price = new BigDecimal("79.00");
        OffsetDateTime placed = end.minusHours(20);
        data.add("products", "sku", sku, "shopId", shopId, "name", name, "listedStock", 10);
        data.add("stock-counts", "sku", sku, "countedQuantity", 5, "countedAt", placed.plusHours(3));
        data.add("orders", "orderNo", orderNo, "shopId", shopId, "sku", sku, "productName", name, "quantity", 8,
                "amount", price.multiply(BigDecimal.valueOf(8)), "buyerId", "B-77801", "buyerRegion", "浙江 Zhejiang",
                "placedAt", placed, "status", "AWAITING_SHIPMENT", "shippedAt", null, "deliveredAt", null,
                "listedStockAtOrder", 10);
    }

    private boolean inStorm(OffsetDateTime t) {
        return t.isAfter(end.minusDays(STORM_FROM_DAYS)) && t.isBefore(end.minusDays(STORM_TO_DAYS));
    }

}
