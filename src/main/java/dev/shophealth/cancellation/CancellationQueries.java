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
            "handlingTime", "status", "decidedBy", "reviewNote", "contactChannel", "contactedAt", "contactSummary",
            "compensationType", "compensationAmount", "refundAmount");

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
    public String records(String shopId) {
        scope.requireShop(shopId);
        StringWriter out = new StringWriter().append('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            csv.printRecord(RECORD_COLUMNS);
            for (Cancellation c : Cancellation.<Cancellation>list("shopId", Sort.ascending("submittedAt"), shopId)) {
                BuyerContact contact = BuyerContact.findById(c.id);
                Refund refund = Refund.find("requestId", c.id).firstResult();
                csv.printRecord(c.orderNo, c.reason, c.detail, c.submittedAt, c.decidedAt,
                        c.decidedAt == null ? null : Duration.between(c.submittedAt, c.decidedAt),
                        c.status, c.decidedBy, c.reviewNote,
                        contact == null ? null : contact.channel, contact == null ? null : contact.contactedAt,
                        contact == null ? null : contact.summary, contact == null ? null : contact.compensationType,
                        contact == null ? null : contact.compensationAmount, refund == null ? null : refund.amount);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
