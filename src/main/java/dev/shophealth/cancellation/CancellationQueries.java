package dev.shophealth.cancellation;

import dev.shophealth.common.PageResponse;
import dev.shophealth.common.ProblemException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import dev.shophealth.order.ShopScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The reviewer queue, single requests, and the merchant's cancellation records as a spreadsheet. */
@ApplicationScoped
public class CancellationQueries {

    static final List<String> RECORD_COLUMNS = List.of("orderNo", "reason", "detail", "submittedAt", "decidedAt",
            "handlingMinutes", "status", "decidedBy", "reviewNote", "contactChannel", "contactedAt", "contactSummary",
            "compensationType", "compensationAmount", "refundAmount");
    /** The same columns for a Chinese reader. */
    static final List<String> RECORD_COLUMNS_ZH = List.of("订单号", "取消原因", "说明", "申请时间", "处理时间",
            "处理时长（分钟）", "状态", "处理人", "审核备注", "沟通方式", "沟通时间", "沟通内容", "补偿方式", "补偿金额",
            "退款金额");

    @Inject
    CancellationViews views;

    @Inject
    ShopScope scope;

    /** Oldest first, so the longest-waiting request is reviewed first. */
    @Transactional
    public PageResponse<CancellationResponse> list(CancellationStatus status, String shopId, int page, int size,
            Locale locale, Instant now) {
        List<String> where = new ArrayList<>(List.of("1 = 1"));
        Parameters params = new Parameters();
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        scope.restrict(shopId, where, params);
        var query = Cancellation.<Cancellation>find(String.join(" and ", where),
                Sort.ascending("submittedAt").and("id"), params).page(page, size);
        return new PageResponse<>(views.ofAll(query.list(), locale, now), page, size, query.count());
    }

    /** What the reviewers' queue is filtered by; null means any ({@code shops}: an empty list matches none). */
    public record QueueFilter(CancellationReason reason, String shopId, java.util.Collection<String> shops,
            java.math.BigDecimal minAmount, java.math.BigDecimal maxAmount) {
    }

    /** A waiting request with its order's amount and product (null when the order is not on record). */
    public record QueueRow(CancellationResponse request, java.math.BigDecimal amount, String productName) {
    }

    /**
     * The waiting requests that match, oldest first, with their orders: filtered, counted and paged by the
     * database, the page's requests rendered in one batch.
     */
    @Transactional
    public PageResponse<QueueRow> queue(QueueFilter filter, int page, int size, Locale locale, Instant now) {
        StringBuilder where = new StringBuilder(" from Cancellation c left join ShopOrder o on o.orderNo = c.orderNo"
                + " where c.status = :pending");
        Parameters params = Parameters.with("pending", CancellationStatus.PENDING_REVIEW);
        if (filter.shops() != null && filter.shops().isEmpty()) {
            return new PageResponse<>(List.of(), page, size, 0);
        }
        andIfGiven(where, params, "c.reason = :reason", "reason", filter.reason());
        andIfGiven(where, params, "upper(c.shopId) = upper(:shop)", "shop", filter.shopId());
        andIfGiven(where, params, "c.shopId in :shops", "shops", filter.shops());
        andIfGiven(where, params, "o.amount >= :min", "min", filter.minAmount());
        andIfGiven(where, params, "o.amount <= :max", "max", filter.maxAmount());
        var em = Cancellation.getEntityManager();
        var rows = em.createQuery("select c, o.amount, o.productName" + where + " order by c.submittedAt, c.id",
                Object[].class);
        var count = em.createQuery("select count(c)" + where, Long.class);
        params.map().forEach((k, v) -> {
            rows.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Object[]> found = rows.setFirstResult(page * size).setMaxResults(size).getResultList();
        List<CancellationResponse> views = this.views.ofAll(found.stream().map(r -> (Cancellation) r[0]).toList(),
                locale, now);
        List<QueueRow> items = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            items.add(new QueueRow(views.get(i), (java.math.BigDecimal) found.get(i)[1], (String) found.get(i)[2]));
        }
        return new PageResponse<>(items, page, size, count.getSingleResult());
    }

    /** Adds {@code condition} and its parameter to a query's filter when {@code value} is given (not null). */
    private static void andIfGiven(StringBuilder where, Parameters params, String condition, String name,
            Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.and(name, value);
        }
    }

