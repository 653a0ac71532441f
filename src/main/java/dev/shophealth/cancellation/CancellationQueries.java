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
        return new PageResponse<>(query.list().stream().map(c -> views.of(c, locale, now)).toList(), page, size,
                query.count());
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
     * Every request of a shop as CSV, oldest first, as the guide asks merchants to keep them: UTF-8 with a
     * byte-order mark so spreadsheets show Chinese text correctly.
     */
    @Transactional
    /**
     * A shop's requests as CSV for a spreadsheet (UTF-8 with a byte-order mark): column names in the reader's
     * language, times in {@code zone} with their offset, the handling time in whole minutes, cells a spreadsheet
     * would take for a formula defused; only requests submitted in [{@code from}, {@code to}) when given.
     */
    public String records(String shopId, java.util.Locale locale, java.time.ZoneId zone, Instant from, Instant to) {
        scope.requireShop(shopId);
        StringBuilder where = new StringBuilder("shopId = :shop");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("shop", shopId);
        if (from != null) {
            where.append(" and submittedAt >= :from");
            params = params.and("from", from);
        }
        if (to != null) {
            where.append(" and submittedAt < :to");
            params = params.and("to", to);
        }
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        java.util.function.Function<Instant, String> at = t -> t == null ? null
                : time.format(t.atZone(zone).toOffsetDateTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        StringWriter out = new StringWriter().append('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            csv.printRecord("zh".equals(locale.getLanguage()) ? RECORD_COLUMNS_ZH : RECORD_COLUMNS);
            for (Cancellation c : Cancellation.<Cancellation>list(where.toString(), Sort.ascending("submittedAt"),
                    params)) {
                BuyerContact contact = BuyerContact.findById(c.id);
                Refund refund = Refund.find("requestId", c.id).firstResult();
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