    /** The shops that have a request waiting for a reviewer. */
    @Transactional
    public List<String> waitingShops() {
        return Cancellation.getEntityManager().createQuery(
                "select distinct c.shopId from Cancellation c where c.status = :pending", String.class)
                .setParameter("pending", CancellationStatus.PENDING_REVIEW).getResultList();
    }

    /** How many requests wait for a reviewer. */
    @Transactional
    public long waiting() {
        return Cancellation.count("status", CancellationStatus.PENDING_REVIEW);
    }

    /**
     * A shop's requests for reading, newest first, filtered by reason, status and submission time
     * ([{@code from}, {@code to}), either may be null) and paged by the database.
     */
    @Transactional
    public PageResponse<CancellationResponse> history(String shopId, CancellationReason reason,
            CancellationStatus status, Instant from, Instant to, int page, int size, Locale locale, Instant now) {
        scope.requireShop(shopId);
        StringBuilder where = new StringBuilder("shopId = :shop");
        Parameters params = Parameters.with("shop", shopId);
        andIfGiven(where, params, "reason = :reason", "reason", reason);
        andIfGiven(where, params, "status = :status", "status", status);
        andIfGiven(where, params, "submittedAt >= :from", "from", from);
        andIfGiven(where, params, "submittedAt < :to", "to", to);
        var query = Cancellation.<Cancellation>find(where.toString(),
                Sort.descending("submittedAt").and("id", Sort.Direction.Descending), params).page(page, size);
        return new PageResponse<>(views.ofAll(query.list(), locale, now), page, size, query.count());
    }

    @Transactional
    public CancellationResponse get(String id, Locale locale, Instant now) {
        Cancellation c = Cancellation.findById(id);
        if (c == null || !scope.sees(c.shopId)) {
            throw ProblemException.notFound("No cancellation request '" + id + "'");
        }
        return views.of(c, locale, now);
    }

    /**
     * A shop's requests as CSV for a spreadsheet, oldest first as the guide asks merchants to keep them (UTF-8 with a
     * byte-order mark so spreadsheets show Chinese text correctly): column names in the reader's language, times in
     * {@code zone} with their offset, the handling time in whole minutes, cells a spreadsheet would take for a
     * formula defused; only requests submitted in [{@code from}, {@code to}) when given.
     */
    @Transactional
    public String records(String shopId, java.util.Locale locale, java.time.ZoneId zone, Instant from, Instant to) {
        scope.requireShop(shopId);
        StringBuilder where = new StringBuilder(" from Cancellation c where c.shopId = :shop");
        Parameters params = Parameters.with("shop", shopId);
        andIfGiven(where, params, "c.submittedAt >= :from", "from", from);
        andIfGiven(where, params, "c.submittedAt < :to", "to", to);
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        java.util.function.Function<Instant, String> at = t -> t == null ? null
                : time.format(t.atZone(zone).toOffsetDateTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        StringWriter out = new StringWriter().append('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            csv.printRecord("zh".equals(locale.getLanguage()) ? RECORD_COLUMNS_ZH : RECORD_COLUMNS);
            List<Cancellation> all = Cancellation.<Cancellation>list("select c" + where + " order by c.submittedAt",
                    params);
            // the contacts and refunds of these requests in two statements, not two per request
            java.util.Map<String, BuyerContact> contacts = new java.util.HashMap<>();
            java.util.Map<String, Refund> refunds = new java.util.HashMap<>();
            BuyerContact.<BuyerContact>list("requestId in (select c.id" + where + ")", params)
                    .forEach(b -> contacts.put(b.requestId, b));
            Refund.<Refund>list("requestId in (select c.id" + where + ")", params)
                    .forEach(r -> refunds.putIfAbsent(r.requestId, r));
            for (Cancellation c : all) {
                BuyerContact contact = contacts.get(c.id);
                Refund refund = refunds.get(c.id);
                csv.printRecord(java.util.stream.Stream.of(c.orderNo, c.reason, c.detail, at.apply(c.submittedAt),
                        at.apply(c.decidedAt),
                        c.decidedAt == null ? null : Duration.between(c.submittedAt, c.decidedAt).toMinutes(),
                        c.status, c.decidedBy, c.reviewNote,
                        contact == null ? null : contact.channel, contact == null ? null : at.apply(contact.contactedAt),
                        contact == null ? null : contact.summary, contact == null ? null : contact.compensationType,
                        contact == null ? null : contact.compensationAmount, refund == null ? null : refund.amount)
                        .map(dev.shophealth.common.CsvCells::defused));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
